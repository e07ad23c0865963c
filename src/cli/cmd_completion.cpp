// Shell completion generated from the command line's own definition, so that it completes
// exactly the commands, flags and values ceplan accepts, and the catalog's region ids.
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "rules/rule_table.hpp"

namespace ceplan::cli {
namespace {

struct Flag {
  std::string name;         // "--format"
  std::string description;  // help text
  bool takes_value = false;
  std::vector<std::string> choices;
};

struct Command {
  std::string name;
  std::string description;
  std::vector<Flag> flags;               // its own and its subcommands' (`import terraform --region`)
  std::vector<std::string> subcommands;  // words that follow it (`terraform`)
};

std::vector<Flag> flags_of(const CLI::App& owner, const Context& context, const std::string& key) {
  std::vector<Flag> flags;
  for (const CLI::Option* option : owner.get_options()) {
    if (option->get_lnames().empty())
      continue;  // positional
    const std::string name = "--" + option->get_lnames().front();
    const auto choices = context.choices.find(fmt::format("{} {}", key, name));
    flags.push_back(Flag{name, option->get_description(), option->get_items_expected_max() > 0,
                         choices == context.choices.end() ? std::vector<std::string>{} : choices->second});
  }
  return flags;
}

// The words a script offers, inside its quotes: only words of characters that mean nothing to bash
// or zsh there. The catalog loader already refuses other region ids; this keeps a future source of
// words (a flag's choices) from putting code into the script.
std::string words(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    const bool inert = !item.empty() && std::all_of(item.begin(), item.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
             std::string_view("-_.:=/+,").find(c) != std::string_view::npos;
    });
    if (inert)
      out += (out.empty() ? "" : " ") + item;
  }
  return out;
}

// The words the scripts offer beyond flags: region ids, scenarios, rule ids.
struct Vocabulary {
  std::string regions;    // "au-syd br-sao ..."
  std::string scenarios;  // "all region:au-syd ..."
  std::string rules;      // "CE001 CE002 ..."
};

// Values a flag takes that the shell can offer.
std::string value_words(const Flag& flag, const Vocabulary& vocabulary) {
  if (!flag.choices.empty())
    return words(flag.choices);
  if (flag.name == "--restore-to" || flag.name == "--from" || flag.name == "--regions" || flag.name == "--region" ||
      flag.name == "--terraform-region" || flag.name == "--live-region")
    return vocabulary.regions;
  if (flag.name == "--scenario")
    return vocabulary.scenarios;
  if (flag.name == "--disable" || flag.name == "--enable-only")
    return vocabulary.rules;
  return {};
}

// What a command's positional arguments are, when they are not files.
std::string argument_words(const std::string& command, const Vocabulary& vocabulary) {
  if (command == "region" || command == "backup-endpoint")
    return vocabulary.regions;
  if (command == "explain")
    return vocabulary.rules;
  if (command == "completion")
    return "bash zsh";
  return {};
}

std::string bash(const std::vector<Flag>& global, const std::vector<Command>& commands, const Vocabulary& vocabulary) {
  std::string names;
  for (const Command& command : commands) names += (names.empty() ? "" : " ") + command.name;
  std::string value_cases;
  std::string flag_cases;
  std::string nested;  // `elif` branches offering a command's subcommands right after it
  auto add_values = [&](const std::string& scope, const std::vector<Flag>& flags) {
    for (const Flag& flag : flags) {
      if (!flag.takes_value)
        continue;
      const std::string values = value_words(flag, vocabulary);
      value_cases += fmt::format("    \"{}{}\") {}; return ;;\n", scope, flag.name,
                                 values.empty() ? std::string(R"(COMPREPLY=($(compgen -f -- "$cur")))")
                                                : fmt::format(R"(COMPREPLY=($(compgen -W "{}" -- "$cur")))", values));
    }
  };
  add_values(":", global);
  std::vector<std::string> global_names;
  global_names.reserve(global.size());
  for (const Flag& flag : global) global_names.push_back(flag.name);
  for (const Command& command : commands) {
    add_values(command.name + ":", command.flags);
    std::vector<std::string> all = global_names;
    for (const Flag& flag : command.flags) all.push_back(flag.name);
    flag_cases += fmt::format("    {}) flags=\"{}\" ;;\n", command.name, words(all));
    if (!command.subcommands.empty())
      nested += fmt::format("  elif [[ $prev == {} ]]; then\n    COMPREPLY=($(compgen -W \"{}\" -- \"$cur\"))\n",
                            command.name, words(command.subcommands));
    if (const std::string arguments = argument_words(command.name, vocabulary); !arguments.empty())
      nested += fmt::format("  elif [[ $command == {} ]]; then\n    COMPREPLY=($(compgen -W \"{}\" -- \"$cur\"))\n",
                            command.name, arguments);
  }
  return fmt::format(R"(# bash completion for ceplan; generated by `ceplan completion bash`.
# bash splits words at ':' and '=' (COMP_WORDBREAKS): `--scenario region:us-south` and
# `--format=json` arrive as several words, which _ceplan puts back together.
_ceplan() {{
  local cur=${{COMP_WORDS[COMP_CWORD]}} prev=${{COMP_WORDS[COMP_CWORD-1]}} before=${{COMP_WORDS[COMP_CWORD-2]:-}} prefix=""
  if [[ $cur == : ]]; then
    prefix=$prev: cur=$prev: prev=$before
  elif [[ $prev == : && $COMP_CWORD -ge 3 ]]; then
    prefix=$before: cur=$before:$cur prev=${{COMP_WORDS[COMP_CWORD-3]}}
  elif [[ $cur == = ]]; then
    cur=""
  elif [[ $prev == = ]]; then
    prev=$before
  fi
  _ceplan_reply
  # bash replaces only what follows the last ':', so the replies leave out what precedes it.
  if [[ -n $prefix ]]; then
    COMPREPLY=("${{COMPREPLY[@]#"$prefix"}}")
  fi
}}
_ceplan_reply() {{
  local commands="{names}" command="" flags="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case " $commands " in *" ${{COMP_WORDS[i]}} "*) command=${{COMP_WORDS[i]}}; break ;; esac
  done
  case "$command:$prev" in
{value_cases}  esac
  case "$command" in
{flag_cases}    *) COMPREPLY=($(compgen -W "$commands {global}" -- "$cur")); return ;;
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$flags" -- "$cur"))
{nested}  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}}
complete -o filenames -F _ceplan ceplan
)",
                     fmt::arg("names", names), fmt::arg("value_cases", value_cases), fmt::arg("flag_cases", flag_cases),
                     fmt::arg("nested", nested), fmt::arg("global", words(global_names)));
}

