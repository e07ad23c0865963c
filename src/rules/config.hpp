#pragma once
// `.ceplan.yaml`: a repository's defaults for `ceplan validate`. Its keys are described once, in
// config_keys(), which the loader, `ceplan schema --config`, `ceplan init --config` and
// docs/configuration.md read.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule_table.hpp"
#include "support/limits.hpp"

namespace ceplan {

/// How a configuration value is written, for the loader and the JSON Schema.
enum class ConfigType { severity_or_never, formats, rules, severities, path, globs, boolean, overrides };

/// One key of the configuration file.
struct ConfigKey {
  std::string_view key;          ///< as written in the file
  ConfigType type;               ///< how its value is written
  std::string_view description;  ///< one sentence, for the schema and the commented starter file
  std::string_view example;      ///< a value, as YAML
  bool in_overrides;             ///< also allowed in an `overrides` entry
};

/// Every key of `.ceplan.yaml`, in the order the starter file lists them.
[[nodiscard]] const std::vector<ConfigKey>& config_keys();

/// Rule settings that a configuration, or one of its per-path overrides, makes.
struct RuleSettings {
  std::set<std::string> disabled;                           ///< rule ids never run
  std::set<std::string> enabled_only;                       ///< when non-empty, only these run
  std::map<std::string, std::optional<Severity>> severity;  ///< rule id to its severity; nullopt: off
};

/// Settings for the files that match `files` (globs relative to the configuration's directory).
struct ConfigOverride {
  std::vector<std::string> files;  ///< globs: `*` within a name, `**` across directories, `?`
  RuleSettings rules;              ///< applied after the file's own
};

/// A parsed `.ceplan.yaml`.
struct Config {
  std::string source;                         ///< the file, as named in messages
  std::optional<std::string> fail_on;         ///< error, warning, info or never
  std::vector<std::string> formats;           ///< as --format takes them (FORMAT or FORMAT=FILE)
  RuleSettings rules;                         ///< for every file
  std::optional<std::string> catalog;         ///< a catalog file, relative to the configuration
  std::vector<std::string> paths;             ///< globs checked when no file is given
  std::vector<std::string> exclude;           ///< globs never checked
  std::optional<std::string> baseline;        ///< --baseline, relative to the configuration
  std::optional<bool> report_unused_ignores;  ///< --report-unused-ignores
  std::vector<ConfigOverride> overrides;      ///< per-path settings, in order
};

/// The report formats of `ceplan validate`, which `--format` and the configuration's `format` take.
[[nodiscard]] const std::vector<std::string>& report_formats();

/// Parses `text` (named `source`); throws InputError with every problem at its line and column,
/// unknown keys with a "did you mean".
[[nodiscard]] Config parse_config(std::string_view text, const std::string& source, const InputLimits& limits = {});

/// True if `path` (relative, '/'-separated) matches `glob`.
[[nodiscard]] bool glob_match(std::string_view glob, std::string_view path);

}  // namespace ceplan
