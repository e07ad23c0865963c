#include "cli/app.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <iterator>
#include <regex>
#include <sstream>

#include <fmt/format.h>

#include "catalog/embedded_catalog.hpp"
#include "cli/commands.hpp"
#include "cli/io.hpp"
#include "render/catalog.hpp"
#include "support/error.hpp"
#include "support/spellcheck.hpp"
#include "support/version.hpp"

namespace ceplan::cli {
namespace {

// CLI11 lists a command's own options only; these apply to every command.
constexpr std::string_view global_options_help =
    "Options of every command (before or after it):\n"
    "  -o, --output FILE        write output to FILE (atomically) instead of stdout\n"
    "  --catalog FILE           region catalog YAML instead of the embedded one (env CEPLAN_CATALOG)\n"
    "  --color auto|always|never  colour in text output (--no-color: never)\n"
    "  --stdin-filename PATH    the path standard input (-) is reported under\n"
    "  --max-file-size, --max-depth, --max-nodes  input limits (ceplan --help)";

void add_global_options(CLI::App& app, Context& context) {
  // Built only when asked for: the embedded catalog is cheap, but start-up is measured.
  app.set_version_flag("--version", [] {
    std::string text = render::version_text(embedded_catalog());
    text.pop_back();  // CLI11 ends the line itself
    return text;
  });
  app.add_option("--catalog", context.catalog_path, "Region catalog YAML instead of the embedded one")
      ->envname("CEPLAN_CATALOG")
      ->type_name("FILE");
  app.add_option("-o,--output", context.output_path, "Write output to FILE (atomically) instead of stdout")
      ->type_name("FILE");
  // A negative size would wrap around to no limit at all.
  const CLI::Validator not_negative(
      [](std::string& value) { return value.rfind('-', 0) == 0 ? std::string("must not be negative") : std::string(); },
      "SIZE");
  // CLI11 turns a size too large for 64 bits into the largest one, which would mean no limit.
  const CLI::Validator at_most_a_tebibyte(
      [](std::string& value) {
        unsigned long long bytes = 0;
        const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), bytes);
        return error != std::errc() || end != value.data() + value.size() || bytes > (1ULL << 40)
                   ? std::string("must be at most 1TiB")
                   : std::string();
      },
      "SIZE");
  app.add_option("--max-file-size", context.limits.max_file_size, "Largest input file, e.g. 8MiB")
      ->check(not_negative)
      ->transform(CLI::AsSizeValue(false))
      ->check(at_most_a_tebibyte)
      ->default_str("8MiB");
  app.add_option("--max-depth", context.limits.max_depth, "Deepest nesting of YAML sequences and mappings (1-10000)")
      ->check(CLI::Range(1, 10000))
      ->capture_default_str();
  app.add_option("--max-nodes", context.limits.max_nodes,
                 "Most YAML nodes in a file, counting alias copies (1-1000000000)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1'000'000'000}))
      ->capture_default_str();
  app.add_option("--stdin-filename", context.stdin_filename,
                 "Path that standard input (-) is reported under, as if the file had been read from it")
      ->type_name("PATH");
  add_choice_option(context, app, "--color", context.color,
                    "Colour in text output: auto (on a terminal without NO_COLOR, or with FORCE_COLOR), always, never",
                    {"auto", "always", "never"});
  app.add_flag_callback(
      "--no-color", [&context] { context.color = "never"; }, "The same as --color never");
  app.require_subcommand(1);
  app.fallthrough();
  app.footer("Run 'ceplan help COMMAND' (or 'ceplan COMMAND --help') for the options and examples of a command.");
}

// Every command is listed (for help and suggestions), but only the one being run gets its
// options: building all of them is a third of start-up. Completion needs them all.
void add_commands(CLI::App& app, Context& context, const std::vector<std::string>& words) {
  const CommandEntry* wanted = wanted_command(app, words);
  const bool fill_all = wanted == nullptr || wanted->name == "completion";
  for (const CommandEntry& entry : command_table()) {
    CLI::App* command = app.add_subcommand(std::string(entry.name), std::string(entry.description));
    if (fill_all || &entry == wanted) {
      entry.set(*command, context);
      command->footer(command->get_footer() + "\n" + std::string(global_options_help));
    }
  }
}

bool known(const std::vector<std::string>& names, const std::string& word) {
  return std::find(names.begin(), names.end(), word) != names.end();
}

}  // namespace

