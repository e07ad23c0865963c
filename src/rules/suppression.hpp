#pragma once
// Suppressions written in the deploy file: `# ceplan:ignore ID... reason="..."` for the next
// line (on a line of its own) or for its own line (after a value), and
// `# ceplan:ignore-file ID... reason="..."` for the whole file.

#include <string>
#include <string_view>
#include <vector>

#include "rules/check.hpp"

namespace ceplan {

/// A finding kept out of the counts: by a comment in the file, or by the baseline.
struct Suppressed {
  Finding finding;            ///< what was found
  bool in_source = true;      ///< a comment in the file (SARIF kind inSource), else the baseline (external)
  std::string justification;  ///< the reason given, or where the baseline is
};

/// What applying a file's suppressions leaves.
struct SuppressionResult {
  std::vector<Finding> findings;       ///< still reported, with CE001 and CE002 findings added
  std::vector<Suppressed> suppressed;  ///< kept out of the counts
};

/// Applies the `ceplan:ignore` comments of `text` to `findings` (sorted by location). A comment
/// without a reason is reported as CE001; with `report_unused`, one that suppresses nothing as
/// CE002 (each when `selection` runs it). An unknown rule in a comment throws InputError at it.
[[nodiscard]] SuppressionResult apply_suppressions(std::string_view text, const std::string& source,
                                                   std::vector<Finding> findings, const RuleSelection& selection,
                                                   bool report_unused);

}  // namespace ceplan
