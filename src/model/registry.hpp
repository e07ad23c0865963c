#pragma once
// Where a container image lives: IBM Cloud Container Registry domains mapped to the region that
// hosts them (IBM's Registry docs: registry_overview, registry_ha, registry_bc_dr).

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.hpp"

namespace ceplan {

/// An IBM region with a Container Registry but no Code Engine: a failure point, never a placement.
struct RegistryOnlyRegion {
  std::string_view id;         ///< region id, e.g. "ca-mon"
  std::string_view geography;  ///< the catalog's geography name it belongs to
  std::string_view city;       ///< where it is
  std::string_view registry;   ///< its registry domain
};

/// The regions that host only a registry (ca-mon, in-mum), in a fixed order.
[[nodiscard]] std::span<const RegistryOnlyRegion> registry_only_regions();
/// The registry-only region `id`, or nullptr.
[[nodiscard]] const RegistryOnlyRegion* find_registry_only_region(std::string_view id);
/// The registry domains outside the catalog that live in `region`: the global icr.io and
/// registry.bluemix.net for us-east, a legacy alias for some others.
[[nodiscard]] std::vector<std::string_view> fixed_registry_domains(std::string_view region);

/// The registry host of an image reference ("us.icr.io" for "us.icr.io/ns/app:1"), or "" when
/// the reference names no host (Docker Hub's short form).
[[nodiscard]] std::string_view registry_host(std::string_view image);

/// True if the image is in IBM Cloud Container Registry (any domain, private or legacy).
[[nodiscard]] bool in_ibm_registry(std::string_view image);

/// True for IBM's public sample images (icr.io/codeengine/...), which need no registry access.
[[nodiscard]] bool public_sample_image(std::string_view image);

/// The region whose registry holds the image: a regional domain or its `private.` form, a legacy
/// alias, the global icr.io (whose one active location is us-east), or a registry-only region's
/// domain. Unknown (nullopt) for
/// images outside IBM's registry.
[[nodiscard]] std::optional<std::string> registry_region(std::string_view image, const Catalog& catalog);
/// The region whose registry `host` ("icr.io", "private.de.icr.io") is, as registry_region() finds it.
[[nodiscard]] std::optional<std::string> registry_host_region(std::string_view host, const Catalog& catalog);

}  // namespace ceplan
