#pragma once
// Findings as JUnit XML test reports, in two dialects: one that says where each finding is, for
// the reporters that annotate files, and one that follows the Apache Ant schema strictly.

#include <optional>
#include <span>
#include <string>

#include "render/findings.hpp"

namespace ceplan::render {

/// `annotated` (`--format junit`) gives each test case `file` and `line` attributes, which
/// GitLab and GitHub's JUnit reporters read. `strict` (`--format junit-strict`) follows the
/// Apache Ant schema (windyroad JUnit.xsd), which Jenkins' xunit schema also accepts: neither
/// allows those attributes, so the location is in the failure's text only.
enum class JunitFlavor { annotated, strict };

/// How a JUnit report is written.
struct JunitOptions {
  std::optional<Severity> fail_on = Severity::error;  ///< findings at or above it fail; none with nullopt
  JunitFlavor flavor = JunitFlavor::annotated;        ///< the dialect
  std::string timestamp = "1970-01-01T00:00:00";      ///< each suite's timestamp (strict), UTC, no zone
};

/// A testsuite per file; a testcase per finding, named by rule and message (unique, without a
/// line number), failing at or above `fail_on`, and a passing testcase per selected rule that
/// found nothing, so the count does not depend on `fail_on`. A file with input errors is one
/// test case in `error`.
[[nodiscard]] std::string junit(std::span<const FileReport> reports, const RuleSelection& selection,
                                const JunitOptions& options = {});

}  // namespace ceplan::render
