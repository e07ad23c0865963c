#pragma once
// The CE5xx rules: where the deploy file and the live system, as IBM's Code Engine export shows it,
// disagree (docs/live-drift.md).

#include "model/live_export.hpp"
#include "rules/finding_sink.hpp"

namespace ceplan::rules {

/// Compares the deployment with what each region's export holds; every finding points at the
/// deploy file's node and names the export file and JSON path. Regions the file lists but no
/// export covers are not compared.
void check_live_drift(const Subject& subject, const live::Export& live, Findings& findings);

}  // namespace ceplan::rules
