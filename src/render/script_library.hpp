#pragma once
// The shell functions every runbook script shares: option parsing, the step log, the guarded
// `run`, the target and project assertions, confirmations and manual waits.

#include <cstddef>
#include <string>
#include <vector>

#include "planner/rehearsal.hpp"

namespace ceplan::render {

/// The shared functions of a runbook script (bash), after its arrays of steps; `rehearse` gives
/// the read-only variant, which reports instead of stopping at a failed check.
[[nodiscard]] std::string script_library(bool rehearse);

/// The function `step_INDEX` of a rehearsal: the step's read-only checks, grouped by region (the
/// region targeted and read back, the project selected), each reported as passed or failed.
[[nodiscard]] std::string rehearsal_function(const Deployment& deployment, const std::vector<planner::Check>& checks,
                                             std::size_t index);

}  // namespace ceplan::render
