#include "cli/commands.hpp"
#include "render/json_schema.hpp"

namespace ceplan::cli {

void set_schema_command(CLI::App& command_app, Context& context) {
  CLI::App* command = &command_app;
  command->footer(
      "Examples:\n  ceplan schema -o deploy.schema.json\n"
      "  # yaml-language-server: $schema=deploy.schema.json   (first line of deploy.yaml)");
  command->callback([&context] { context.emit(render::deploy_json_schema()); });
}

}  // namespace ceplan::cli
