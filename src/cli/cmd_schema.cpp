#include "cli/commands.hpp"
#include "render/config_reference.hpp"
#include "render/deploy_reference.hpp"
#include "render/json_schema.hpp"
#include "support/error.hpp"
#include "support/version.hpp"

namespace ceplan::cli {

void set_schema_command(CLI::App& command_app, Context& context) {
  auto format = std::make_shared<std::string>();
  auto config = std::make_shared<bool>(false);
  CLI::App* command = &command_app;
  add_format_option(context, *command, *format, {"json", "markdown", "man"});
  command->add_flag("--config", *config, "The schema of .ceplan.yaml instead of the deploy file's");
  command->footer(
      "Examples:\n  ceplan schema -o deploy.schema.json\n"
      "  # yaml-language-server: $schema=deploy.schema.json   (first line of deploy.yaml)\n"
      "  ceplan schema --format markdown -o docs/deploy-file-keys.md\n"
      "  ceplan schema --config -o ceplan-config.schema.json\n"
      "  ceplan schema --format man -o ceplan-deploy.5   # the deploy-file keys as a man page");
  command->callback([format, config, &context] {
    if (*config && *format == "man")
      throw usage_error(
          "--format man is the deploy file's page, ceplan-deploy(5); use "
          "--format markdown for .ceplan.yaml");
    if (*config) {
      context.emit(*format == "markdown" ? render::config_reference_markdown() : render::config_json_schema());
      return;
    }
    if (*format == "man") {
      context.emit(render::deploy_reference_man(version()));
      return;
    }
    context.emit(*format == "markdown" ? render::deploy_reference_markdown() : render::deploy_json_schema());
  });
}

}  // namespace ceplan::cli
