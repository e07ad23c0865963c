#include "cli/commands.hpp"
#include "render/catalog.hpp"

namespace ceplan::cli {

void set_version_command(CLI::App& command_app, Context& context) {
  CLI::App* command = &command_app;
  command->footer("Examples:\n  ceplan version\n  ceplan version --catalog my-regions.yaml");
  command->callback([&context] { context.emit(render::version_text(context.catalog())); });
}

}  // namespace ceplan::cli
