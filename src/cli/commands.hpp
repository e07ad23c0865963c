#pragma once
// Shared state of the command line and the registration function of each subcommand.

#include <map>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "ceplan/catalog.hpp"
#include "ceplan/model.hpp"

namespace ceplan::cli {

/// Options every subcommand accepts, and the exit code its callback sets.
struct Context {
  std::string catalog_path;    ///< --catalog / CEPLAN_CATALOG; empty = embedded catalog
  std::string output_path;     ///< -o; empty = standard output
  InputLimits limits;          ///< --max-file-size, --max-depth, --max-nodes
  std::string color = "auto";  ///< --color auto|always|never
  /// The values each option accepts, keyed "COMMAND --option" ("" for ceplan's own), for completion.
  std::map<std::string, std::vector<std::string>> choices;
  int exit_code = 0;  ///< 0 clean, 1 findings; input errors are thrown instead

  /// The catalog the user chose: --catalog, CEPLAN_CATALOG, or the embedded one.
  [[nodiscard]] Catalog catalog() const;
  /// Whether text output gets colour: `always`; or `auto` on a terminal, without NO_COLOR, not
  /// into -o FILE and not with TERM=dumb.
  [[nodiscard]] bool use_color() const;
  /// Writes a command's output to -o FILE (atomically) or to standard output.
  void emit(const std::string& text) const;
};

/// Reads a whole file, or standard input for "-", of at most `max_bytes`; throws InputError
/// naming the file.
[[nodiscard]] std::string read_input(const std::string& path, std::size_t max_bytes);
/// The name a file is shown under in messages and reports: "<stdin>" for "-".
[[nodiscard]] std::string display_name(const std::string& path);
/// Reads and loads a deploy file (or standard input for "-"); throws InputError.
[[nodiscard]] Deployment read_deployment(const std::string& path, const InputLimits& limits);
/// Writes `text` to `path` through a temporary file and rename, so `path` is never half-written.
void write_file_atomically(const std::string& path, const std::string& text);
/// Creates `path` with `text`; refuses (InputError) when it exists, and never leaves a partial file.
void write_new_file(const std::string& path, const std::string& text);
/// Adds an option that takes one of `choices` (recorded for completion), defaulting to `value`.
CLI::Option* add_choice_option(Context& context, CLI::App& command, const std::string& name, std::string& value,
                               const std::string& description, std::vector<std::string> choices);
/// Adds `--format` with the given choices, defaulting to the first.
CLI::Option* add_format_option(Context& context, CLI::App& command, std::string& format,
                               std::vector<std::string> choices);

/// `ceplan regions`
void add_regions_command(CLI::App& command, Context& context);
/// `ceplan region ID`
void add_region_command(CLI::App& command, Context& context);
/// `ceplan backup-endpoint REGION...`
void add_backup_endpoint_command(CLI::App& command, Context& context);

// Each add_*_command fills in an existing subcommand: its options, footer and callback.

/// `ceplan validate FILE...`
void add_validate_command(CLI::App& command, Context& context);
/// `ceplan plan FILE --scenario S`
void add_plan_command(CLI::App& command, Context& context);
/// `ceplan runbook FILE --restore-to REGION`
void add_runbook_command(CLI::App& command, Context& context);
/// `ceplan rules`
void add_rules_command(CLI::App& command, Context& context);
/// `ceplan init`
void add_init_command(CLI::App& command, Context& context);
/// `ceplan completion bash|zsh`
void add_completion_command(CLI::App& command, Context& context);
/// `ceplan schema`
void add_schema_command(CLI::App& command, Context& context);
/// `ceplan explain ID`
void add_explain_command(CLI::App& command, Context& context);

}  // namespace ceplan::cli
