#include <algorithm>

#include <fmt/format.h>

#include "catalog/catalog.hpp"
#include "support/lists.hpp"
#include "support/spellcheck.hpp"

namespace ceplan {

Catalog Catalog::from_parts(std::string source, double sla, std::vector<std::string> endpoints,
                            std::vector<Region> regions, Provenance provenance) {
  Catalog catalog;
  catalog.m_source = std::move(source);
  catalog.m_provenance = std::move(provenance);
  catalog.m_sla = sla;
  catalog.m_endpoints = std::move(endpoints);
  catalog.m_regions = std::move(regions);
  for (std::size_t i = 0; i < catalog.m_regions.size(); ++i) {
    catalog.m_by_id.emplace(catalog.m_regions[i].id, i);
    for (const std::string& zone : catalog.m_regions[i].zones) {
      catalog.m_by_zone.emplace(zone, i);
    }
  }
  return catalog;
}

const Region* Catalog::find(std::string_view id) const {
  auto it = m_by_id.find(std::string(id));
  return it == m_by_id.end() ? nullptr : &m_regions[it->second];
}

const Region& Catalog::at(std::string_view id) const {
  if (const Region* region = find(id)) {
    return *region;
  }
  throw usage_error(fmt::format("unknown region '{}'{}", id, region_hint(id, true)));
}

const Region* Catalog::find_named(std::string_view id_or_name) const {
  if (const Region* region = find(id_or_name))
    return region;
  const std::string word = lower_case(id_or_name);
  const auto it = std::find_if(m_regions.begin(), m_regions.end(), [&](const Region& r) {
    return lower_case(r.id) == word || (!r.name.empty() && lower_case(r.name) == word);
  });
  return it == m_regions.end() ? nullptr : &*it;
}

std::string Catalog::region_hint(std::string_view word, bool or_list) const {
  const std::string lowered = lower_case(word);
  const Region* meant = find_named(word);
  if (meant == nullptr) {
    // "eu-frankfurt", "frankfurt-1": the city inside a made-up id.
    const auto inside = std::find_if(m_regions.begin(), m_regions.end(), [&](const Region& region) {
      return region.name.size() >= 4 && lowered.find(lower_case(region.name)) != std::string::npos;
    });
    meant = inside == m_regions.end() ? nullptr : &*inside;
  }
  if (meant == nullptr) {
    std::vector<std::string> names;
    for (const Region& region : m_regions) names.push_back(region.name);
    if (const auto name = closest_match(word, names)) {
      meant = find_named(*name);
    } else if (const auto id = closest_match(word, region_ids())) {
      meant = find(*id);
    }
  }
  if (meant != nullptr)
    return fmt::format("; did you mean '{}' ({})?", meant->id, meant->name);
  return or_list ? did_you_mean_or_list(word, region_ids()) : std::string();
}

std::vector<std::string> Catalog::region_ids() const {
  std::vector<std::string> ids;
  ids.reserve(m_regions.size());
  for (const Region& region : m_regions) {
    ids.push_back(region.id);
  }
  return ids;
}

std::vector<std::string> Catalog::geographies() const {
  std::vector<std::string> names;
  for (const Region& region : m_regions) {
    if (std::find(names.begin(), names.end(), region.geography) == names.end()) {
      names.push_back(region.geography);
    }
  }
  return names;
}

const Region* Catalog::zone_owner(std::string_view zone) const {
  auto it = m_by_zone.find(std::string(zone));
  return it == m_by_zone.end() ? nullptr : &m_regions[it->second];
}

std::string_view to_string(Availability availability) {
  return availability == Availability::mzr ? "MZR" : "SZR";
}

std::string_view to_string(Campus campus) {
  return campus == Campus::multi ? "multi" : "single";
}

}  // namespace ceplan

namespace ceplan {
namespace {

bool same_text(std::string_view a, std::string_view b) {
  return edit_distance(a, b, 0) == 0;
}

template <typename Range>
std::string canonical(const Range& names, std::string_view wanted, std::string_view what) {
  for (const std::string& name : names) {
    if (same_text(name, wanted)) {
      return name;
    }
  }
  throw usage_error(fmt::format("unknown {} '{}'{}", what, wanted, did_you_mean_or_list(wanted, names)));
}

}  // namespace

std::vector<const Region*> Catalog::select(const RegionFilter& filter) const {
  const std::string geography =
      filter.geography.empty() ? std::string() : canonical(geographies(), filter.geography, "geography");
  const std::string endpoint =
      filter.endpoint.empty() ? std::string() : canonical(m_endpoints, filter.endpoint, "backup endpoint");
  std::vector<const Region*> selected;
  for (const Region& region : m_regions) {
    if ((geography.empty() || region.geography == geography) &&
        (endpoint.empty() || region.backup_endpoint == endpoint)) {
      selected.push_back(&region);
    }
  }
  return selected;
}

}  // namespace ceplan
