#include <algorithm>
#include <cmath>
#include <tuple>

#include <fmt/format.h>

#include "rules/checks.hpp"

namespace ceplan {
namespace rules {

void Findings::add(std::string_view id, Location location, std::string message, std::string fix) {
  if (on(id)) {
    const RuleInfo& rule = *find_rule(id);
    record(rule, rule.severity, location, std::move(message), std::move(fix));
  }
}

void Findings::add(std::string_view id, Severity severity, Location location, std::string message, std::string fix) {
  if (on(id)) {
    record(*find_rule(id), severity, location, std::move(message), std::move(fix));
  }
}

void Findings::record(const RuleInfo& rule, Severity severity, Location location, std::string message,
                      std::string fix) {
  m_out.push_back(
      Finding{&rule, severity, std::move(message), location, fix.empty() ? std::string(rule.fix) : std::move(fix)});
}

std::string join_names(const std::vector<std::string>& names) {
  if (names.size() <= 1) {
    return names.empty() ? std::string() : names.front();
  }
  std::string out;
  for (std::size_t i = 0; i + 1 < names.size(); ++i) {
    out += (i == 0 ? "" : ", ") + names[i];
  }
  return out + " and " + names.back();
}

}  // namespace rules

std::vector<Finding> check(const Deployment& deployment, const Catalog& catalog, const RuleSelection& selection) {
  std::vector<Finding> out;
  rules::Findings findings(selection, out);
  const rules::Subject subject{deployment, catalog};
  rules::check_placement(subject, findings);
  rules::check_failover(subject, findings);
  rules::check_recovery(subject, findings);
  std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.location.line, a.location.column, a.rule->id) <
           std::tie(b.location.line, b.location.column, b.rule->id);
  });
  return out;
}

}  // namespace ceplan

namespace ceplan {

std::vector<Finding> validate(std::string_view text, const std::string& source, const Catalog& catalog,
                              const RuleSelection& selection, const InputLimits& limits) {
  return check(load_deployment(text, source, limits), catalog, selection);
}

}  // namespace ceplan
