#include "render/catalog.hpp"

#include <fmt/format.h>

#include "model/registry.hpp"
#include "render/structured.hpp"
#include "render/table.hpp"
#include "support/version.hpp"

namespace ceplan::render {
namespace {

using Json = nlohmann::ordered_json;

Json optional_text(const std::optional<std::string>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json region_json(const Region& region) {
  return Json{{"id", region.id},
              {"name", region.name},
              {"city", region.city},
              {"geography", region.geography},
              {"availability", to_string(region.availability)},
              {"campus", to_string(region.campus)},
              {"zones", region.zones},
              {"backup_endpoint", optional_text(region.backup_endpoint)},
              {"registry", optional_text(region.registry)},
              {"other_registries", fixed_registry_domains(region.id)}};
}

// The regional domain, then the global or legacy domains whose registry is active in the region.
std::string registry_text(const Region& region) {
  std::string out = region.registry.value_or("none listed");
  for (const std::string_view domain : fixed_registry_domains(region.id)) {
    if (domain == "icr.io")
      out += "; the global icr.io (and private.icr.io) is active here: images on it are lost with this region";
    else if (domain == "registry.bluemix.net")
      out += "; so is registry.bluemix.net, its legacy name";
    else
      out += fmt::format("; {} (legacy) resolves here", domain);
  }
  return out;
}

std::string structured(const Json& value, CatalogFormat format) {
  return format == CatalogFormat::yaml ? to_yaml(value) : to_json(value);
}

std::string endpoint_text(const Region& region) {
  return region.backup_endpoint.value_or(std::string(endpoint_not_published));
}

std::string region_label(const Region& region) {
  return fmt::format("{} ({})", region.name, region.id);
}

std::string ha_text(const Region& region) {
  return region.availability == Availability::mzr && region.campus == Campus::single
             ? "MZR (single campus)"
             : std::string(to_string(region.availability));
}

}  // namespace

CatalogFormat parse_catalog_format(std::string_view name) {
  if (name == "text")
    return CatalogFormat::text;
  if (name == "json")
    return CatalogFormat::json;
  if (name == "yaml")
    return CatalogFormat::yaml;
  throw usage_error(fmt::format("unknown format '{}'; expected text, json or yaml", name));
}

std::string regions(std::span<const Region* const> regions, CatalogFormat format) {
  if (format != CatalogFormat::text) {
    Json list = Json::array();
    for (const Region* region : regions) {
      list.push_back(region_json(*region));
    }
    return structured(Json{{"regions", std::move(list)}}, format);
  }
  Table table({"Geography", "Region", "High availability", "Zones", "Backup endpoint", "Registry"});
  for (const Region* region : regions) {
    table.add({region->geography, region_label(*region), ha_text(*region), fmt::format("{}", region->zones.size()),
               endpoint_text(*region), region->registry.value_or("-")});
  }
  return table.str();
}

std::string region(const Region& region, CatalogFormat format) {
  if (format != CatalogFormat::text) {
    return structured(region_json(region), format);
  }
  std::string out = fmt::format("{}\n", region_label(region));
  auto line = [&out](std::string_view label, std::string_view value) {
    out += fmt::format("  {:<17}{}\n", label, value);
  };
  line("city:", region.city.empty() ? "-" : region.city);
  line("geography:", region.geography);
  line("availability:", region.campus == Campus::single
                            ? fmt::format("{}, single campus (zones may share power, cooling and network)",
                                          to_string(region.availability))
                            : std::string(to_string(region.availability)));
  line("zones:", fmt::format("{}", fmt::join(region.zones, ", ")));
  line("backup endpoint:", region.backup_endpoint
                               ? *region.backup_endpoint
                               : std::string("not published (IBM publishes no cross-regional endpoint)"));
  line("registry:", registry_text(region));
  return out;
}

std::string backup_endpoints(std::span<const Region* const> regions, CatalogFormat format) {
  if (format != CatalogFormat::text) {
    Json list = Json::array();
    for (const Region* region : regions) {
      list.push_back(Json{{"region", region->id}, {"backup_endpoint", optional_text(region->backup_endpoint)}});
    }
    return structured(Json{{"backup_endpoints", std::move(list)}}, format);
  }
  std::string out;
  for (const Region* region : regions) {
    out += fmt::format("{} → {}\n", region->id, endpoint_text(*region));
  }
  return out;
}

std::string version_text(const Catalog& catalog) {
  const Provenance& provenance = catalog.provenance();
  std::string out =
      fmt::format("ceplan {}\ncatalog: {}, {} regions, as of {}\n", version(), catalog.source(),
                  catalog.regions().size(), provenance.as_of.empty() ? "an unknown date" : provenance.as_of);
  if (!provenance.sources.empty()) {
    out += "sources:\n";
    for (const std::string& source : provenance.sources) out += "  " + source + "\n";
  }
  return out;
}

}  // namespace ceplan::render
