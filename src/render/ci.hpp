#pragma once
// Findings in the formats CI systems read: SARIF for code scanning, JUnit XML for test
// reports, GitHub workflow commands for inline annotations.

#include <optional>
#include <span>
#include <string>

#include "render/findings.hpp"

namespace ceplan::render {

/// What a SARIF report holds beyond the findings that count.
struct SarifOptions {
  /// Also the findings suppressed by comments or the baseline, marked with `suppressions`.
  /// GitHub code scanning reads no `suppressions` and would open them as alerts.
  bool include_suppressed = false;
  /// `automationDetails.id` (with a trailing '/'): code scanning's category. Empty: none, so
  /// that upload-sarif's `category` input, or its default per workflow and job, applies.
  std::string category;
};

/// SARIF 2.1.0: one run, every rule in tool.driver.rules, one result per finding. Artifact URIs
/// are each file's repository path against `%SRCROOT%`; columns count characters. Each result's
/// `primaryLocationLineHash` is ceplan's fingerprint, so an alert keeps its identity when lines
/// move.
[[nodiscard]] std::string sarif(std::span<const FileReport> reports, const SarifOptions& options = {});

/// GitHub Actions workflow commands: `::error file=F,line=L,col=C,title=ID name::message`, with
/// repository paths. More than GitHub shows (10 of each kind per step) starts with a notice
/// that says how many are hidden and where the full report is (`full_report`, a file written
/// in the same run, if any).
[[nodiscard]] std::string github(std::span<const FileReport> reports, const std::string& full_report = {});

/// Where the rule reference lives; SARIF helpUri links point into it.
inline constexpr std::string_view rules_doc_uri = "https://github.com/ceplan/ceplan/blob/main/docs/rules.md";
/// The project's home page (SARIF informationUri).
inline constexpr std::string_view home_page_uri = "https://github.com/ceplan/ceplan";

}  // namespace ceplan::render
