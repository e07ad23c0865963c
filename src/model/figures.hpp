#pragma once
// The planning figures of SPEC §5, computed once for rules and planner alike.

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
  std::int64_t warmup = 0;       ///< standby warm-up when the app scales to zero, else 0
  /// detection + propagation + warm-up.
  [[nodiscard]] std::int64_t total() const { return detection + propagation + warmup; }
};

/// The failover time of `app` under the deployment's edge proxy (defaults when absent).
[[nodiscard]] FailoverTime failover_time(const Deployment& deployment, const App& app);

/// Composite availability of an app, percent, with the numbers that went into it.
struct CompositeAvailability {
  double percent = 0;           ///< the composite figure
  double edge_proxy = 0;        ///< A(edge proxy), percent; 0 for a single-region app
  std::vector<double> regions;  ///< A(region) for each region, percent
};

/// A(edge) × (1 − Π(1 − A(region))) over the app's regions; A(region) for a single region.
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
