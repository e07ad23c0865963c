#include "cli/config_files.hpp"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <system_error>

#include <fmt/format.h>

#include "cli/io.hpp"

namespace ceplan::cli {
namespace fs = std::filesystem;

namespace {

constexpr const char* file_name = ".ceplan.yaml";

// `file` relative to the configuration's directory, '/'-separated; empty if it lies outside.
std::string relative_to(const LoadedConfig& loaded, const std::string& file) {
  std::error_code ignored;
  const fs::path relative = fs::absolute(file, ignored).lexically_normal().lexically_relative(loaded.directory);
  if (relative.empty() || *relative.begin() == "..")
    return {};
  return relative.generic_string();
}

// True if `file` lies below the configuration's directory and one of `globs` matches it there.
bool matches_any(const LoadedConfig& loaded, const std::vector<std::string>& globs, const std::string& file) {
  const std::string relative = relative_to(loaded, file);
  return !relative.empty() &&
         std::any_of(globs.begin(), globs.end(), [&](const auto& glob) { return glob_match(glob, relative); });
}

fs::path home_directory() {
  const char* home = std::getenv("HOME");
  std::error_code ignored;
  return home == nullptr || *home == '\0' ? fs::path() : fs::absolute(home, ignored).lexically_normal();
}

// A configuration in a directory other users may write to (/tmp, a shared drop folder), or one
// they may write to themselves, could have been put there by anyone: it is not obeyed, and the
// user is told so once.
bool trusted(const fs::path& config) {
  std::error_code ignored;
  const auto writable_by_others = [&](const fs::path& path) {
    const fs::perms perms = fs::status(path, ignored).permissions();
    return perms != fs::perms::unknown && (perms & fs::perms::others_write) != fs::perms::none;
  };
  if (!writable_by_others(config.parent_path()) && !writable_by_others(config))
    return true;
  std::cerr << fmt::format("ceplan: ignoring {}: other users may write to it or to its directory\n",
                           printable(config.string()));
  return false;
}

void merge(const RuleSettings& from, RuleSettings& into) {
  into.disabled.insert(from.disabled.begin(), from.disabled.end());
  if (!from.enabled_only.empty())
    into.enabled_only = from.enabled_only;
  for (const auto& [rule, level] : from.severity) into.severity[rule] = level;
}

}  // namespace

ConfigFinder::ConfigFinder(std::string explicit_path, bool none, InputLimits limits)
    : m_explicit(std::move(explicit_path)), m_none(none), m_limits(limits) {}

const LoadedConfig* ConfigFinder::load(const fs::path& path) {
  auto it = m_loaded.find(path);
  if (it == m_loaded.end()) {
    const std::string name = display_name(path.string());
    LoadedConfig loaded{parse_config(read_input(path.string(), m_limits.max_file_size), name, m_limits),
                        fs::absolute(path).lexically_normal().parent_path()};
    it = m_loaded.emplace(path, std::move(loaded)).first;
  }
  return &it->second;
}

const LoadedConfig* ConfigFinder::for_file(const std::string& file) {
  if (m_none)
    return nullptr;
  if (!m_explicit.empty())
    return load(m_explicit);
  std::error_code ignored;
  const fs::path start =
      (file.empty() || file == "-" ? fs::current_path(ignored) : fs::absolute(file, ignored).parent_path())
          .lexically_normal();
  // Up to the repository root (the directory holding .git), the home directory or the file
  // system's root.
  const fs::path home = home_directory();
  std::vector<fs::path> visited;
  std::optional<fs::path> found;
  for (fs::path dir = start; !dir.empty(); dir = dir.parent_path()) {
    if (auto cached = m_nearest.find(dir); cached != m_nearest.end()) {
      found = cached->second;
      break;
    }
    visited.push_back(dir);
    if (fs::is_regular_file(dir / file_name, ignored) && trusted(dir / file_name)) {
      found = dir / file_name;
      break;
    }
    if (fs::exists(dir / ".git", ignored) || dir == dir.root_path() || dir == home)
      break;
  }
  for (const fs::path& dir : visited) m_nearest[dir] = found;
  return found ? load(*found) : nullptr;
}

RuleSettings settings_for(const LoadedConfig& loaded, const std::string& file) {
  RuleSettings out = loaded.config.rules;
  for (const ConfigOverride& entry : loaded.config.overrides) {
    if (matches_any(loaded, entry.files, file))
      merge(entry.rules, out);
  }
  return out;
}

FileSettings file_settings(const LoadedConfig* loaded, const std::string& file, const RuleSelection& given) {
  FileSettings out{given, {}};
  if (loaded == nullptr)
    return out;
  const RuleSettings rules = settings_for(*loaded, file);
  out.selection.disabled.insert(rules.disabled.begin(), rules.disabled.end());
  if (given.enabled_only.empty())
    out.selection.enabled_only = rules.enabled_only;
  for (const auto& [rule, level] : rules.severity) {
    if (level) {
      out.severity[rule] = *level;
    } else {
      out.selection.disabled.insert(rule);  // off
    }
  }
  return out;
}

bool excluded(const LoadedConfig& loaded, const std::string& file) {
  return matches_any(loaded, loaded.config.exclude, file);
}

namespace {

// Calls `visit` with each regular file below `root` that is not hidden and lies in no hidden
// directory (.git and the like), as a shell's `**` would. A hidden file is visited only when
// `hidden_too`: `**/*.yaml` must not take in `.ceplan.yaml` itself.
template <class Visit>
void each_file_below(const fs::path& root, bool hidden_too, Visit&& visit) {
  std::error_code ignored;
  for (fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ignored), end;
       it != end; it.increment(ignored)) {
    const bool hidden = it->path().filename().string().starts_with(".");
    if (hidden && it->is_directory(ignored)) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ignored) && (!hidden || hidden_too))
      visit(it->path());
  }
}

