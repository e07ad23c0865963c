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
namespace {

// True if `text` names `id` as a whole word ("in eu-frankfurt", "'eu-frankfurt'").
bool names_region(std::string_view text, std::string_view id) {
  auto part_of_id = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; };
  for (std::size_t at = text.find(id); at != std::string_view::npos; at = text.find(id, at + 1)) {
    const std::size_t end = at + id.size();
    if ((at == 0 || !part_of_id(text[at - 1])) && (end == text.size() || !part_of_id(text[end])))
      return true;
  }
  return false;
}

// A region the catalog does not know is one mistake, reported once (CE101, or CE107 for a
// workload's): what other rules would say about it (a takeover in 'eu-frankfurt') follows from it.
void drop_echoes_of_unknown_regions(const Deployment& deployment, const Catalog& catalog, std::vector<Finding>& out) {
  std::vector<std::string> unknown;
  for (const ProjectRegion& entry : deployment.regions) {
    if (catalog.find(entry.id.name) == nullptr)
      unknown.push_back(entry.id.name);
  }
  if (unknown.empty())
    return;
  std::erase_if(out, [&](const Finding& finding) {
    const RuleId rule = finding.rule->handle;
    return rule != RuleId::unknown_region && rule != RuleId::region_not_in_project &&
           std::any_of(unknown.begin(), unknown.end(),
                       [&](const std::string& region) { return names_region(finding.message, region); });
  });
}

}  // namespace

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
  drop_echoes_of_unknown_regions(deployment, catalog, out);
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
