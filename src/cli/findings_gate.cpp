#include "cli/findings_gate.hpp"

#include <algorithm>
#include <iostream>

#include <fmt/format.h>

#include "cli/app.hpp"
#include "render/findings.hpp"
#include "render/plan.hpp"
#include "render/script.hpp"
#include "rules/check.hpp"
#include "rules/rule_table.hpp"

namespace ceplan::cli {

void add_ignore_findings_option(CLI::App& command, bool& ignore) {
  command.add_flag("--ignore-findings", ignore,
                   "Write the plan or runbook even when the file has error findings (the output says so)");
}

void add_procedure_options(Context& context, CLI::App& command, ProcedureOptions& options) {
  CLI::Option* format = add_format_option(context, command, options.format, {"text", "markdown", "json", "script"});
  add_ignore_findings_option(command, options.ignore_findings);
  command
      .add_flag("--rehearse", options.rehearse,
                "Write the read-only rehearsal script: it checks that each step's preconditions hold in the live "
                "account and changes nothing (always a script)")
      ->excludes(format);
  command.add_flag("--show-effects", options.effects,
                   "Show what each step changes in the world state (JSON always carries it as 'effect', and with this "
                   "flag the whole state before and after as 'world')");
}

bool emit_script(Context& context, const Deployment& deployment, const ProcedureOptions& options,
                 const ScriptProcedure& procedure) {
  if (!options.script())
    return false;
  if (options.rehearse) {
    const auto checks = planner::rehearsal(deployment, procedure.start, procedure.steps);
    context.emit(
        render::script(deployment, procedure.steps, procedure.title, procedure.command_line + " --rehearse", &checks),
        true);
    return true;
  }
  if (render::unsafe(procedure.steps, procedure.unsafe))
    throw usage_error(
        "the simulator found this procedure unsafe, so no script is written; "
        "--format text shows why");
  context.emit(
      render::script(deployment, procedure.steps, procedure.title, procedure.command_line + " --format script"), true);
  return true;
}

void fail_if_unsafe(const std::vector<Step>& steps, const std::vector<std::string>& unsafe, Context& context) {
  if (render::unsafe(steps, unsafe))
    context.exit_code = exit_cannot_run;
}

std::optional<std::vector<std::string>> gate_on_findings(const Deployment& deployment, const Catalog& catalog,
                                                         bool ignore, Context& context) {
  std::vector<Finding> blocking;
  std::vector<std::string> unmet;
  for (Finding& finding : check(deployment, catalog)) {
    if (finding.severity != Severity::error)
      continue;
    if (blocks_procedures(*finding.rule)) {
      blocking.push_back(std::move(finding));
    } else if (std::find(unmet.begin(), unmet.end(), finding.rule->id) == unmet.end()) {
      unmet.emplace_back(finding.rule->id);
    }
  }
  // An unmet objective never withholds the steps that recover the service: it is a note on top.
  std::vector<std::string> notes;
  if (!unmet.empty())
    notes.push_back(
        fmt::format("{} has error findings that do not change the steps ({}; ceplan validate lists "
                    "them): the recovery below falls short of what the file asks",
                    printable(deployment.source), fmt::join(unmet, ", ")));
  if (blocking.empty())
    return notes;
  const std::string count = fmt::format("{} error finding{}", blocking.size(), blocking.size() == 1 ? "" : "s");
  if (ignore) {
    notes.insert(notes.begin(),
                 fmt::format("{} has {} (ceplan validate lists them); written anyway because of --ignore-findings, "
                             "so some steps may contradict each other",
                             printable(deployment.source), count));
    return notes;
  }
  const bool one = blocking.size() == 1;
  const std::vector<render::FileReport> reports{{deployment.source, std::move(blocking)}};
  std::cerr << render::findings(reports, render::FindingsFormat::text)
            << fmt::format(
                   "ceplan: {} has {} that {} the steps contradict each other; fix {}, or pass "
                   "--ignore-findings to write the steps anyway\n",
                   printable(deployment.source), count, one ? "makes" : "make", one ? "it" : "them");
  context.exit_code = 1;
  return std::nullopt;
}

}  // namespace ceplan::cli
