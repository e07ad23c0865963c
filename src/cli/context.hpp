#pragma once
// What every subcommand shares: the global options, the exit code, and the helpers that add
// options whose values completion must know.

#include <map>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "catalog/catalog.hpp"
#include "support/limits.hpp"

namespace ceplan::cli {

/// Options every subcommand accepts, and the exit code its callback sets.
struct Context {
  std::string catalog_path;    ///< --catalog / CEPLAN_CATALOG; empty = embedded catalog
  std::string output_path;     ///< -o; empty = standard output
  InputLimits limits;          ///< --max-file-size, --max-depth, --max-nodes
  std::string color = "auto";  ///< --color auto|always|never
  std::string stdin_filename;  ///< --stdin-filename: the name standard input is reported under
  /// The values each option accepts, keyed "COMMAND --option" ("" for ceplan's own), for completion.
  std::map<std::string, std::vector<std::string>> choices;
  int exit_code = 0;  ///< 0 clean, 1 findings; input errors are thrown instead

  /// The catalog the user chose: --catalog, CEPLAN_CATALOG, or the embedded one.
  [[nodiscard]] Catalog catalog() const;
  /// Whether text output gets colour: `always`; or `auto` on a terminal, without NO_COLOR, not
  /// into -o FILE and not with TERM=dumb.
  [[nodiscard]] bool use_color() const;
  /// Writes a command's output to -o FILE (atomically; `executable` for a script) or to standard output.
  void emit(const std::string& text, bool executable = false) const;
};

/// Adds an option that takes one of `choices` (recorded for completion), defaulting to `value`.
CLI::Option* add_choice_option(Context& context, CLI::App& command, const std::string& name, std::string& value,
                               const std::string& description, std::vector<std::string> choices);
/// Adds an option that takes one value per occurrence and may be repeated, so that it never
/// swallows the positional arguments after it (`--disable A --disable B FILE`).
CLI::Option* add_repeatable(CLI::App& command, const std::string& name, std::vector<std::string>& values,
                            const std::string& description);
/// Adds `--format` with the given choices, defaulting to the first.
CLI::Option* add_format_option(Context& context, CLI::App& command, std::string& format,
                               std::vector<std::string> choices);

}  // namespace ceplan::cli
