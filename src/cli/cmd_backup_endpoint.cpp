#include "cli/commands.hpp"
#include "render/catalog.hpp"

namespace ceplan::cli {

void set_backup_endpoint_command(CLI::App& command_app, Context& context) {
  struct Options {
    std::vector<std::string> ids;
    std::string endpoint;
    std::string format;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = &command_app;
  auto* ids = command->add_option("REGION", options->ids, "Region ids, e.g. eu-gb jp-tok");
  auto* endpoint = command->add_option("--endpoint", options->endpoint, "List the regions backing up to this endpoint");
  ids->excludes(endpoint);
  add_format_option(context, *command, options->format, {"text", "json", "yaml"});
  command->footer("Examples:\n  ceplan backup-endpoint eu-gb\n  ceplan backup-endpoint --endpoint AP");
  command->callback([options, &context] {
    const Catalog catalog = context.catalog();
    if (options->ids.empty() && options->endpoint.empty()) {
      throw usage_error("backup-endpoint needs region ids or --endpoint EP");
    }
    std::vector<const Region*> regions;
    if (options->ids.empty()) {
      regions = catalog.select(RegionFilter{{}, options->endpoint});
    }
    for (const std::string& id : options->ids) {
      regions.push_back(&catalog.at(id));
    }
    context.emit(render::backup_endpoints(regions, render::parse_catalog_format(options->format)));
  });
}

}  // namespace ceplan::cli
