#include "cli/commands.hpp"

#include <fmt/format.h>

#include "cli/config_files.hpp"
#include "cli/findings_gate.hpp"
#include "cli/io.hpp"
#include "planner/ibmcloud.hpp"
#include "render/plan.hpp"

namespace ceplan::cli {

void set_runbook_command(CLI::App& command_app, Context& context) {
  struct Options {
    std::string file;
    std::string to;
    std::string from;
    ProcedureOptions procedure;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = &command_app;
  command->add_option("FILE", options->file, "Deploy file; - reads standard input")->required();
  command->add_option("--restore-to", options->to, "Region to re-create the project in")->required();
  command->add_option("--from", options->from, "Region restored from (default: the primary, else the first)");
  add_procedure_options(context, *command, options->procedure);
  command->footer(
      "Examples:\n  ceplan runbook deploy.yaml --restore-to eu-gb\n"
      "  ceplan runbook deploy.yaml --restore-to ca-tor --from us-south --format markdown -o RUNBOOK.md\n"
      "  ceplan runbook deploy.yaml --restore-to eu-gb --format script -o restore.sh");
  command->callback([options, &context] {
    context.catalog_path = configured_catalog(options->file, context.catalog_path, context.limits);
    const Catalog catalog = context.catalog();
    const Deployment deployment = read_deployment(options->file, context.limits, context.stdin_filename);
    Runbook runbook = restore_runbook(deployment, catalog, options->to, options->from);
    const auto notes = gate_on_findings(deployment, catalog, options->procedure.ignore_findings, context);
    if (!notes) {
      return;
    }
    runbook.notes.insert(runbook.notes.begin(), notes->begin(), notes->end());
    const std::string command_line =
        fmt::format("ceplan runbook {} --restore-to {} --from {}", planner::shell_word(options->file),
                    planner::shell_word(runbook.to), planner::shell_word(runbook.from));
    if (emit_script(context, deployment, options->procedure,
                    {runbook.steps, runbook.unsafe, render::heading(runbook), command_line, runbook.start}))
      return;
    context.emit(
        render::runbook(runbook, render::parse_plan_format(options->procedure.format), options->procedure.effects));
    fail_if_unsafe(runbook.steps, runbook.unsafe, context);
  });
}

}  // namespace ceplan::cli
