#pragma once
// Findings for code-quality dashboards: GitLab Code Quality (the Code Climate issue format) and
// Checkstyle XML, which Jenkins' warnings plugin, reviewdog and many editors read.

#include <span>
#include <string>

#include "render/findings.hpp"

namespace ceplan::render {

/// GitLab Code Quality: a JSON array of issues, each with `description`, `check_name` (the rule
/// id), a unique `fingerprint`, `severity` (error major, warning minor, info info) and
/// `location.path` (the repository path) with `lines.begin`. An input error is a `blocker`.
[[nodiscard]] std::string codeclimate(std::span<const FileReport> reports);

/// Checkstyle XML: a `<file>` per deploy file, an `<error>` per finding or input error with
/// line, column, severity (error, warning, info), message and `source` (`ceplan.CE301`).
[[nodiscard]] std::string checkstyle(std::span<const FileReport> reports);

}  // namespace ceplan::render
