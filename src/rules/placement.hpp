#pragma once
// One family of rules; see rule_table.cpp for what each rule means.

#include "rules/finding_sink.hpp"

namespace ceplan::rules {

/// CE101-CE110: where the project and its workloads are placed.
void check_placement(const Subject& subject, Findings& findings);

}  // namespace ceplan::rules
