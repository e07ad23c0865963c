#pragma once
// What the rule families share: the deployment and catalog under check, and a sink for findings.

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "model/figures.hpp"
#include "rules/check.hpp"

namespace ceplan::rules {

/// Collects findings of the selected rules.
class Findings {
public:
  /// Findings of rules `selection` runs go to `out`.
  Findings(const RuleSelection& selection, std::vector<Finding>& out) : m_selection(selection), m_out(out) {}

  /// True if the rule runs; checks skip their work otherwise.
  [[nodiscard]] bool on(RuleId handle) const { return m_selection.runs(handle); }
  /// Records a finding of a rule at its default severity.
  void add(RuleId handle, Location location, std::string message, std::string fix = {});
  /// Records a finding of a rule at `severity`.
  void add(RuleId handle, Severity severity, Location location, std::string message, std::string fix = {});

private:
  const RuleSelection& m_selection;
  std::vector<Finding>& m_out;
};

/// The deployment and catalog being checked, with look-ups the rules share.
struct Subject {
  const Deployment& deployment;  ///< the deploy file
  const Catalog& catalog;        ///< the region catalog

  /// The catalog region of a project region id, or nullptr if unknown.
  [[nodiscard]] const Region* region(std::string_view id) const { return catalog.find(id); }
  /// Apps in two or more regions (the ones an edge proxy fronts).
  [[nodiscard]] bool spans_regions(const App& app) const { return placements(app) >= 2; }
  /// The regions the app is placed in (a pilot-light standby's entry is a template, not one).
  [[nodiscard]] std::size_t placements(const App& app) const {
    return static_cast<std::size_t>(std::count_if(app.regions.begin(), app.regions.end(), [&](const Ref& region) {
      return deployment.places(app, region.name);
    }));
  }
};

/// "job" or "app", as messages name a workload.
[[nodiscard]] inline const char* workload_kind(bool job) {
  return job ? "job" : "app";
}

/// "a, b and c"
[[nodiscard]] std::string join_names(const std::vector<std::string>& names);

}  // namespace ceplan::rules
