#include "ceplan/render/ci.hpp"
#include "ceplan/render/findings.hpp"
#include "cli/commands.hpp"

namespace ceplan::cli {

void add_rules_command(CLI::App& command_app, Context& context) {
  auto format = std::make_shared<std::string>();
  CLI::App* command = &command_app;
  add_format_option(context, *command, *format, {"text", "markdown", "json"});
  command->footer("Examples:\n  ceplan rules\n  ceplan rules --format markdown -o docs/rules.md");
  command->callback([format, &context] {
    const auto chosen = *format == "markdown" ? render::RulesFormat::markdown
                        : *format == "json"   ? render::RulesFormat::json
                                              : render::RulesFormat::text;
    context.emit(render::rules(chosen));
  });
}

void add_explain_command(CLI::App& command_app, Context& context) {
  auto id = std::make_shared<std::string>();
  CLI::App* command = &command_app;
  command->add_option("ID", *id, "Rule id or name, e.g. CE301 or duplicate-job-runs")->required();
  command->footer("Examples:\n  ceplan explain CE301\n  ceplan explain no-edge-proxy");
  command->callback([id, &context] {
    const auto ids = parse_rule_list(*id);
    context.emit(render::explain(*find_rule(*ids.begin())));
  });
}

}  // namespace ceplan::cli

namespace ceplan::cli {

void add_schema_command(CLI::App& command_app, Context& context) {
  CLI::App* command = &command_app;
  command->footer(
      "Examples:\n  ceplan schema -o deploy.schema.json\n"
      "  # yaml-language-server: $schema=deploy.schema.json   (first line of deploy.yaml)");
  command->callback([&context] { context.emit(render::deploy_json_schema()); });
}

}  // namespace ceplan::cli
