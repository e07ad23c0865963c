#pragma once
// The planning figures of docs/planner.md, computed once for rules and planner alike.

#include <cstdint>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "model/deployment.hpp"

namespace ceplan {

/// Worst-case failover time of an app, term by term, in seconds.
struct FailoverTime {
  std::int64_t detection = 0;    ///< interval + (retries + 1) × timeout
  std::int64_t propagation = 0;  ///< 0 when proxied, else the DNS TTL
  std::int64_t warmup = 0;       ///< standby warm-up when the app scales to zero where it lands, else 0
  std::int64_t data = 0;         ///< promote or restore time of the data it uses in the lost regions
  std::int64_t decision = 0;     ///< objectives.decision_time when a manual data step is on its path
  /// detection + propagation + warm-up + data + decision.
  [[nodiscard]] std::int64_t total() const { return detection + propagation + warmup + data + decision; }
  /// The name of the largest term ("detection", "propagation", "warm-up", "data", "human").
  [[nodiscard]] std::string_view largest_term() const;
};

/// What the data a workload uses needs after an outage (docs/deploy-file.md).
struct DataRecovery {
  std::int64_t seconds = 0;           ///< the longest promote or restore time among its stores
  std::vector<std::string> promoted;  ///< stores whose replica is promoted
  std::vector<std::string> restored;  ///< stores restored from a backup copy
  std::vector<std::string> lost;      ///< stores with no surviving copy: the workload cannot run
  /// Stores that keep their writable copy but lose their replica or named backup copy.
  std::vector<std::string> copy_lost;
};

/// The data `workload` uses when the `lost` regions are gone. A backup whose location is not
/// named (cross_region_copy alone) survives a region outage but not a whole geography's
/// (`whole_geography`), since nothing proves it left the geography.
[[nodiscard]] DataRecovery data_recovery(const Deployment& deployment, const Workload& workload,
                                         const std::vector<std::string>& lost, bool whole_geography);

/// The failover time of `app` when it lands in `takeover` after the `lost` regions go down,
/// under the deployment's edge proxy (defaults when absent).
[[nodiscard]] FailoverTime failover_time(const Deployment& deployment, const App& app, std::string_view takeover,
                                         const DataRecovery& data);

/// The longest failover of `app` when any one region it serves from is lost (CE202).
[[nodiscard]] FailoverTime worst_failover_time(const Deployment& deployment, const App& app);

/// Composite availability of an app, percent, with the numbers that went into it.
struct CompositeAvailability {
  double percent = 0;           ///< the composite figure
  double edge_proxy = 0;        ///< A(edge proxy), percent; 0 without an edge proxy
  std::vector<double> regions;  ///< A(region) for each region, percent
  std::size_t stores = 0;       ///< data stores it uses, each in series
  double store = 0;             ///< A(store), percent: IBM's SLA for a GA service
};

/// (1 − Π(1 − A(region))) over the app's regions, times A(edge) when there is an edge proxy,
/// whatever the number of regions, so that adding a region never lowers it, times A(store) for
/// each data store it uses (SPEC §9: a failed store stops the app wherever it runs).
/// Assumes regional failures are independent, as IBM's multizone design intends.
[[nodiscard]] CompositeAvailability composite_availability(const Deployment& deployment, const App& app,
                                                           const Catalog& catalog);

/// Minutes of downtime in a 30-day month that an availability percentage allows.
[[nodiscard]] double downtime_minutes_per_month(double percent);
/// Hours of downtime in a 365-day year that an availability percentage allows.
[[nodiscard]] double downtime_hours_per_year(double percent);

/// A duration in seconds as a deploy file writes it: "90s", "15m", "1h30m", "0s".
[[nodiscard]] std::string format_duration(std::int64_t seconds);
/// A percentage with four decimals, truncated so that it never reads higher than it is.
[[nodiscard]] std::string format_percent(double percent);

}  // namespace ceplan
