#include "cli/commands.hpp"

#include <fmt/format.h>

#include "cli/config_files.hpp"
#include "cli/findings_gate.hpp"
#include "cli/io.hpp"
#include "planner/failback.hpp"
#include "planner/ibmcloud.hpp"
#include "render/plan.hpp"

namespace ceplan::cli {

void set_failback_command(CLI::App& command_app, Context& context) {
  struct Options {
    std::string file;
    std::string scenario;
    ProcedureOptions procedure;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = &command_app;
  command->add_option("FILE", options->file, "Deploy file; - reads standard input")->required();
  command->add_option("--scenario", options->scenario, "The outage to come back from: region:ID or geography:NAME")
      ->required();
  add_procedure_options(context, *command, options->procedure);
  command->footer(
      "Examples:\n  ceplan failback deploy.yaml --scenario region:us-south\n"
      "  ceplan failback deploy.yaml --scenario geography:Europe --format markdown -o FAILBACK.md");
  command->callback([options, &context] {
    context.catalog_path = configured_catalog(options->file, context.catalog_path, context.limits);
    const Catalog catalog = context.catalog();
    const Deployment deployment = read_deployment(options->file, context.limits, context.stdin_filename);
    const auto scenarios = parse_scenarios(options->scenario, deployment, catalog);
    if (scenarios.size() != 1 || scenarios.front().kind == ScenarioKind::zone)
      throw usage_error("failback takes one region:ID or geography:NAME scenario");
    const auto notes = gate_on_findings(deployment, catalog, options->procedure.ignore_findings, context);
    if (!notes) {
      return;
    }
    Runbook procedure = failback(deployment, catalog, scenarios.front());
    procedure.notes.insert(procedure.notes.begin(), notes->begin(), notes->end());
    const std::string command_line = fmt::format("ceplan failback {} --scenario {}", planner::shell_word(options->file),
                                                 planner::shell_word(options->scenario));
    if (emit_script(context, deployment, options->procedure,
                    {procedure.steps, procedure.unsafe, render::heading(procedure), command_line, procedure.start}))
      return;
    context.emit(
        render::runbook(procedure, render::parse_plan_format(options->procedure.format), options->procedure.effects));
    fail_if_unsafe(procedure.steps, procedure.unsafe, context);
  });
}

}  // namespace ceplan::cli
