#include "cli/commands.hpp"

#include <fmt/format.h>

#include "cli/config_files.hpp"
#include "cli/findings_gate.hpp"
#include "cli/io.hpp"
#include "planner/ibmcloud.hpp"
#include "render/plan.hpp"

namespace ceplan::cli {

void set_plan_command(CLI::App& command_app, Context& context) {
  struct Options {
    std::string file;
    std::string scenario;
    ProcedureOptions procedure;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = &command_app;
  command->add_option("FILE", options->file, "Deploy file; - reads standard input")->required();
  options->scenario = "all";
  command->add_option("--scenario", options->scenario, "zone:ZONE, region:ID, geography:NAME or all")
      ->capture_default_str();
  add_procedure_options(context, *command, options->procedure);
  command->footer(
      "Examples:\n  ceplan plan deploy.yaml --scenario region:us-south\n"
      "  ceplan plan deploy.yaml --scenario zone:us-south-1 --format json\n"
      "  ceplan plan deploy.yaml --scenario all --format markdown -o RESILIENCE.md");
  command->callback([options, &context] {
    context.catalog_path = configured_catalog(options->file, context.catalog_path, context.limits);
    const Catalog catalog = context.catalog();
    const Deployment deployment = read_deployment(options->file, context.limits, context.stdin_filename);
    const auto scenarios = parse_scenarios(options->scenario, deployment, catalog);
    const auto notes = gate_on_findings(deployment, catalog, options->procedure.ignore_findings, context);
    if (!notes) {
      return;
    }
    std::vector<ScenarioPlan> plans;
    for (const Scenario& scenario : scenarios) {
      plans.push_back(plan(deployment, catalog, scenario));
      plans.back().notes = *notes;
    }
    if (options->procedure.script()) {
      if (plans.size() != 1)
        throw usage_error("a script takes one scenario: name it with --scenario region:ID, zone:ID or geography:NAME");
      const std::string command_line = fmt::format("ceplan plan {} --scenario {}", planner::shell_word(options->file),
                                                   planner::shell_word(options->scenario));
      emit_script(context, deployment, options->procedure,
                  {plans.front().steps, plans.front().unsafe, render::heading(plans.front(), deployment), command_line,
                   plans.front().start});
      return;
    }
    context.emit(render::plans(deployment, catalog, plans, render::parse_plan_format(options->procedure.format),
                               options->procedure.effects));
    for (const ScenarioPlan& planned : plans) fail_if_unsafe(planned.steps, planned.unsafe, context);
  });
}

}  // namespace ceplan::cli
