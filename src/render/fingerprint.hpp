#pragma once
// Stable identities for findings, which code scanning, baselines and JUnit test names rely on.

#include <string>
#include <vector>

#include "render/findings.hpp"

namespace ceplan::render {

/// What a finding is about, independent of where it sits: its message with every number
/// outside quotes replaced by `#` (so that moved lines, "(first at line 22)" and changed figures
/// keep it), quoted names kept as they are.
[[nodiscard]] std::string finding_subject(const Finding& finding);

/// One fingerprint per finding of `report`, in order: 16 hex digits of a 64-bit FNV-1a hash of
/// the repository path, the rule id, the subject and, for the second and later findings with
/// the same three (counted over the suppressed findings too, in file order), their ordinal.
/// Equal for the same finding however the file is named on the command line and wherever it
/// moves in the file; distinct for distinct findings of one file.
[[nodiscard]] std::vector<std::string> fingerprints(const FileReport& report);

/// The fingerprints of `report.findings` and of `report.suppressed`, each in order.
struct Fingerprints {
  std::vector<std::string> findings;    ///< one per finding
  std::vector<std::string> suppressed;  ///< one per suppressed finding
};
/// Both lists in one pass, counted as fingerprints() counts.
[[nodiscard]] Fingerprints all_fingerprints(const FileReport& report);

/// Distinct, stable names for the findings of `report` (JUnit test names): "ID name: subject"
/// (finding_subject(), so that a changed figure or line keeps the name), with " (2)", " (3)"...
/// after repeated ones.
[[nodiscard]] std::vector<std::string> finding_names(const FileReport& report);

}  // namespace ceplan::render
