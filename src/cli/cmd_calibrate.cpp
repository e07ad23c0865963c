#include "cli/commands.hpp"
#include "cli/io.hpp"
#include "planner/calibration.hpp"
#include "render/calibration.hpp"

namespace ceplan::cli {

void set_calibrate_command(CLI::App& command_app, Context& context) {
  struct Options {
    std::vector<std::string> logs;
    std::string format;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = &command_app;
  command->add_option("LOG", options->logs, "Step logs that runbook scripts wrote in drills (JSON lines)")->required();
  add_format_option(context, *command, options->format, {"text", "json"});
  command->footer(
      "Examples:\n  ceplan calibrate restore.log.jsonl\n"
      "  ceplan calibrate drills/*.log.jsonl --format json");
  command->callback([options, &context] {
    std::vector<planner::StepTiming> timings;
    for (const std::string& log : options->logs) {
      const auto read = planner::read_step_log(read_input(log, context.limits.max_file_size), log, context.limits);
      timings.insert(timings.end(), read.begin(), read.end());
    }
    context.emit(render::calibration(planner::calibrate(timings), options->logs.size(), options->format == "json"));
  });
}

}  // namespace ceplan::cli
