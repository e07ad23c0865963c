#pragma once
// What the rule families share: the deployment and catalog under check, and a sink for findings.

#include <string>
#include <string_view>
#include <vector>

#include "ceplan/figures.hpp"
#include "ceplan/rules.hpp"

namespace ceplan::rules {

/// Collects findings of the selected rules.
class Findings {
public:
  /// Findings of rules `selection` runs go to `out`.
  Findings(const RuleSelection& selection, std::vector<Finding>& out) : m_selection(selection), m_out(out) {}

  /// True if rule `id` runs; checks skip their work otherwise.
  [[nodiscard]] bool on(std::string_view id) const { return m_selection.runs(id); }
  /// Records a finding of rule `id` at its default severity.
  void add(std::string_view id, Location location, std::string message, std::string fix = {});
  /// Records a finding of rule `id` at `severity`.
  void add(std::string_view id, Severity severity, Location location, std::string message, std::string fix = {});

private:
  void record(const RuleInfo& rule, Severity severity, Location location, std::string message, std::string fix);

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
  [[nodiscard]] bool spans_regions(const App& app) const { return app.regions.size() >= 2; }
};

/// "a, b and c"
[[nodiscard]] std::string join_names(const std::vector<std::string>& names);

/// CE101-CE110: where the project and its workloads are placed.
void check_placement(const Subject& subject, Findings& findings);
/// CE201-CE207: failover through the edge proxy and the objectives it must meet.
void check_failover(const Subject& subject, Findings& findings);
/// CE301-CE306: what a restore needs: schedules, references, secrets, data, images.
void check_recovery(const Subject& subject, Findings& findings);

}  // namespace ceplan::rules
