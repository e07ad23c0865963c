#pragma once
// Finding and applying `.ceplan.yaml`: the nearest one above each file (a few stat calls, no
// tree walk), or `--config FILE`, or none with `--no-config`.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rules/config.hpp"
#include "support/limits.hpp"

namespace ceplan::cli {

/// A configuration and the directory its relative paths and globs start from.
struct LoadedConfig {
  Config config;                    ///< what the file says
  std::filesystem::path directory;  ///< where the file is
};

/// Which configurations a run uses.
class ConfigFinder {
public:
  /// `explicit_path` (--config) is used for every file; `none` (--no-config) uses none.
  ConfigFinder(std::string explicit_path, bool none, InputLimits limits);
  /// The configuration for `file` ("-" and no file: the current directory's); nullptr if none.
  /// Throws InputError for a configuration that cannot be read.
  const LoadedConfig* for_file(const std::string& file);

private:
  const LoadedConfig* load(const std::filesystem::path& path);
  std::string m_explicit;
  bool m_none;
  InputLimits m_limits;
  std::map<std::filesystem::path, std::optional<std::filesystem::path>> m_nearest;  // directory -> config file
  std::map<std::filesystem::path, LoadedConfig> m_loaded;
};

/// A path the configuration names (relative to its directory), as a path from the current directory.
[[nodiscard]] std::string path_from(const LoadedConfig& loaded, const std::string& path);

/// The catalog `.ceplan.yaml` names for `file` (nearest above it), as a path from the current
/// directory, or empty when there is none or `--catalog`/CEPLAN_CATALOG already chose one.
/// `plan`, `runbook` and `diff` use it, so that they reason over the regions `validate` does.
[[nodiscard]] std::string configured_catalog(const std::string& file, const std::string& chosen,
                                             const InputLimits& limits);

/// The rule settings for `file`: the configuration's, then each override whose globs match.
[[nodiscard]] RuleSettings settings_for(const LoadedConfig& loaded, const std::string& file);

/// How one file is checked.
struct FileSettings {
  RuleSelection selection;                   ///< the rules that run
  std::map<std::string, Severity> severity;  ///< rule id to the severity its findings get
};
/// The command line's selection (`given`), with what `loaded` (if any) says for `file` added:
/// its disabled rules and those set to off join --disable; its enable-only applies unless
/// --enable-only was given.
[[nodiscard]] FileSettings file_settings(const LoadedConfig* loaded, const std::string& file,
                                         const RuleSelection& given);
/// True if one of the configuration's `exclude` globs matches `file`.
[[nodiscard]] bool excluded(const LoadedConfig& loaded, const std::string& file);
/// The files the configuration's `paths` globs match, sorted, as paths from the current directory.
/// Hidden files and directories are left out, as a shell's globs leave them out, unless a glob's
/// last part starts with '.'.
[[nodiscard]] std::vector<std::string> configured_files(const LoadedConfig& loaded);
/// The files a directory on the command line stands for, sorted, as paths from the current
/// directory: those below it that `loaded`'s `paths` match, or without `paths` every *.yaml and
/// *.yml; hidden files and directories left out.
[[nodiscard]] std::vector<std::string> files_in_directory(const std::string& directory, const LoadedConfig* loaded);

/// `files` with each directory replaced by files_in_directory() of it, under the configuration
/// nearest that directory; InputError for a directory that holds none.
[[nodiscard]] std::vector<std::string> expand_directories(const std::vector<std::string>& files, ConfigFinder& finder);
/// The path whose configuration applies to `file`: for standard input ("-"), the path given by
/// --stdin-filename, when there is one, so that its directory's overrides and excludes apply.
[[nodiscard]] std::string config_path(const std::string& file, const std::string& stdin_name);

}  // namespace ceplan::cli
