#include "cli/commands.hpp"
#include "render/deploy_reference.hpp"
#include "render/json_schema.hpp"

namespace ceplan::cli {

void set_schema_command(CLI::App& command_app, Context& context) {
  auto format = std::make_shared<std::string>();
  CLI::App* command = &command_app;
  add_format_option(context, *command, *format, {"json", "markdown"});
  command->footer(
      "Examples:\n  ceplan schema -o deploy.schema.json\n"
      "  # yaml-language-server: $schema=deploy.schema.json   (first line of deploy.yaml)\n"
      "  ceplan schema --format markdown -o docs/deploy-file-keys.md");
  command->callback([format, &context] {
    context.emit(*format == "markdown" ? render::deploy_reference_markdown() : render::deploy_json_schema());
  });
}

}  // namespace ceplan::cli
