#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/io.hpp"
#include "render/starter.hpp"

namespace ceplan::cli {

void set_init_command(CLI::App& command_app, Context& context) {
  struct Options {
    std::string strategy{to_string(defaults::strategy)};
    std::vector<std::string> regions;
    std::string project = "shop";
    std::string file = "deploy.yaml";
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = &command_app;
  add_choice_option(context, *command, "--strategy", options->strategy, "Failover strategy",
                    {strategy_names.begin(), strategy_names.end()});
  command->add_option("--regions", options->regions, "Comma-separated region ids, the primary first")->delimiter(',');
  command->add_option("--project", options->project, "Code Engine project name")->capture_default_str();
  command->add_option("FILE", options->file, "File to write; never overwritten")->capture_default_str();
  command->footer(
      "Examples:\n  ceplan init\n  ceplan init --strategy warm-standby --regions us-south,eu-gb\n"
      "  ceplan init --project payments payments.yaml");
  command->callback([options, &context] {
    const Catalog catalog = context.catalog();
    const auto regions = options->regions.empty() ? render::starter_regions(catalog) : options->regions;
    const Strategy strategy = parse_strategy(options->strategy).value_or(defaults::strategy);
    const std::string file = context.output_path.empty() ? options->file : context.output_path;
    write_new_file(file, render::starter_deploy_file(catalog, strategy, regions, options->project));
    std::cerr << fmt::format("wrote {}; check it with: ceplan validate {}\n", file, file);
  });
}

}  // namespace ceplan::cli
