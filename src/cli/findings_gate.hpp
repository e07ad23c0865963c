#pragma once
// Plans and runbooks from a file with error findings contradict themselves (a job scheduled twice,
// a secret nobody declared): plan and runbook refuse them unless told to go on.

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "cli/context.hpp"
#include "model/deployment.hpp"

namespace ceplan::cli {

/// Adds `--ignore-findings` to a command.
void add_ignore_findings_option(CLI::App& command, bool& ignore);

/// Checks the deployment. Without error findings, returns no notes. With them, and `ignore`,
/// returns the note the output must carry; without `ignore`, prints the findings to standard
/// error, sets the exit code to 1 and returns nullopt: the command writes nothing.
[[nodiscard]] std::optional<std::vector<std::string>> gate_on_findings(const Deployment& deployment,
                                                                       const Catalog& catalog, bool ignore,
                                                                       Context& context);

}  // namespace ceplan::cli
