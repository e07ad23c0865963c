#include "cli/commands.hpp"
#include "render/findings.hpp"

namespace ceplan::cli {

void set_rules_command(CLI::App& command_app, Context& context) {
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

}  // namespace ceplan::cli
