#pragma once
// Renders a procedure (plan, runbook, fail-back) as a bash script that runs its steps, guarded:
// one function per step, every block's target and project read back before anything in it
// changes, deletions confirmed, manual steps waited for, and each step logged (docs/runbook-scripts.md).

#include <string>
#include <string_view>
#include <vector>

#include "planner/rehearsal.hpp"
#include "planner/step.hpp"

namespace ceplan::render {

/// The script that runs `steps`; `title` heads it and `command_line` says how it was generated.
/// With `rehearsal` (the checks before each step, planner/rehearsal.hpp), the read-only script that
/// runs those checks instead and ends with a readiness report.
[[nodiscard]] std::string script(const Deployment& deployment, const std::vector<Step>& steps, std::string_view title,
                                 std::string_view command_line,
                                 const std::vector<std::vector<planner::Check>>* rehearsal = nullptr);

}  // namespace ceplan::render
