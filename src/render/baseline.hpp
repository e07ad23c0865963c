#pragma once
// The baseline: today's findings recorded by fingerprint, so that a team adopting ceplan (or a
// new rule) sees only new findings until it has worked through the old ones.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "render/findings.hpp"

namespace ceplan::render {

/// One recorded finding.
struct BaselineEntry {
  std::string fingerprint;  ///< ceplanFinding/v2, the key
  std::string rule;         ///< rule id, for people reading the file
  std::string path;         ///< repository path
  std::string message;      ///< the message when recorded
};

/// The baseline file: `{"ceplan_baseline": 1, "findings": [{fingerprint, rule, path, message}]}`,
/// one entry per finding of `reports`, sorted by path, rule and fingerprint so that it diffs well.
[[nodiscard]] std::string baseline_json(std::span<const FileReport> reports);

/// Reads a baseline file; throws InputError at the line and column of what is wrong.
[[nodiscard]] std::vector<BaselineEntry> read_baseline(std::string_view text, const std::string& source);

}  // namespace ceplan::render
