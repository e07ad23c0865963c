#pragma once
// The catalog compiled into the binary: data/regions.yaml, validated and turned into C++ at
// build time by tools/embed_catalog (cmake/EmbedCatalog.cmake writes embedded_catalog.cpp).

#include "catalog/catalog.hpp"

namespace ceplan {

/// The catalog compiled from data/regions.yaml; never parses YAML at run time.
[[nodiscard]] Catalog embedded_catalog();

}  // namespace ceplan
