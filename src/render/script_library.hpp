#pragma once
// The shell functions every runbook script shares: option parsing, the step log, the guarded
// `run`, the target and project assertions, confirmations and manual waits.

#include <string>

namespace ceplan::render {

/// The shared functions of a runbook script (bash), after its arrays of steps; `rehearse` gives
/// the read-only variant, which reports instead of stopping at a failed check.
[[nodiscard]] std::string script_library(bool rehearse);

}  // namespace ceplan::render
