#include "rules/suppression.hpp"

#include <algorithm>
#include <optional>

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
      throw InputError(Diagnostic{source, directive.at,
                                  fmt::format("unknown rule '{}' in a ceplan:ignore comment{}", excerpt(word),
                                              did_you_mean(word, rule_words()))});
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
    throw InputError(Diagnostic{source, directive.at, "a ceplan:ignore comment must name the rules it suppresses"});
  }
}

std::vector<Directive> directives_of(std::string_view text, const std::string& source) {
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  std::vector<Directive> out;
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
      std::size_t target = i;
      if (blank_or_comment(lines[i].substr(0, *hash))) {
        for (target = i + 1; target < lines.size() && blank_or_comment(lines[target]); ++target) {
        }
      }
      directive.target = static_cast<int>(target + 1);
    }
    out.push_back(std::move(directive));
  }
  return out;
}

}  // namespace

SuppressionResult apply_suppressions(std::string_view text, const std::string& source, std::vector<Finding> findings,
                                     const RuleSelection& selection, bool report_unused) {
  std::vector<Directive> directives = directives_of(text, source);
  SuppressionResult out;
  for (Finding& finding : findings) {
    auto covers = [&](const Directive& d) {
      return (d.target == 0 || d.target == finding.location.line) &&
             std::find(d.rules.begin(), d.rules.end(), finding.rule) != d.rules.end();
    };
    auto it = std::find_if(directives.begin(), directives.end(), covers);
    if (it == directives.end()) {
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
