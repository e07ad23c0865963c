#pragma once
// The ceplan command line: the global options, the table of subcommands, and "did you mean" for
// words it cannot place.

#include <exception>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/context.hpp"

namespace ceplan::cli {

/// The exit code of a run that could not be made (usage error, unreadable or invalid input).
inline constexpr int exit_cannot_run = 2;

/// One subcommand: its name, its one-line help, and the function that fills in its options.
struct CommandEntry {
  std::string_view name;                             ///< e.g. "validate"
  std::string_view description;                      ///< one line for `ceplan --help`
  void (*set)(CLI::App& command, Context& context);  ///< set_<name>_command
};

/// Every subcommand, in the order `ceplan --help` lists them.
[[nodiscard]] const std::vector<CommandEntry>& command_table();

/// The subcommand the words name: the first word that is not the value of one of ceplan's own
/// options (`ceplan -o plan regions` runs regions); nullptr when none does.
[[nodiscard]] const CommandEntry* wanted_command(const CLI::App& app, const std::vector<std::string>& words);

/// "; did you mean '...'?" for the first word CLI11 could not place: a command name, or a flag of
/// the command being run (or of ceplan itself); "" when nothing is close.
[[nodiscard]] std::string suggestion(const CLI::App& app, const std::vector<std::string>& words);

/// Parses the command line and runs one subcommand; returns its exit code (0 or 1). Usage
/// errors and input errors are thrown as InputError; --help and --version return 0.
[[nodiscard]] int run(int argc, const char* const* argv);

/// Prints an error that ended a run: each InputError diagnostic as `file:line:column: error: ...`
/// (`ceplan: error: ...` where no file is concerned), anything else as `ceplan: error: ...`.
void print_error(const std::exception& error, std::ostream& out);

}  // namespace ceplan::cli
