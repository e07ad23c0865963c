#pragma once
// The simulator: executes a procedure on the world state and checks SPEC §8's seven invariants
// after every step and at the end. Production code runs it on every plan, runbook and fail-back
// before printing; a violation marks its step and the procedure is reported as unsafe.

#include <map>
#include <set>
#include <string>
#include <vector>

#include "planner/step.hpp"

namespace ceplan {

/// What a procedure must achieve (invariant 7).
struct Goal {
  /// The kind of procedure.
  enum class Kind { plan, runbook, failback };
  Kind kind = Kind::plan;      ///< which goal holds at the end
  std::string restore_to;      ///< runbook: the region the project is re-created in
  std::set<std::string> down;  ///< plan: apps reported down (exempt from serving)
  WorldState normal;           ///< fail-back: the placement to return to
};

/// Replays `steps` from `start`, recording in each step the invariants it breaks; returns the
/// violations of the end state (goal, readers, schedules, scale), each naming its invariant.
[[nodiscard]] std::vector<std::string> simulate(const Deployment& deployment, const Catalog& catalog, WorldState start,
                                                std::vector<Step>& steps, const Goal& goal);

/// The apps of `state` that serve: running in a reachable region whose origin pool is enabled (or
/// in any reachable region when there is no edge proxy).
[[nodiscard]] std::vector<std::string> serving_regions(const Deployment& deployment, const WorldState& state,
                                                       const std::string& app);

}  // namespace ceplan
