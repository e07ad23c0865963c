#pragma once
// Running the rules over a deployment (docs/rules.md): the findings they produce.

#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.hpp"
#include "model/deployment.hpp"
#include "model/terraform.hpp"
#include "rules/rule_table.hpp"
#include "support/limits.hpp"

namespace ceplan {

/// One problem found in a deployment.
struct Finding {
  const RuleInfo* rule = nullptr;       ///< the rule that fired
  Severity severity = Severity::error;  ///< this finding's severity
  std::string message;                  ///< names the app, job or region concerned
  Location location;                    ///< the node that causes it
  std::string fix;                      ///< what to do, one line
};

/// Sorts findings by location, then rule id: the order every report lists them in.
void sort_by_location(std::vector<Finding>& findings);

/// Runs the selected rules, and with `terraform` the CE4xx rules against it; findings come
/// sorted by location, then rule id.
[[nodiscard]] std::vector<Finding> check(const Deployment& deployment, const Catalog& catalog,
                                         const RuleSelection& selection = {},
                                         const terraform::Inventory* terraform = nullptr);

/// Loads deploy-file `text` (named `source`) and runs the selected rules on it.
/// Throws InputError when the file cannot be read as a deploy file.
[[nodiscard]] std::vector<Finding> validate(std::string_view text, const std::string& source, const Catalog& catalog,
                                            const RuleSelection& selection = {}, const InputLimits& limits = {},
                                            const terraform::Inventory* terraform = nullptr);

}  // namespace ceplan
