// The ceplan command: builds the command line, runs one subcommand, and maps every error to an
// exit code in one place (0 clean, 1 findings, 2 cannot run).
#include <algorithm>
#include <array>
#include <iostream>
#include <string_view>

#include "ceplan/spellcheck.hpp"
#include "ceplan/version.hpp"
#include "cli/commands.hpp"

namespace {

constexpr int exit_cannot_run = 2;

// "did you mean" for the first word CLI11 could not place: a command name or a flag of the
// command being run (or of ceplan itself).
std::string suggestion(const CLI::App& app, const std::vector<std::string>& words) {
  std::vector<std::string> commands;
  std::vector<std::string> flags;
  bool command_given = false;
  auto add_flags = [&flags](const CLI::App& owner) {
    for (const CLI::Option* option : owner.get_options()) {
      for (const std::string& name : option->get_lnames()) flags.push_back("--" + name);
    }
  };
  add_flags(app);
  for (const CLI::App* command : app.get_subcommands({})) {
    commands.push_back(command->get_name());
    if (command->parsed()) {
      add_flags(*command);
      command_given = true;
    }
  }
  auto known = [](const std::vector<std::string>& names, const std::string& word) {
    return std::find(names.begin(), names.end(), word) != names.end();
  };
  for (const std::string& word : words) {
    const std::string name = word.substr(0, word.find('='));
    if (name.rfind("--", 0) == 0 && !known(flags, name)) {
      if (std::string hint = ceplan::did_you_mean(name, flags); !hint.empty())
        return hint;
    }
  }
  if (!command_given) {
    for (const std::string& word : words) {
      if (word.rfind('-', 0) != 0 && !known(commands, word)) {
        if (std::string hint = ceplan::did_you_mean(word, commands); !hint.empty())
          return hint;
      }
    }
  }
  return {};
}

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
  ceplan::cli::add_choice_option(context, app, "--color", context.color,
                                 "Colour in text output: auto (on a terminal, without NO_COLOR), always, never",
                                 {"auto", "always", "never"});
  app.require_subcommand(1);
  app.fallthrough();
  app.footer(
      "Examples:\n  ceplan regions\n  ceplan backup-endpoint eu-gb\n"
      "Run 'ceplan COMMAND --help' for the options of a command.");

  // Every command is listed (for help and suggestions), but only the one being run gets its
  // options: building all of them is a third of start-up. Completion needs them all.
  struct Entry {
    const char* name;
    const char* description;
    void (*fill)(CLI::App&, ceplan::cli::Context&);
  };
  const std::array<Entry, 11> commands{{
      {"validate", "Check deploy files against the catalog and the rules", ceplan::cli::add_validate_command},
      {"plan", "What survives an outage, how fast it fails over, and what to do", ceplan::cli::add_plan_command},
      {"runbook", "The ordered steps that re-create the project in another region", ceplan::cli::add_runbook_command},
      {"rules", "List the rules of ceplan validate", ceplan::cli::add_rules_command},
      {"explain", "Explain a rule: why it matters, an example, the fix", ceplan::cli::add_explain_command},
      {"schema", "Print the JSON Schema of deploy files (draft 2020-12)", ceplan::cli::add_schema_command},
      {"init", "Write a commented starter deploy.yaml that validates clean", ceplan::cli::add_init_command},
      {"completion", "Print a bash or zsh completion script", ceplan::cli::add_completion_command},
      {"regions", "List the Code Engine regions of the catalog", ceplan::cli::add_regions_command},
      {"region", "Show one region: zones, campus, backup endpoint, registry", ceplan::cli::add_region_command},
      {"backup-endpoint", "Show where regions back up their project metadata",
       ceplan::cli::add_backup_endpoint_command},
  }};
  // The command is the first word that is not the value of one of ceplan's own options
  // (`ceplan -o plan regions` runs regions).
  const Entry* wanted = nullptr;
  for (int i = 1; i < argc && wanted == nullptr; ++i) {
    const std::string_view word = argv[i];
    const bool option_word = word.rfind('-', 0) == 0 && word.find('=') == std::string_view::npos;
    const CLI::Option* option = option_word ? app.get_option_no_throw(std::string(word)) : nullptr;
    if (option != nullptr && option->get_items_expected_max() > 0) {
      ++i;
      continue;
    }
    for (const Entry& entry : commands) {
      if (word == entry.name) {
        wanted = &entry;
      }
    }
  }
  const bool fill_all = wanted == nullptr || std::string_view(wanted->name) == "completion";
  for (const Entry& entry : commands) {
    CLI::App* command = app.add_subcommand(entry.name, entry.description);
    if (fill_all || &entry == wanted)
      entry.fill(*command, context);
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    if (error.get_exit_code() == 0) {
      return app.exit(error);  // --help, --version
    }
    std::vector<std::string> words(argv + 1, argv + argc);
    std::cerr << "ceplan: error: " << error.what() << suggestion(app, words) << "\nRun 'ceplan --help' for usage.\n";
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