void sort_unique(std::vector<std::string>& files) {
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
}

}  // namespace

std::vector<std::string> configured_files(const LoadedConfig& loaded) {
  std::vector<std::string> out;
  std::error_code ignored;
  const fs::path current = fs::current_path(ignored);
  for (const std::string& glob : loaded.config.paths) {
    // Walk only below the part of the glob before its first wildcard.
    const fs::path fixed = fs::path(glob.substr(0, glob.find_first_of("*?"))).parent_path();
    const std::string last = glob.substr(glob.find_last_of('/') + 1);
    each_file_below(loaded.directory / fixed, last.starts_with('.'), [&](const fs::path& file) {
      if (glob_match(glob, file.lexically_relative(loaded.directory).generic_string()))
        out.push_back(file.lexically_relative(current).generic_string());
    });
  }
  sort_unique(out);
  return out;
}

std::vector<std::string> files_in_directory(const std::string& directory, const LoadedConfig* loaded) {
  std::vector<std::string> out;
  std::error_code ignored;
  const fs::path current = fs::current_path(ignored);
  each_file_below(fs::absolute(directory, ignored).lexically_normal(), false, [&](const fs::path& file) {
    const std::string name = file.filename().string();
    const bool yaml = name.ends_with(".yaml") || name.ends_with(".yml");
    const bool configured = loaded != nullptr && !loaded->config.paths.empty();
    if (configured ? matches_any(*loaded, loaded->config.paths, file.string()) : yaml)
      out.push_back(file.lexically_relative(current).generic_string());
  });
  sort_unique(out);
  return out;
}

std::string path_from(const LoadedConfig& loaded, const std::string& path) {
  return (loaded.directory / path).lexically_relative(std::filesystem::current_path()).string();
}

std::string configured_catalog(const std::string& file, const std::string& chosen, const InputLimits& limits) {
  if (!chosen.empty())
    return chosen;
  ConfigFinder finder({}, false, limits);
  const LoadedConfig* loaded = finder.for_file(file);
  if (loaded == nullptr || !loaded->config.catalog)
    return {};
  return path_from(*loaded, *loaded->config.catalog);
}

std::vector<std::string> expand_directories(const std::vector<std::string>& files, ConfigFinder& finder) {
  std::vector<std::string> out;
  for (const std::string& file : files) {
    std::error_code ignored;
    if (file == "-" || !fs::is_directory(file, ignored)) {
      out.push_back(file);
      continue;
    }
    // The configuration that applies is the one nearest the directory itself.
    const std::vector<std::string> below =
        files_in_directory(file, finder.for_file((fs::path(file) / file_name).string()));
    if (below.empty())
      throw input_error(display_name(file), {},
                        "a directory with no deploy file below it (*.yaml or *.yml, or what the 'paths' "
                        "of .ceplan.yaml match)");
    out.insert(out.end(), below.begin(), below.end());
  }
  return out;
}

std::string config_path(const std::string& file, const std::string& stdin_name) {
  return file == "-" && !stdin_name.empty() ? stdin_name : file;
}

}  // namespace ceplan::cli
