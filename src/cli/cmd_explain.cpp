#include "cli/commands.hpp"
#include "render/findings.hpp"
#include "support/error.hpp"

namespace ceplan::cli {

void set_explain_command(CLI::App& command_app, Context& context) {
  auto id = std::make_shared<std::string>();
  CLI::App* command = &command_app;
  command->add_option("ID", *id, "Rule id or name, e.g. CE301 or duplicate-job-runs")->required();
  command->footer("Examples:\n  ceplan explain CE301\n  ceplan explain no-edge-proxy");
  command->callback([id, &context] {
    const auto ids = parse_rule_list(*id);
    if (ids.size() != 1) {
      throw usage_error("explain takes one rule id or name, e.g. CE301 (ceplan rules lists them)");
    }
    context.emit(render::explain(*find_rule(*ids.begin())));
  });
}

}  // namespace ceplan::cli
