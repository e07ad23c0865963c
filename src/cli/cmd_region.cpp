#include "cli/commands.hpp"
#include "render/catalog.hpp"

namespace ceplan::cli {

void set_region_command(CLI::App& command_app, Context& context) {
  struct Options {
    std::string id;
    std::string format;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = &command_app;
  command->add_option("ID", options->id, "Region id or city, e.g. eu-gb or London")->required();
  add_format_option(context, *command, options->format, {"text", "json", "yaml"});
  command->footer("Examples:\n  ceplan region eu-gb\n  ceplan region jp-osa --format json");
  command->callback([options, &context] {
    const Catalog catalog = context.catalog();
    // IBM's city names work too (`ceplan region frankfurt`); anything else gets a hint.
    const Region* named = catalog.find_named(options->id);
    const Region& region = named != nullptr ? *named : catalog.at(options->id);
    context.emit(render::region(region, render::parse_catalog_format(options->format)));
  });
}

}  // namespace ceplan::cli
