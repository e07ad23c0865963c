#include "rules/suppression.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>

#include "support/error.hpp"
#include "support/spellcheck.hpp"

namespace ceplan {
namespace {

// One `ceplan:ignore` comment: what it names, why, where it is and which line it covers.
struct Directive {
  std::vector<const RuleInfo*> rules;
  std::optional<std::string> reason;
  Location at;
  int target = 0;  // the line it covers; 0 for the whole file
  bool used = false;
};

// Where the comment of `line` starts: the first '#' outside quotes that begins the line or
// follows a blank, as YAML reads comments.
std::optional<std::size_t> comment_start(std::string_view line) {
  char quote = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quote != 0) {
      quote = c == quote ? 0 : quote;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      return i;
    }
  }
  return std::nullopt;
}

bool blank_or_comment(std::string_view line) {
  const std::size_t first = line.find_first_not_of(" \t\r");
  return first == std::string_view::npos || line[first] == '#';
}

// Reads "CE301,CE302 reason=\"...\"" after the directive's keyword.
void read_arguments(std::string_view rest, Directive& directive, const std::string& source) {
  const std::size_t reason_at = rest.find("reason=");
  if (reason_at != std::string_view::npos) {
    std::string_view reason = rest.substr(reason_at + 7);
    const char quote = reason.empty() ? 0 : reason.front();
    if (quote == '"' || quote == '\'') {
      reason.remove_prefix(1);
      reason = reason.substr(0, reason.find(quote));
    } else {
      reason = reason.substr(0, reason.find(' '));
    }
    if (reason.find_first_not_of(' ') != std::string_view::npos)
      directive.reason = std::string(reason);
    rest = rest.substr(0, reason_at);
  }
  std::string word;
  auto flush = [&] {
    if (word.empty())
      return;
    const RuleInfo* rule = find_rule(word);
    if (rule == nullptr) {
      throw input_error(source, directive.at,
                        fmt::format("unknown rule '{}' in a ceplan:ignore comment{}", excerpt(word), rule_hint(word)));
    }
    directive.rules.push_back(rule);
    word.clear();
  };
  for (char c : rest) {
    if (c == ',' || c == ' ' || c == '\t') {
      flush();
    } else {
      word += c;
    }
  }
  flush();
  if (directive.rules.empty()) {
    throw input_error(source, directive.at, "a ceplan:ignore comment must name the rules it suppresses");
  }
}

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::vector<Directive> directives_of(std::string_view text, const std::string& source) {
  const std::vector<std::string_view> lines = lines_of(text);
  std::vector<Directive> out;
  std::size_t next_content = lines.size();  // the first line with content after the current one
  std::vector<std::size_t> content_after(lines.size());
  for (std::size_t i = lines.size(); i-- > 0;) {
    content_after[i] = next_content;
    if (!blank_or_comment(lines[i]))
      next_content = i;
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto hash = comment_start(lines[i]);
    if (!hash)
      continue;
    std::string_view comment = lines[i].substr(*hash + 1);
    comment.remove_prefix(std::min(comment.find_first_not_of(' '), comment.size()));
    const bool whole_file = comment.starts_with("ceplan:ignore-file");
    if (!whole_file && !comment.starts_with("ceplan:ignore"))
      continue;
    Directive directive;
    directive.at = {static_cast<int>(i + 1), static_cast<int>(*hash + 1)};
    read_arguments(comment.substr(whole_file ? 18 : 13), directive, source);
    if (!whole_file) {
      // On a line of its own it covers the next line with content; after a value, its own line.
      const std::size_t target = blank_or_comment(lines[i].substr(0, *hash)) ? content_after[i] : i;
      directive.target = static_cast<int>(target + 1);
    }
    out.push_back(std::move(directive));
  }
  return out;
}

// The first directive, in file order, for each line and rule: a finding is looked up, not
// compared with every directive.
class DirectiveIndex {
public:
  explicit DirectiveIndex(std::vector<Directive>& directives) : m_directives(directives) {
    for (std::size_t i = directives.size(); i-- > 0;) {
      for (const RuleInfo* rule : directives[i].rules) m_first[{directives[i].target, rule}] = i;
    }
  }

  Directive* covering(const Finding& finding) {
    const auto line = m_first.find({finding.location.line, finding.rule});
    const auto file = m_first.find({0, finding.rule});
    std::size_t best = m_directives.size();
    if (line != m_first.end())
      best = line->second;
    if (file != m_first.end())
      best = std::min(best, file->second);
    return best == m_directives.size() ? nullptr : &m_directives[best];
  }

private:
  struct KeyHash {
    std::size_t operator()(const std::pair<int, const RuleInfo*>& key) const {
      return std::hash<const RuleInfo*>()(key.second) * 31U + std::hash<int>()(key.first);
    }
  };
  std::vector<Directive>& m_directives;
  std::unordered_map<std::pair<int, const RuleInfo*>, std::size_t, KeyHash> m_first;
};

}  // namespace

SuppressionResult apply_suppressions(std::string_view text, const std::string& source, std::vector<Finding> findings,
                                     const RuleSelection& selection, bool report_unused) {
  std::vector<Directive> directives = directives_of(text, source);
  DirectiveIndex index(directives);
  SuppressionResult out;
  for (Finding& finding : findings) {
    Directive* it = index.covering(finding);
    if (it == nullptr) {
      out.findings.push_back(std::move(finding));
      continue;
    }
    it->used = true;
    out.suppressed.push_back({std::move(finding), true, it->reason.value_or("")});
  }
  for (const Directive& d : directives) {
    if (!d.reason && selection.runs(RuleId::ignore_without_reason)) {
      out.findings.push_back({&rule(RuleId::ignore_without_reason), rule(RuleId::ignore_without_reason).severity,
                              "this ceplan:ignore comment gives no reason", d.at,
                              "add reason=\"...\" saying why the finding does not apply"});
    }
    if (report_unused && !d.used && selection.runs(RuleId::unused_ignore)) {
      out.findings.push_back({&rule(RuleId::unused_ignore), rule(RuleId::unused_ignore).severity,
                              fmt::format("this ceplan:ignore comment suppresses nothing ({})", d.rules.front()->id),
                              d.at, "remove the comment, or correct the rule or its place"});
    }
  }
  sort_by_location(out.findings);
  return out;
}

}  // namespace ceplan
