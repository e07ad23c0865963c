#pragma once
// The commented starter deploy file that `ceplan init` writes.

#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "model/deployment.hpp"

namespace ceplan::render {

/// Two regions for a starter file: multi-campus MZRs with published backup endpoints, in
/// different geographies and backing up to different endpoints, first in catalog order.
[[nodiscard]] std::vector<std::string> starter_regions(const Catalog& catalog);

/// A deploy file for `strategy` over `regions` (the first is the primary) that validates
/// without findings when the regions are those of starter_regions(). Unknown regions throw
/// InputError with a suggestion.
[[nodiscard]] std::string starter_deploy_file(const Catalog& catalog, Strategy strategy,
                                              const std::vector<std::string>& regions, const std::string& project);

}  // namespace ceplan::render
