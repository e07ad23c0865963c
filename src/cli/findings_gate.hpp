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
#include "planner/step.hpp"

namespace ceplan::cli {

/// Adds `--ignore-findings` to a command.
void add_ignore_findings_option(CLI::App& command, bool& ignore);

/// The options plan, runbook and failback share.
struct ProcedureOptions {
  std::string format;            ///< `--format text|markdown|json|script`
  bool ignore_findings = false;  ///< `--ignore-findings`
  bool effects = false;          ///< `--show-effects`
  bool rehearse = false;         ///< `--rehearse`: the read-only rehearsal script

  /// True when the output is a script: `--format script` or `--rehearse`.
  [[nodiscard]] bool script() const { return format == "script" || rehearse; }
};
/// Adds the options plan, runbook and failback share.
void add_procedure_options(Context& context, CLI::App& command, ProcedureOptions& options);
/// A procedure as a script renders it.
struct ScriptProcedure {
  const std::vector<Step>& steps;          ///< its steps
  const std::vector<std::string>& unsafe;  ///< what the simulator found wrong with its end state
  std::string title;                       ///< its heading
  std::string command_line;                ///< the ceplan command that generates it
  const WorldState& start;                 ///< the world state its steps start from
};
/// With `--format script` or `--rehearse`, writes the procedure as a script, or its read-only
/// rehearsal (executable with -o), and returns true; an unsafe procedure gives no script
/// (InputError). Other formats: false, nothing written.
bool emit_script(Context& context, const Deployment& deployment, const ProcedureOptions& options,
                 const ScriptProcedure& procedure);
/// A procedure the simulator found unsafe is printed for review but never passes as safe: exit 2.
void fail_if_unsafe(const std::vector<Step>& steps, const std::vector<std::string>& unsafe, Context& context);

/// Checks the deployment. Error findings that make steps contradict each other (SPEC §8,
/// blocks_procedures) refuse the file: without `ignore`, they go to standard error, the exit code
/// becomes 1 and nullopt is returned, so the command writes nothing; with `ignore`, a note says
/// so. Other error findings (unmet objectives) never block: a note names their rules.
[[nodiscard]] std::optional<std::vector<std::string>> gate_on_findings(const Deployment& deployment,
                                                                       const Catalog& catalog, bool ignore,
                                                                       Context& context);

}  // namespace ceplan::cli