std::string zsh_quote(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\'')
      out += "'\\''";
    else if (c == '[' || c == ']' || c == ':')
      out += std::string("\\") + c;
    else
      out += c;
  }
  return out;
}

std::string zsh_spec(const Flag& flag, const Vocabulary& vocabulary) {
  const std::string head = fmt::format("'{}[{}]", flag.name, zsh_quote(flag.description));
  if (!flag.takes_value)
    return head + "'";
  const std::string values = value_words(flag, vocabulary);
  return head + (values.empty() ? ":value:_files'" : fmt::format(":value:({})'", values));
}

std::string zsh(const std::vector<Flag>& global, const std::vector<Command>& commands, const Vocabulary& vocabulary) {
  std::string described;
  std::string cases;
  std::string global_specs;
  for (const Flag& flag : global) global_specs += fmt::format(" \\\n        {}", zsh_spec(flag, vocabulary));
  for (const Command& command : commands) {
    described += fmt::format("    '{}:{}'\n", command.name, zsh_quote(command.description));
    std::string specs;
    for (const Flag& flag : command.flags) specs += fmt::format(" \\\n        {}", zsh_spec(flag, vocabulary));
    const std::string arguments = argument_words(command.name, vocabulary);
    std::string rest = arguments.empty() ? std::string("'*:file:_files'") : fmt::format("'*:argument:({})'", arguments);
    if (!command.subcommands.empty())
      rest = fmt::format("'1:subcommand:({})' {}", words(command.subcommands), rest);
    cases += fmt::format("    {})\n      _arguments{}{} \\\n        {} ;;\n", command.name, global_specs, specs, rest);
  }
  return fmt::format(R"(#compdef ceplan
# zsh completion for ceplan; generated by `ceplan completion zsh`.
_ceplan() {{
  local -a commands
  commands=(
{described}  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  local command=${{words[2]}}
  shift words
  (( CURRENT-- ))
  case $command in
{cases}  esac
}}
_ceplan "$@"
)",
                     fmt::arg("described", described), fmt::arg("cases", cases));
}

}  // namespace

void set_completion_command(CLI::App& command_app, Context& context) {
  auto shell = std::make_shared<std::string>();
  CLI::App* command = &command_app;
  command->add_option("SHELL", *shell, "bash or zsh")->required()->check(CLI::IsMember({"bash", "zsh"}));
  command->footer(
      "Examples:\n  source <(ceplan completion bash)\n"
      "  ceplan completion zsh > ~/.zfunc/_ceplan");
  command->callback([shell, command, &context] {
    const Catalog catalog = context.catalog();
    std::vector<std::string> scenario_words{"all"};
    for (const std::string& id : catalog.region_ids()) scenario_words.push_back("region:" + id);
    std::vector<std::string> rule_ids;
    for (const RuleInfo& rule : all_rules()) rule_ids.emplace_back(rule.id);
    const Vocabulary vocabulary{words(catalog.region_ids()), words(scenario_words), words(rule_ids)};
    std::vector<Command> commands;
    const CLI::App& app = *command->get_parent();
    for (const CLI::App* sub : app.get_subcommands({})) {
      Command entry{sub->get_name(), sub->get_description(), flags_of(*sub, context, sub->get_name()), {}};
      for (const CLI::App* nested : sub->get_subcommands({})) {
        entry.subcommands.push_back(nested->get_name());
        auto more = flags_of(*nested, context, sub->get_name() + " " + nested->get_name());
        for (Flag& flag : more) {
          if (flag.name != "--help")
            entry.flags.push_back(std::move(flag));
        }
      }
      commands.push_back(std::move(entry));
    }
    const auto global = flags_of(app, context, "");
    context.emit(*shell == "zsh" ? zsh(global, commands, vocabulary) : bash(global, commands, vocabulary));
  });
}

}  // namespace ceplan::cli
