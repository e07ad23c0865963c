#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/io.hpp"
#include "cli/live_input.hpp"
#include "render/export_draft.hpp"
#include "render/terraform_draft.hpp"

namespace ceplan::cli {

namespace {

// Tells where the draft went and how many lines need a person.
void report_draft(const std::string& text, const Context& context) {
  if (context.output_path.empty())
    return;
  std::size_t todos = 0;
  for (std::size_t at = text.find("# TODO"); at != std::string::npos; at = text.find("# TODO", at + 1)) ++todos;
  std::cerr << fmt::format("wrote {} with {} TODO line{} to review; then: ceplan validate {}\n",
                           printable(context.output_path), todos, todos == 1 ? "" : "s",
                           printable(context.output_path));
}

void set_ce_export_command(CLI::App& command_app, Context& context) {
  struct Options {
    std::vector<std::string> directories;
    std::string region;
    std::string project;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = command_app.add_subcommand(
      "ce-export",
      "Draft a deploy file from IBM's Code Engine export (kubectl get KIND -o json), a directory per region");
  command
      ->add_option("DIR", options->directories,
                   "A region's export, named after the region (export/us-south), or a directory of them (export)")
      ->required();
  command->add_option("--region", options->region, "The region of a single export directory not named after it");
  command->add_option("--project", options->project, "The project's name (the export does not hold it)");
  command->footer(
      "Examples:\n  ceplan import ce-export export --project shop -o deploy.yaml   # export/us-south, export/eu-de\n"
      "  ceplan import ce-export us-export --region us-south\n"
      "How to take the export: docs/live-drift.md. Secret values are never read or written.");
  command->callback([options, &context] {
    const Catalog catalog = context.catalog();
    const live::Export live = read_live_export(options->directories, options->region, "--region", context, catalog);
    const std::string text = render::export_draft(live, options->project);
    context.emit(text);
    report_draft(text, context);
  });
}

}  // namespace

void set_import_command(CLI::App& command_app, Context& context) {
  struct Options {
    std::string file;
    std::string region;
    std::string project;
  };
  auto options = std::make_shared<Options>();
  command_app.require_subcommand(1);
  CLI::App* command =
      command_app.add_subcommand("terraform", "Draft a deploy file from `terraform show -json` (a plan or a state)");
  command->add_option("PLAN", options->file, "The JSON of `terraform show -json`; - reads standard input")->required();
  command->add_option("--region", options->region,
                      "Region of resources whose provider takes its region from the environment (IC_REGION)");
  command->add_option("--project", options->project,
                      "The project to draft, when the plan has several (default: the first)");
  command->footer(
      "Examples:\n  terraform show -json tfplan > plan.json && ceplan import terraform plan.json -o deploy.yaml\n"
      "  terraform show -json | ceplan import terraform - --region us-south\n"
      "  ceplan import terraform plan.json --project payments -o payments.yaml\n"
      "Every line Terraform cannot fill is a # TODO. Sensitive values, secret data and literal environment "
      "values are never written.");
  command->callback([options, &context] {
    const auto inventory = read_terraform(options->file, options->region, context, "--region");
    const std::string text = render::terraform_draft(terraform::select_project(inventory, options->project));
    context.emit(text);
    report_draft(text, context);
  });
  set_ce_export_command(command_app, context);
}

}  // namespace ceplan::cli