const std::vector<CommandEntry>& command_table() {
  static const std::vector<CommandEntry> table{
      {"validate", "Check deploy files against the catalog and the rules", set_validate_command},
      {"plan", "What survives an outage, how fast it fails over, and what to do", set_plan_command},
      {"diff", "What a change to a deploy file does to resilience", set_diff_command},
      {"runbook", "The ordered steps that re-create the project in another region", set_runbook_command},
      {"failback", "The ordered steps back to the normal placement once lost regions return", set_failback_command},
      {"calibrate", "Measured step durations from drills, and the deploy-file values they suggest",
       set_calibrate_command},
      {"rules", "List the rules of ceplan validate", set_rules_command},
      {"explain", "Explain a rule: why it matters, an example, the fix", set_explain_command},
      {"schema", "Print the JSON Schema of deploy files (draft 2020-12)", set_schema_command},
      {"init", "Write a commented starter deploy.yaml that validates clean", set_init_command},
      {"import", "Draft a deploy file from Terraform or IBM's Code Engine export (`import terraform|ce-export`)",
       set_import_command},
      {"completion", "Print a bash or zsh completion script", set_completion_command},
      {"regions", "List the Code Engine regions of the catalog", set_regions_command},
      {"region", "Show one region: zones, campus, backup endpoint, registry", set_region_command},
      {"backup-endpoint", "Show where regions back up their project metadata", set_backup_endpoint_command},
      {"version", "Show the version, and the catalog's date and sources", set_version_command},
  };
  return table;
}

const CommandEntry* wanted_command(const CLI::App& app, const std::vector<std::string>& words) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& word = words[i];
    const bool option_word = word.rfind('-', 0) == 0 && word.find('=') == std::string::npos;
    const CLI::Option* option = option_word ? app.get_option_no_throw(word) : nullptr;
    if (option != nullptr && option->get_items_expected_max() > 0) {
      ++i;  // the option's value, not a command
      continue;
    }
    for (const CommandEntry& entry : command_table()) {
      if (word == entry.name)
        return &entry;
    }
  }
  return nullptr;
}

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
  for (const std::string& word : words) {
    const std::string name = word.substr(0, word.find('='));
    if (name.rfind("--", 0) == 0 && !known(flags, name)) {
      if (std::string hint = did_you_mean(name, flags); !hint.empty())
        return hint;
    }
  }
  for (const std::string& word : words) {
    if (!command_given && word.rfind('-', 0) != 0 && !known(commands, word)) {
      if (std::string hint = did_you_mean(word, commands); !hint.empty())
        return hint;
    }
  }
  return {};
}

namespace {

// `ceplan help` and `ceplan help COMMAND`, as git and cargo read them.
std::vector<std::string> help_words(std::vector<std::string> words) {
  if (words.empty() || words.front() != "help") {
    return words;
  }
  if (words.size() >= 2 && words[1].rfind('-', 0) != 0) {
    // An unknown command is a usage error ("unknown command 'x'; did you mean ..."), not help.
    const auto& table = command_table();
    const bool known =
        std::any_of(table.begin(), table.end(), [&](const CommandEntry& entry) { return entry.name == words[1]; });
    return known ? std::vector<std::string>{words[1], "--help"} : std::vector<std::string>{words[1]};
  }
  return {"--help"};
}

// `-v` for `--version`: a one-letter option that is the start of exactly one long one.
std::string short_form_hint(const CLI::App& app, const std::string& word, std::string hint) {
  if (!hint.empty() || word.size() != 2) {
    return hint;
  }
  std::vector<std::string> matches;
  for (const CLI::Option* option : app.get_options()) {
    for (const std::string& name : option->get_lnames()) {
      if (name.front() == word[1])
        matches.push_back("--" + name);
    }
  }
  return matches.size() == 1 ? fmt::format("; did you mean '{}'?", matches.front()) : std::string();
}

// CLI11's messages in the wording of ceplan's own errors: lower case, quoted values, the words in
// the order they were typed (the parser takes them last first), an unknown option named as such.
std::string reworded(const CLI::ParseError& error) {
  std::string text = error.what();
  std::smatch match;
  if (std::regex_match(text, match, std::regex("The following arguments? (?:was|were) not expected: (.*)"))) {
    std::istringstream extras(match[1].str());
    std::vector<std::string> typed{std::istream_iterator<std::string>(extras), {}};
    std::reverse(typed.begin(), typed.end());
    const auto option = std::find_if(typed.begin(), typed.end(), [](const auto& w) { return w.rfind('-', 0) == 0; });
    if (option != typed.end())
      return fmt::format("unknown option '{}'", option->substr(0, option->find('=')));
    return fmt::format("unexpected argument{} '{}'", typed.size() == 1 ? "" : "s", fmt::join(typed, "' '"));
  }
  if (std::regex_match(text, match, std::regex("(--?[\\w-]+): [0-9]+ required \\S+ missing")))
    return fmt::format("{} needs a value", match[1].str());
  if (std::regex_match(text, match, std::regex("(--?[\\w-]+): (.*) not in \\{(.*)\\}"))) {
    std::vector<std::string> choices;
    std::istringstream list(match[3].str());
    for (std::string choice; std::getline(list, choice, ',');) choices.push_back(choice);
    return fmt::format("{}: '{}' is not one of {}{}", match[1].str(), match[2].str(), fmt::join(choices, ", "),
                       did_you_mean(match[2].str(), choices));
  }
  // "--jobs: Value 0 not in range 1 to 1024" and the like.
  const std::size_t start = text.rfind("--", 0) == 0 && text.find(": ") != std::string::npos ? text.find(": ") + 2 : 0;
  if (start + 1 < text.size() && std::isupper(static_cast<unsigned char>(text[start])) != 0 &&
      std::islower(static_cast<unsigned char>(text[start + 1])) != 0)
    text[start] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[start])));
  return text;
}

