#include "rules/check.hpp"

#include <algorithm>
#include <tuple>

#include "model/deploy_loader.hpp"
#include "rules/dependencies.hpp"
#include "rules/drift.hpp"
#include "rules/failover.hpp"
#include "rules/placement.hpp"
#include "rules/recovery.hpp"

namespace ceplan {

std::vector<Finding> check(const Deployment& deployment, const Catalog& catalog, const RuleSelection& selection,
                           const terraform::Inventory* terraform) {
  std::vector<Finding> out;
  rules::Findings findings(selection, out);
  const rules::Subject subject{deployment, catalog};
  rules::check_placement(subject, findings);
  rules::check_failover(subject, findings);
  rules::check_recovery(subject, findings);
  rules::check_dependencies(subject, findings);
  if (terraform != nullptr)
    rules::check_drift(subject, *terraform, findings);
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
                              const RuleSelection& selection, const InputLimits& limits,
                              const terraform::Inventory* terraform) {
  return check(load_deployment(text, source, limits), catalog, selection, terraform);
}

}  // namespace ceplan
