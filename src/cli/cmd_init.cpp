#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/io.hpp"
#include "render/config_reference.hpp"
#include "render/starter.hpp"
#include "rules/check.hpp"
#include "support/lists.hpp"

namespace ceplan::cli {

namespace {

// `--regions "us-south, eu-de"`: each id without the spaces around it, each once.
std::vector<std::string> region_list(const std::vector<std::string>& given) {
  std::vector<std::string> out;
  for (const std::string& word : given) {
    const std::string id(trim_spaces(word));
    if (id.empty())
      throw usage_error("--regions: an empty region id; separate ids with commas, as in us-south,eu-de");
    if (contains(out, id))
      throw usage_error(fmt::format("--regions: region '{}' is listed twice", printable(id)));
    out.push_back(id);
  }
  return out;
}

// Writes the starter .ceplan.yaml to `file` ("-": standard output), and says so.
void write_config(const std::string& file) {
  if (file == "-") {
    write_stdout(render::starter_config());
    return;
  }
  write_new_file(file, render::starter_config());
  std::cerr << fmt::format(
      "wrote {}; every key in it is commented out: uncomment what you need, and ceplan validate "
      "reads it for the files below it\n",
      printable(file));
}

}  // namespace

void set_init_command(CLI::App& command_app, Context& context) {
  struct Options {
    std::string strategy{to_string(defaults::strategy)};
    std::vector<std::string> regions;
    std::string project = "shop";
    std::string file = "deploy.yaml";
    bool config = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = &command_app;
  add_choice_option(context, *command, "--strategy", options->strategy, "Failover strategy",
                    {strategy_names.begin(), strategy_names.end()});
  // One word only, split at commas: the file name that may follow is not a region.
  command->add_option("--regions", options->regions, "Comma-separated region ids, the primary first")
      ->delimiter(',')
      ->allow_extra_args(false);
  command->add_option("--project", options->project, "Code Engine project name")->capture_default_str();
  command->add_flag("--config", options->config, "Write a commented .ceplan.yaml instead of a deploy file");
  command->add_option("FILE", options->file, "File to write, never overwritten; - writes to standard output")
      ->capture_default_str();
  command->footer(
      "Examples:\n  ceplan init\n  ceplan init --strategy warm-standby --regions us-south,eu-gb\n"
      "  ceplan init --project payments payments.yaml\n  ceplan init --config   # writes .ceplan.yaml");
  command->callback([options, &context] {
    if (options->config) {
      write_config(context.output_path.empty() ? (options->file == "deploy.yaml" ? ".ceplan.yaml" : options->file)
                                               : context.output_path);
      return;
    }
    const Catalog catalog = context.catalog();
    const auto regions = options->regions.empty() ? render::starter_regions(catalog) : region_list(options->regions);
    const Strategy strategy = parse_strategy(options->strategy).value_or(defaults::strategy);
    const std::string file = context.output_path.empty() ? options->file : context.output_path;
    const std::string text = render::starter_deploy_file(catalog, strategy, regions, options->project);
    const auto findings = validate(text, file, catalog);
    if (file == "-") {
      write_stdout(text);
    } else {
      write_new_file(file, text);
    }
    // Regions the user chose may not make a clean file (one geography, a registry in the primary):
    // say so rather than promise a clean start.
    const std::string count = fmt::format("{} finding{}", findings.size(), findings.size() == 1 ? "" : "s");
    if (file == "-") {
      if (!findings.empty())
        std::cerr << fmt::format("ceplan: {} for these regions; save the file and run ceplan validate on it\n", count);
      return;
    }
    std::cerr << fmt::format("wrote {}; {}: ceplan validate {}\n", printable(file),
                             findings.empty() ? "check it with" : count + " for these regions; see them with",
                             printable(file));
  });
}

}  // namespace ceplan::cli
