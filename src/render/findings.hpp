#pragma once
// Renders the findings of `ceplan validate` and the rule documentation.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "rules/check.hpp"
#include "rules/suppression.hpp"
#include "support/error.hpp"

namespace ceplan::render {

/// The findings of one file.
struct FileReport {
  FileReport() = default;
  /// A report of `path_` with its findings or input errors; the rest is filled in by the caller.
  // NOLINTNEXTLINE(google-explicit-constructor): brace lists of reports read best without the type
  FileReport(std::string path_, std::vector<Finding> findings_ = {}, std::vector<Diagnostic> errors_ = {},
             std::string repo_path_ = {})
      : path(std::move(path_)),
        findings(std::move(findings_)),
        errors(std::move(errors_)),
        repo_path(std::move(repo_path_)) {}

  std::string path;                    ///< as given on the command line, normalised ("<stdin>" for -)
  std::vector<Finding> findings;       ///< sorted by location
  std::vector<Diagnostic> errors;      ///< input errors: the file could not be checked (no findings then)
  std::string repo_path;               ///< relative to the repository root, for CI formats; `path` if empty
  std::vector<Location> ends;          ///< where each finding's node ends, when known (line 0 if not)
  std::vector<Suppressed> suppressed;  ///< kept out of the counts: shown in JSON and SARIF only
};

/// The path CI formats report: `repo_path`, else `path`.
[[nodiscard]] inline const std::string& ci_path(const FileReport& report) {
  return report.repo_path.empty() ? report.path : report.repo_path;
}

/// "Message. Fix: fix." — the sentence SARIF, Code Quality and Checkstyle show for a finding (no
/// second full stop after a message that ends in '?').
[[nodiscard]] std::string finding_sentence(const Finding& finding);

/// Counts by severity.
struct Summary {
  std::size_t errors = 0;      ///< findings of severity error
  std::size_t warnings = 0;    ///< findings of severity warning
  std::size_t infos = 0;       ///< findings of severity info
  std::size_t unreadable = 0;  ///< files with input errors, which were not checked
  std::size_t suppressed = 0;  ///< findings kept out of the counts by comments or the baseline
};

/// Output formats of `validate`.
enum class FindingsFormat { text, json };

/// Counts the findings of every file.
[[nodiscard]] Summary summarize(std::span<const FileReport> reports);
/// Compiler-style lines with the fix indented, then a summary line (text), or one JSON document.
/// With `color`, text output marks severities in colour and locations in bold (ANSI escapes).
[[nodiscard]] std::string findings(std::span<const FileReport> reports, FindingsFormat format, bool color = false);

/// Output formats of `rules`.
enum class RulesFormat { text, markdown, json };
/// The rule table (text), the rule reference (Markdown, docs/rules.md) or a JSON list.
[[nodiscard]] std::string rules(RulesFormat format);
/// Rationale, example and fix of one rule (`ceplan explain`).
[[nodiscard]] std::string explain(const RuleInfo& rule);

}  // namespace ceplan::render
