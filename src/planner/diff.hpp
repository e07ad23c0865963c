#pragma once
// What a change to a deploy file does to resilience (`ceplan diff`): every scenario's outcome for
// every app and job, failover times, availability, findings and objectives, before and after.

#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "model/deployment.hpp"
#include "rules/check.hpp"

namespace ceplan {

/// A file's verdict, from best to worst news for a reviewer.
enum class Verdict { unchanged, changed, improved, regressed };

/// One workload in one scenario whose outcome differs.
struct OutcomeChange {
  std::string scenario;                         ///< "region us-south", "zone us-south-1", "geography Europe"
  std::string kind;                             ///< "app" or "job"
  std::string name;                             ///< the workload (its new name when renamed)
  std::string before;                           ///< status before
  std::string after;                            ///< status after
  std::optional<std::int64_t> failover_before;  ///< worst-case failover, seconds
  std::optional<std::int64_t> failover_after;   ///< worst-case failover, seconds
  std::string term;     ///< the failover term that changed most: detection, propagation, warm-up, data
  bool worse = false;   ///< a regression
  bool better = false;  ///< an improvement
};

/// An app whose composite availability differs.
struct AvailabilityChange {
  std::string app;  ///< app name
  double before;    ///< percent
  double after;     ///< percent
};

/// A finding that appeared or went away.
struct FindingChange {
  bool appeared;    ///< true: new; false: gone
  Finding finding;  ///< the finding (from the new file when appeared, the old one when gone)
};

/// What a change does to one file.
struct FileDiff {
  std::vector<OutcomeChange> outcomes;           ///< in scenario order, then workload order
  std::vector<AvailabilityChange> availability;  ///< apps whose figure differs
  std::vector<FindingChange> findings;           ///< appeared and gone
  std::vector<std::string> objectives;           ///< "rto: 15m -> 10m"
  std::vector<std::string> workloads;            ///< "app 'a' removed", "job 'b' added", "app 'a' renamed to 'c'"
  Verdict verdict = Verdict::unchanged;          ///< the worst news
};

/// What counts as a regression.
struct DiffPolicy {
  std::int64_t failover_growth = 60;    ///< seconds a failover time may grow without regressing
  Severity findings = Severity::error;  ///< a new finding at or above it regresses
};

/// Compares `before` with `after` over every zone, region and geography either uses.
[[nodiscard]] FileDiff diff(const Deployment& before, const Deployment& after, const Catalog& catalog,
                            const DiffPolicy& policy = {});

/// "unchanged", "changed", "improved", "regressed".
[[nodiscard]] std::string_view to_string(Verdict verdict);

}  // namespace ceplan
