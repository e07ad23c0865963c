#include "rules/check.hpp"

#include <algorithm>
#include <tuple>

#include "model/deploy_loader.hpp"
#include "rules/dependencies.hpp"
#include "rules/drift.hpp"
#include "rules/failover.hpp"
#include "rules/live_drift.hpp"
#include "rules/placement.hpp"
#include "rules/recovery.hpp"

namespace ceplan {

std::vector<Finding> check(const Deployment& deployment, const Catalog& catalog, const RuleSelection& selection,
                           const Observed& observed) {
  std::vector<Finding> out;
  rules::Findings findings(selection, out);
  const rules::Subject subject{deployment, catalog};
  rules::check_placement(subject, findings);
  rules::check_failover(subject, findings);
  rules::check_recovery(subject, findings);
  rules::check_dependencies(subject, findings);
  if (observed.terraform != nullptr)
    rules::check_drift(subject, *observed.terraform, findings);
  if (observed.live != nullptr)
    rules::check_live_drift(subject, *observed.live, findings);
  sort_by_location(out);
  return out;
}

void sort_by_location(std::vector<Finding>& findings) {
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.location.line, a.location.column, a.rule->id) <
           std::tie(b.location.line, b.location.column, b.rule->id);
  });
}

std::vector<Finding> validate(std::string_view text, const std::string& source, const Catalog& catalog,
                              const RuleSelection& selection, const InputLimits& limits, const Observed& observed) {
  return check(load_deployment(text, source, limits), catalog, selection, observed);
}

}  // namespace ceplan
