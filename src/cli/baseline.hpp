#pragma once
// `validate --baseline FILE` and `--write-baseline FILE`: known findings hidden by fingerprint.

#include <string>
#include <vector>

#include "render/baseline.hpp"
#include "render/findings.hpp"
#include "support/limits.hpp"

namespace ceplan::cli {

/// Reads the baseline at `path` and moves every finding it records into its report's
/// `suppressed` list (an external suppression naming the file). Prints on standard error how
/// many were hidden and which entries of the checked files no longer occur.
void apply_baseline(std::vector<render::FileReport>& reports, const std::string& path, const InputLimits& limits);

}  // namespace ceplan::cli
