#pragma once
// One family of rules; see rule_table.cpp for what each rule means.

#include "rules/finding_sink.hpp"

namespace ceplan::rules {

/// CE201-CE207: failover through the edge proxy and the objectives it must meet.
void check_failover(const Subject& subject, Findings& findings);

}  // namespace ceplan::rules
