#include "model/registry.hpp"

#include <array>
#include <utility>

namespace ceplan {
namespace {

// The global registry is one instance whose active location is us-east (Registry registry_ha);
// legacy domains still resolve to their regional registries (Registry registry_overview).
constexpr std::array<std::pair<std::string_view, std::string_view>, 5> fixed_domains{{
    {"icr.io", "us-east"},
    {"registry.ng.bluemix.net", "us-south"},
    {"registry.eu-de.bluemix.net", "eu-de"},
    {"registry.eu-gb.bluemix.net", "eu-gb"},
    {"registry.au-syd.bluemix.net", "au-syd"},
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
  const std::string_view host = public_form(registry_host(image));
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
  return std::nullopt;
}

}  // namespace ceplan
