#pragma once
// Renders catalog answers for people (text) and for programs (JSON, YAML).

#include <span>
#include <string>
#include <string_view>

#include "catalog/catalog.hpp"

namespace ceplan::render {

/// Output formats of the catalog queries.
enum class CatalogFormat { text, json, yaml };

/// Parses "text", "json" or "yaml"; throws InputError otherwise.
[[nodiscard]] CatalogFormat parse_catalog_format(std::string_view name);

/// The region table (`ceplan regions`).
[[nodiscard]] std::string regions(std::span<const Region* const> regions, CatalogFormat format);
/// One region in detail (`ceplan region ID`).
[[nodiscard]] std::string region(const Region& region, CatalogFormat format);
/// "REGION → ENDPOINT" answers (`ceplan backup-endpoint`).
[[nodiscard]] std::string backup_endpoints(std::span<const Region* const> regions, CatalogFormat format);

/// `ceplan version`: the program's version, then the catalog's name, size, date and sources.
[[nodiscard]] std::string version_text(const Catalog& catalog);

/// What a user reads where IBM publishes no backup endpoint for a region.
inline constexpr std::string_view endpoint_not_published = "not published";

}  // namespace ceplan::render
