#pragma once
// Reads and validates a region catalog (docs/catalog.md) from YAML text.

#include <string>
#include <string_view>

#include "catalog/catalog.hpp"
#include "support/limits.hpp"

namespace ceplan {

/// Parses and validates catalog YAML `text`; `source` names it in errors. Throws InputError.
[[nodiscard]] Catalog load_catalog(std::string_view text, const std::string& source, const InputLimits& limits = {});

}  // namespace ceplan
