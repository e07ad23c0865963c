#pragma once
// The rules of `ceplan validate` (SPEC §3): stable ids, default severities, and the findings
// they produce over a deployment.

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "ceplan/catalog.hpp"
#include "ceplan/model.hpp"

namespace ceplan {

/// How serious a finding is; ordered so that a smaller value is more serious.
enum class Severity { error, warning, info };

/// "error", "warning", "info".
[[nodiscard]] std::string_view to_string(Severity severity);
/// Parses "error", "warning" or "info".
[[nodiscard]] std::optional<Severity> parse_severity(std::string_view text);

/// What a rule is and why it exists; the source of `ceplan rules`, `explain` and docs/rules.md.
struct RuleInfo {
  std::string_view id;         ///< e.g. "CE301"
  std::string_view name;       ///< e.g. "duplicate-job-runs"
  Severity severity;           ///< default severity
  std::string_view summary;    ///< when it fires, one line
  std::string_view rationale;  ///< why it matters
  std::string_view example;    ///< a deploy-file fragment that fires it
  std::string_view fix;        ///< how to fix it, one line
};

/// One problem found in a deployment.
struct Finding {
  const RuleInfo* rule = nullptr;       ///< the rule that fired
  Severity severity = Severity::error;  ///< this finding's severity
  std::string message;                  ///< names the app, job or region concerned
  Location location;                    ///< the node that causes it
  std::string fix;                      ///< what to do, one line
};

/// Every rule, ordered by id.
[[nodiscard]] const std::vector<RuleInfo>& all_rules();
/// A rule by id ("CE301", any case) or name ("duplicate-job-runs"), or nullptr.
[[nodiscard]] const RuleInfo* find_rule(std::string_view id_or_name);
/// Parses a comma-separated list of rule ids or names; throws InputError with a suggestion.
[[nodiscard]] std::set<std::string> parse_rule_list(std::string_view list);

/// Which rules run.
struct RuleSelection {
  std::set<std::string> disabled;      ///< ids never run
  std::set<std::string> enabled_only;  ///< when non-empty, only these ids run
  /// True if the rule with this id runs.
  [[nodiscard]] bool runs(std::string_view id) const;
};

/// Runs the selected rules; findings come sorted by location, then rule id.
[[nodiscard]] std::vector<Finding> check(const Deployment& deployment, const Catalog& catalog,
                                         const RuleSelection& selection = {});

}  // namespace ceplan

namespace ceplan {

/// Loads deploy-file `text` (named `source`) and runs the selected rules on it.
/// Throws InputError when the file cannot be read as a deploy file.
[[nodiscard]] std::vector<Finding> validate(std::string_view text, const std::string& source, const Catalog& catalog,
                                            const RuleSelection& selection = {}, const InputLimits& limits = {});

}  // namespace ceplan