// The command whose --help explains a usage error: the deepest one parsed ("ceplan import terraform").
std::string help_command(const CLI::App& app) {
  std::string path = "ceplan";
  const CLI::App* at = &app;
  for (;;) {
    const auto parsed = at->get_subcommands([](const CLI::App* command) { return command->parsed(); });
    if (parsed.empty())
      return path;
    at = parsed.front();
    path += " " + at->get_name();
  }
}

// Help shows what a value is (FILE, N, SIZE, {a,b}) and its default, not CLI11's validator
// descriptions ("UINT:INT in [1 - 10000]", "SIZE [b, kb(=1024b), ...]").
void tidy_help(CLI::App& app) {
  for (CLI::Option* option : app.get_options()) {
    std::string shown;
    for (int i = 0;; ++i) {
      CLI::Validator* validator = nullptr;
      try {
        validator = option->get_validator(i);
      } catch (const CLI::OptionNotFound&) {
        break;
      }
      const std::string text = validator->get_description();
      if (shown.empty() && !text.empty() && (text.front() == '{' || text.find(' ') == std::string::npos))
        shown = text;
      validator->description("");
    }
    const std::string type = option->get_type_name();
    if (!option->nonpositional())
      option->type_name("");  // "FILE ...", not "FILE TEXT ..."
    else if (!shown.empty())
      option->type_name(shown);
    else if (type == "UINT" || type == "INT")
      option->type_name("N");
  }
  for (CLI::App* command : app.get_subcommands({})) tidy_help(*command);
}

// Without a command CLI11 only says that one is required: name the word it could not place.
std::string usage_problem(const CLI::App& app, const CLI::ParseError& error, const std::vector<std::string>& words) {
  const auto parsed = app.get_subcommands([](const CLI::App* command) { return command->parsed(); });
  if (!parsed.empty()) {
    return reworded(error) + suggestion(app, words);
  }
  std::vector<std::string> commands;
  for (const CommandEntry& entry : command_table()) commands.emplace_back(entry.name);
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& word = words[i];
    const bool option_word = word.rfind('-', 0) == 0;
    const CLI::Option* option = option_word ? app.get_option_no_throw(word.substr(0, word.find('='))) : nullptr;
    if (option != nullptr) {
      i += option->get_items_expected_max() > 0 && word.find('=') == std::string::npos ? 1 : 0;
    } else if (option_word) {
      return fmt::format("unknown option '{}'{}", word, short_form_hint(app, word, suggestion(app, {word})));
    } else {
      return fmt::format("unknown command '{}'{}", word, did_you_mean_or_list(word, commands));
    }
  }
  return fmt::format("a command is required; expected one of {}", fmt::join(commands, ", "));
}

}  // namespace

int run(int argc, const char* const* argv) {
  Context context;
  CLI::App app("Region-resilience planner for IBM Cloud Code Engine", "ceplan");
  add_global_options(app, context);
  const std::vector<std::string> words = help_words({argv + 1, argv + argc});
  add_commands(app, context, words);
  tidy_help(app);
  try {
    app.parse(std::vector<std::string>(words.rbegin(), words.rend()));  // CLI11 takes them last first
  } catch (const CLI::ParseError& error) {
    if (error.get_exit_code() == 0) {
      // --help, --version: a write that failed (a full disk) fails the run like any output.
      std::ostringstream text;
      const int code = app.exit(error, text, std::cerr);
      write_stdout(text.str());
      return code;
    }
    // A usage error is an input error of the command line.
    throw usage_error(
        fmt::format("{}\nRun '{} --help' for usage.", usage_problem(app, error, words), help_command(app)));
  }
  return context.exit_code;
}

void print_error(const std::exception& error, std::ostream& out) {
  if (const auto* input = dynamic_cast<const InputError*>(&error)) {
    for (const Diagnostic& diagnostic : input->diagnostics()) {
      out << (diagnostic.source.empty() ? "ceplan: " : "") << diagnostic.format() << '\n';
    }
    return;
  }
  out << "ceplan: error: " << printable(error.what(), true) << '\n';
}

}  // namespace ceplan::cli
