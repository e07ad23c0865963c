#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "render/catalog.hpp"

namespace ceplan::cli {

void set_regions_command(CLI::App& command_app, Context& context) {
  struct Options {
    RegionFilter filter;
    std::string format;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = &command_app;
  command->add_option("--geography", options->filter.geography, "Only regions in this geography");
  command->add_option("--endpoint", options->filter.endpoint, "Only regions backing up to this endpoint");
  add_format_option(context, *command, options->format, {"text", "json", "yaml"});
  command->footer(
      "Examples:\n  ceplan regions\n  ceplan regions --geography Europe --format json\n"
      "  ceplan regions --endpoint AP");
  command->callback([options, &context] {
    const Catalog catalog = context.catalog();
    const auto selected = catalog.select(options->filter);
    if (selected.empty()) {
      std::string asked;
      if (!options->filter.geography.empty())
        asked += fmt::format(" --geography '{}'", options->filter.geography);
      if (!options->filter.endpoint.empty())
        asked += fmt::format(" --endpoint '{}'", options->filter.endpoint);
      std::cerr << fmt::format("ceplan: no region of the catalog matches{}\n", asked);
    }
    context.emit(render::regions(selected, render::parse_catalog_format(options->format)));
  });
}

}  // namespace ceplan::cli
