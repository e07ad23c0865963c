#include "model/registry.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace ceplan {
namespace {

// The global registry is one instance whose active location is us-east (Registry registry_ha);
// legacy domains still resolve to their regional registries, registry.bluemix.net to the global
// one (Registry registry_overview).
constexpr std::array<std::pair<std::string_view, std::string_view>, 6> fixed_domains{{
    {"icr.io", "us-east"},
    {"registry.bluemix.net", "us-east"},
    {"registry.ng.bluemix.net", "us-south"},
    {"registry.eu-de.bluemix.net", "eu-de"},
    {"registry.eu-gb.bluemix.net", "eu-gb"},
    {"registry.au-syd.bluemix.net", "au-syd"},
}};

// Registries in IBM regions where Code Engine does not run (Registry registry_overview): an app
// can pull from them, and they fail with their own region.
constexpr std::array<RegistryOnlyRegion, 2> registry_only{{
    {"ca-mon", "North America", "Montreal, Canada", "ca2.icr.io"},
    {"in-mum", "Asia Pacific", "Mumbai, India", "in2.icr.io"},
}};

constexpr std::string_view private_prefix = "private.";

std::string_view public_form(std::string_view host) {
  return host.starts_with(private_prefix) ? host.substr(private_prefix.size()) : host;
}

}  // namespace

std::string_view registry_host(std::string_view image) {
  const auto slash = image.find('/');
  if (slash == std::string_view::npos) {
    return {};
  }
  const std::string_view host = image.substr(0, slash);
  return host.find('.') == std::string_view::npos && host != "localhost" ? std::string_view() : host;
}

bool in_ibm_registry(std::string_view image) {
  const std::string_view host = public_form(registry_host(image));
  return host == "icr.io" || host.ends_with(".icr.io") || host.ends_with(".bluemix.net");
}

bool public_sample_image(std::string_view image) {
  return image.starts_with("icr.io/codeengine/");
}

std::optional<std::string> registry_region(std::string_view image, const Catalog& catalog) {
  return registry_host_region(registry_host(image), catalog);
}

std::optional<std::string> registry_host_region(std::string_view registry, const Catalog& catalog) {
  const std::string_view host = public_form(registry);
  if (host.empty()) {
    return std::nullopt;
  }
  for (const auto& [domain, region] : fixed_domains) {
    if (host == domain) {
      return std::string(region);
    }
  }
  for (const Region& region : catalog.regions()) {
    if (region.registry && *region.registry == host) {
      return region.id;
    }
  }
  for (const RegistryOnlyRegion& region : registry_only) {
    if (host == region.registry)
      return std::string(region.id);
  }
  return std::nullopt;
}

std::span<const RegistryOnlyRegion> registry_only_regions() {
  return registry_only;
}

const RegistryOnlyRegion* find_registry_only_region(std::string_view id) {
  const auto it = std::find_if(registry_only.begin(), registry_only.end(),
                               [&](const RegistryOnlyRegion& region) { return region.id == id; });
  return it == registry_only.end() ? nullptr : &*it;
}

std::vector<std::string_view> fixed_registry_domains(std::string_view region) {
  std::vector<std::string_view> out;
  for (const auto& [domain, home] : fixed_domains) {
    if (home == region)
      out.push_back(domain);
  }
  return out;
}

}  // namespace ceplan
