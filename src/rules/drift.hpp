#pragma once
// The CE4xx rules: where the deploy file and Terraform disagree (docs/terraform.md).

#include "model/terraform.hpp"
#include "rules/finding_sink.hpp"

namespace ceplan::rules {

/// Compares the deployment with what `terraform` (a plan or state) deploys; every finding points at
/// the deploy file's node and names the Terraform address. Values Terraform leaves unknown or
/// marks sensitive are not compared.
void check_drift(const Subject& subject, const terraform::Inventory& terraform, Findings& findings);

}  // namespace ceplan::rules
