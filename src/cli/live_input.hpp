#pragma once
// Reading IBM's Code Engine export from disk (docs/live-drift.md): one directory per region.

#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "cli/context.hpp"
#include "model/live_export.hpp"

namespace ceplan::cli {

/// Files of one region's export read, at most: the documented export is a dozen files, and a
/// project's objects exported one per file stay below this.
inline constexpr std::size_t max_export_files = 1000;

/// Reads the export directories `paths`. A directory holding `.json` files is one region's export,
/// its region the directory's name (`export/us-south`) or `region` (given with `region_option`,
/// for a single directory); a directory holding none is read as one subdirectory per region
/// (`export/` with `us-south/` and `eu-de/`). Throws InputError for a path that is not a directory,
/// a region the catalog does not know or given twice, or any file's problem.
[[nodiscard]] live::Export read_live_export(const std::vector<std::string>& paths, const std::string& region,
                                            const std::string& region_option, const Context& context,
                                            const Catalog& catalog);

}  // namespace ceplan::cli
