#pragma once
// Reads a deploy file (docs/deploy-file.md) into a Deployment, with every default applied.

#include <string>
#include <string_view>

#include "model/deployment.hpp"
#include "support/limits.hpp"

namespace ceplan {

/// Parses and checks a deploy file; `source` names it in errors. Throws InputError listing
/// every problem found (malformed YAML, unknown or duplicate keys, wrong types, missing fields).
[[nodiscard]] Deployment load_deployment(std::string_view text, const std::string& source,
                                         const InputLimits& limits = {});

}  // namespace ceplan
