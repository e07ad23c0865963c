#include "rules/config.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "loader/yaml_read.hpp"
#include "support/spellcheck.hpp"

namespace ceplan {
namespace {

using T = ConfigType;

const std::vector<ConfigKey> keys{
    {"fail-on", T::severity_or_never, "Exit 1 on findings at or above this severity (error, warning, info, never).",
     "warning", false},
    {"format", T::formats, "Reports to write, as --format takes them: FORMAT, or FORMAT=FILE for all but one.",
     "[text, sarif=ceplan.sarif]", false},
    {"disable", T::rules, "Rules never run, by id or name.", "[CE105]", true},
    {"enable-only", T::rules, "Run only these rules, by id or name.", "[CE301, CE302]", true},
    {"severity", T::severities, "A severity for a rule (error, warning, info), or off to disable it.",
     "{ single-campus-region: warning }", true},
    {"catalog", T::path, "A region catalog YAML to use instead of the embedded one, relative to this file.",
     "catalog/regions.yaml", false},
    {"paths", T::globs, "Deploy files to check when none is given, as globs relative to this file.",
     "[\"deploy/**/*.yaml\"]", false},
    {"exclude", T::globs, "Files never checked, as globs relative to this file.", "[\"deploy/drafts/*\"]", false},
    {"baseline", T::path, "A baseline file (--baseline) whose findings are hidden, relative to this file.",
     ".ceplan-baseline.json", false},
    {"report-unused-ignores", T::boolean, "Report ceplan:ignore comments that suppress nothing (CE002).", "true",
     false},
    {"overrides", T::overrides,
     "Settings for some files: each entry has files (globs) and any of disable, enable-only and severity.",
     "[{ files: [\"legacy/*.yaml\"], disable: [CE104] }]", false},
};

const std::vector<std::string> severity_words = severity_names("never");
const std::vector<std::string> level_words = severity_names("off");

std::vector<std::string> names(bool overrides_only) {
  std::vector<std::string> out;
  for (const ConfigKey& key : keys) {
    if (!overrides_only || key.in_overrides)
      out.emplace_back(key.key);
  }
  if (overrides_only)
    out.emplace_back("files");
  return out;
}

// A list of rule ids or names, each checked against the rule table.
std::set<std::string> rule_set(yaml::Reader& reader, const yaml::Node& node, std::string_view what) {
  std::set<std::string> out;
  if (!reader.sequence(node, what))
    return out;
  for (const yaml::Node& item : node.items) {
    auto word = reader.string(item, fmt::format("an item of {}", what));
    if (!word)
      continue;
    if (const RuleInfo* rule = find_rule(*word)) {
      out.emplace(rule->id);
    } else {
      reader.error(item.mark, fmt::format("unknown rule '{}' in {}{}", excerpt(*word), what, rule_hint(*word)));
    }
  }
  return out;
}

void read_rules(yaml::Reader& reader, const yaml::Node& map, RuleSettings& out) {
  if (const yaml::Node* node = map.find("disable"))
    out.disabled = rule_set(reader, *node, "'disable'");
  if (const yaml::Node* node = map.find("enable-only"))
    out.enabled_only = rule_set(reader, *node, "'enable-only'");
  const yaml::Node* severity = map.find("severity");
  // Unknown rules are reported by map(), with a "did you mean".
  if (severity == nullptr || !reader.map(*severity, "'severity'", rule_words()))
    return;
  for (std::size_t i = 0; i < severity->keys.size(); ++i) {
    const RuleInfo* rule = find_rule(severity->keys[i]);
    if (rule == nullptr)
      continue;
    if (auto level = reader.choice(severity->items[i], fmt::format("the severity of {}", rule->id), level_words))
      out.severity[std::string(rule->id)] = parse_severity(*level);
  }
}

std::vector<std::string> strings(yaml::Reader& reader, const yaml::Node* node, std::string_view what) {
  if (node == nullptr)
    return {};
  if (node->kind != yaml::Kind::sequence) {
    auto one = reader.string(*node, what);
    return one ? std::vector<std::string>{*one} : std::vector<std::string>{};
  }
  return reader.string_list(*node, what).value_or(std::vector<std::string>{});
}

// True when `path` leaves the directory it is relative to: absolute, from the home directory, or
// with a '..' component.
bool escapes(std::string_view path) {
  if (path.empty() || path.front() == '/' || path.front() == '\\' || path.front() == '~')
    return true;
  for (std::size_t start = 0; start <= path.size();) {
    const std::size_t end = std::min(path.find_first_of("/\\", start), path.size());
    if (path.substr(start, end - start) == "..")
      return true;
    start = end + 1;
  }
  return false;
}

// Calls `visit` with each scalar of a key that takes a string or a list of strings (`node`, or
// its items); other kinds were reported when the value was read.
template <class Visit>
void each_scalar(const yaml::Node* node, Visit&& visit) {
  if (node == nullptr)
    return;
  const bool list = node->kind == yaml::Kind::sequence;
  const std::size_t count = list ? node->items.size() : 1;
  for (std::size_t i = 0; i < count; ++i) {
    const yaml::Node& item = list ? node->items[i] : *node;
    if (item.kind == yaml::Kind::scalar)
      visit(item);
  }
}

// A configuration is read from the repository it sits in, often from a pull request: the files
// it names stay below its own directory, so it can neither overwrite nor read anything else. The
// command line may still name any path. `format` entries are FORMAT=FILE.
void confine(yaml::Reader& reader, const yaml::Node* node, std::string_view what, bool format) {
  each_scalar(node, [&](const yaml::Node& item) {
    const std::string& text = item.value;
    const std::size_t equals = format ? text.find('=') : 0;
    if (format && equals == std::string::npos)
      return;
    const std::string_view path = std::string_view(text).substr(format ? equals + 1 : 0);
    if (escapes(path))
      reader.error(item.mark, fmt::format("{} names '{}', outside the directory of this configuration; use a path "
                                          "below it, without '..', or give it on the command line",
                                          what, excerpt(path)));
  });
}

// Each `format` entry names a report format: a typo would otherwise write one report as another.
void check_formats(yaml::Reader& reader, const yaml::Node* node) {
  const auto& known = report_formats();
  each_scalar(node, [&](const yaml::Node& item) {
    const std::string name = item.value.substr(0, item.value.find('='));
    if (std::find(known.begin(), known.end(), name) == known.end())
      reader.error(item.mark,
                   fmt::format("unknown format '{}' in 'format'{}", excerpt(name), did_you_mean_or_list(name, known)));
  });
}

// What a glob holds that ceplan's globs do not mean, and what to write instead; empty if nothing.
// Other tools read these (braces, classes, a trailing '/', a leading '!'), and a pattern that
// silently matches nothing would leave files unchecked.
std::string unsupported_glob(std::string_view glob) {
  if (glob.find_first_of("{}") != std::string_view::npos)
    return "braces are not glob syntax here; list each pattern on its own";
  if (glob.find_first_of("[]") != std::string_view::npos)
    return "character classes ([...]) are not supported; use ?, * and **";
  if (glob.starts_with('!'))
    return "a leading '!' does not negate here; list the pattern under 'exclude'";
  if (glob.ends_with('/'))
    return fmt::format("a pattern matches files, not directories; write '{}**' for every file below it", glob);
  return {};
}

void check_globs(yaml::Reader& reader, const yaml::Node* node, std::string_view what) {
  each_scalar(node, [&](const yaml::Node& item) {
    if (const std::string problem = unsupported_glob(item.value); !problem.empty())
      reader.error(item.mark, fmt::format("{} has '{}': {}", what, excerpt(item.value), problem));
  });
}

void read_overrides(yaml::Reader& reader, const yaml::Node& node, Config& out) {
  if (!reader.sequence(node, "'overrides'"))
    return;
  const std::vector<std::string> known = names(true);
  for (const yaml::Node& item : node.items) {
    if (!reader.map(item, "an entry of 'overrides'", known))
      continue;
    ConfigOverride entry;
    if (const yaml::Node* files = reader.required(item, "files", "an entry of 'overrides'")) {
      entry.files = strings(reader, files, "'files'");
      check_globs(reader, files, "'files'");
    }
    read_rules(reader, item, entry.rules);
    out.overrides.push_back(std::move(entry));
  }
}

}  // namespace

const std::vector<std::string>& report_formats() {
  static const std::vector<std::string> formats{"text",         "json",   "sarif",       "junit",
                                                "junit-strict", "github", "codeclimate", "checkstyle"};
  return formats;
}

const std::vector<ConfigKey>& config_keys() {
  return keys;
}

Config parse_config(std::string_view text, const std::string& source, const InputLimits& limits) {
  const yaml::Node root = yaml::parse(text, source, limits);
  DiagnosticSink sink(source);
  yaml::Reader reader(sink);
  Config out;
  out.source = source;
  if (!root.is_null() && reader.map(root, "the configuration", names(false))) {
    if (const yaml::Node* node = root.find("fail-on"))
      out.fail_on = reader.choice(*node, "'fail-on'", severity_words);
    out.formats = strings(reader, root.find("format"), "'format'");
    confine(reader, root.find("format"), "'format'", true);
    check_formats(reader, root.find("format"));
    read_rules(reader, root, out.rules);
    if (const yaml::Node* node = root.find("catalog"))
      out.catalog = reader.string(*node, "'catalog'");
    out.paths = strings(reader, root.find("paths"), "'paths'");
    out.exclude = strings(reader, root.find("exclude"), "'exclude'");
    if (const yaml::Node* node = root.find("baseline"))
      out.baseline = reader.string(*node, "'baseline'");
    for (const char* key : {"catalog", "paths", "baseline"})
      confine(reader, root.find(key), fmt::format("'{}'", key), false);
    check_globs(reader, root.find("paths"), "'paths'");
    check_globs(reader, root.find("exclude"), "'exclude'");
    if (const yaml::Node* node = root.find("report-unused-ignores"))
      out.report_unused_ignores = reader.boolean(*node, "'report-unused-ignores'");
    if (const yaml::Node* node = root.find("overrides"))
      read_overrides(reader, *node, out);
  }
  sink.throw_if_failed();
  return out;
}

namespace {

// One step of the glob: which path positions can follow, given those it may start at. Each
// step is one pass over the path, so matching costs |glob| x |path|, whatever the stars.
std::vector<char> advance(std::string_view glob, std::size_t& g, std::string_view path, const std::vector<char>& from) {
  std::vector<char> to(from.size(), 0);
  if (glob.substr(g).starts_with("**/")) {
    // Any number of whole directories, none included.
    bool reached = false;
    for (std::size_t k = 0; k < from.size(); ++k) {
      to[k] = static_cast<char>(from[k] != 0 || (reached && k > 0 && path[k - 1] == '/'));
      reached = reached || from[k] != 0;
    }
    g += 3;
  } else if (glob.substr(g).starts_with("**")) {
    bool reached = false;
    for (std::size_t k = 0; k < from.size(); ++k) to[k] = static_cast<char>(reached = reached || from[k] != 0);
    g += 2;
  } else if (glob[g] == '*') {
    // Any run of characters within one name.
    bool reached = false;
    for (std::size_t k = 0; k < from.size(); ++k) {
      reached = from[k] != 0 || (reached && path[k - 1] != '/');
      to[k] = static_cast<char>(reached);
    }
    g += 1;
  } else {
    for (std::size_t k = 0; k + 1 < from.size(); ++k) {
      to[k + 1] = static_cast<char>(from[k] != 0 && (glob[g] == '?' ? path[k] != '/' : glob[g] == path[k]));
    }
    g += 1;
  }
  return to;
}

}  // namespace

bool glob_match(std::string_view glob, std::string_view path) {
  constexpr std::size_t longest = 1024;
  if (glob.size() > longest || path.size() > 4 * longest) {
    return false;
  }
  std::vector<char> reachable(path.size() + 1, 0);
  reachable[0] = 1;
  for (std::size_t g = 0; g < glob.size();) {
    reachable = advance(glob, g, path, reachable);
  }
  return reachable.back() != 0;
}

}  // namespace ceplan
