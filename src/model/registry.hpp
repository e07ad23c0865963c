#pragma once
// Where a container image lives: IBM Cloud Container Registry domains mapped to the region that
// hosts them (IBM's Registry docs: registry_overview, registry_ha, registry_bc_dr).

#include <optional>
#include <string>
#include <string_view>

#include "catalog/catalog.hpp"

namespace ceplan {

/// The registry host of an image reference ("us.icr.io" for "us.icr.io/ns/app:1"), or "" when
/// the reference names no host (Docker Hub's short form).
[[nodiscard]] std::string_view registry_host(std::string_view image);

/// True if the image is in IBM Cloud Container Registry (any domain, private or legacy).
[[nodiscard]] bool in_ibm_registry(std::string_view image);

/// True for IBM's public sample images (icr.io/codeengine/...), which need no registry access.
[[nodiscard]] bool public_sample_image(std::string_view image);

/// The region whose registry holds the image: a regional domain or its `private.` form, a legacy
/// alias, or the global icr.io, whose one active location is us-east. Unknown (nullopt) for
/// images outside IBM's registry.
[[nodiscard]] std::optional<std::string> registry_region(std::string_view image, const Catalog& catalog);

}  // namespace ceplan
