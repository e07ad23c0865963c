#pragma once
// Running the rules over a deployment (docs/rules.md): the findings they produce.

#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.hpp"
#include "model/deployment.hpp"
#include "model/live_export.hpp"
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

/// What the deployment is compared with, when the run has it.
struct Observed {
  const terraform::Inventory* terraform = nullptr;  ///< a Terraform plan or state: the CE4xx rules
  const live::Export* live = nullptr;               ///< IBM's Code Engine export: the CE5xx rules
};

/// Runs the selected rules, and the CE4xx and CE5xx rules against what `observed` holds; findings
/// come sorted by location, then rule id.
[[nodiscard]] std::vector<Finding> check(const Deployment& deployment, const Catalog& catalog,
                                         const RuleSelection& selection = {}, const Observed& observed = {});

/// Loads deploy-file `text` (named `source`) and runs the selected rules on it.
/// Throws InputError when the file cannot be read as a deploy file.
[[nodiscard]] std::vector<Finding> validate(std::string_view text, const std::string& source, const Catalog& catalog,
                                            const RuleSelection& selection = {}, const InputLimits& limits = {},
                                            const Observed& observed = {});

}  // namespace ceplan
