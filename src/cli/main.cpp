// The ceplan command: builds the command line, runs one subcommand, and maps every error to an
// exit code in one place (0 clean, 1 findings, 2 cannot run).
#include <iostream>

#include "ceplan/version.hpp"
#include "cli/commands.hpp"

namespace {

constexpr int exit_cannot_run = 2;

void print(const ceplan::InputError& error) {
  for (const auto& diagnostic : error.diagnostics()) {
    std::cerr << (diagnostic.source.empty() ? "ceplan: " : "") << diagnostic.format() << '\n';
  }
}

}  // namespace

int main(int argc, char** argv) {
  ceplan::cli::Context context;
  CLI::App app("Region-resilience planner for IBM Cloud Code Engine", "ceplan");
  app.set_version_flag("--version", std::string(ceplan::version()));
  app.add_option("--catalog", context.catalog_path, "Region catalog YAML instead of the embedded one")
      ->envname("CEPLAN_CATALOG");
  app.add_option("-o,--output", context.output_path, "Write output to FILE (atomically) instead of stdout");
  app.add_option("--max-file-size", context.limits.max_file_size, "Largest input file, e.g. 8MiB")
      ->transform(CLI::AsSizeValue(false))
      ->capture_default_str();
  app.add_option("--max-depth", context.limits.max_depth, "Deepest nesting of YAML sequences and mappings")
      ->check(CLI::Range(1, 10000))
      ->capture_default_str();
  app.add_option("--max-nodes", context.limits.max_nodes, "Most YAML nodes in a file, counting alias copies")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.require_subcommand(1);
  app.fallthrough();
  app.footer(
      "Examples:\n  ceplan regions\n  ceplan backup-endpoint eu-gb\n"
      "Run 'ceplan COMMAND --help' for the options of a command.");

  ceplan::cli::add_validate_command(app, context);
  ceplan::cli::add_plan_command(app, context);
  ceplan::cli::add_runbook_command(app, context);
  ceplan::cli::add_rules_command(app, context);
  ceplan::cli::add_explain_command(app, context);
  ceplan::cli::add_schema_command(app, context);
  ceplan::cli::add_regions_command(app, context);
  ceplan::cli::add_region_command(app, context);
  ceplan::cli::add_backup_endpoint_command(app, context);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    if (error.get_exit_code() == 0) {
      return app.exit(error);  // --help, --version
    }
    std::cerr << "ceplan: error: " << error.what() << "\nRun 'ceplan --help' for usage.\n";
    return exit_cannot_run;
  } catch (const ceplan::InputError& error) {
    print(error);
    return exit_cannot_run;
  } catch (const std::exception& error) {
    std::cerr << "ceplan: error: " << error.what() << '\n';
    return exit_cannot_run;
  }
  return context.exit_code;
}
