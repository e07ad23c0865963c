#pragma once
// Fail-back (`ceplan failback`): the way back to the normal placement once the lost regions return.

#include "planner/runbook.hpp"
#include "planner/scenario.hpp"

namespace ceplan {

/// The procedure from the state the plan of `scenario` leaves, with the lost regions back, to the
/// normal placement the deploy file describes: stale schedules stopped, each moved store re-seeded
/// and switched back, readers repointed, the returning pools enabled before any other is removed,
/// schedules moved back, takeover regions scaled back. Simulated like every procedure.
[[nodiscard]] Runbook failback(const Deployment& deployment, const Catalog& catalog, const Scenario& scenario);

}  // namespace ceplan
