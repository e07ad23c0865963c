#pragma once
// One family of rules; see rule_table.cpp for what each rule means.

#include "rules/finding_sink.hpp"

namespace ceplan::rules {

/// CE312-CE314: what the steps of a plan depend on: a store's secret, a registry secret's server,
/// a schedule's job.
void check_dependencies(const Subject& subject, Findings& findings);

}  // namespace ceplan::rules
