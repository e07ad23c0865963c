#pragma once
// One family of rules; see rule_table.cpp for what each rule means.

#include "rules/finding_sink.hpp"

namespace ceplan::rules {

/// CE301-CE306: what a restore needs: schedules, references, secrets, data, images.
void check_recovery(const Subject& subject, Findings& findings);

}  // namespace ceplan::rules
