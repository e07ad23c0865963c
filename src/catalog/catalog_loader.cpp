// Reads and validates the region catalog (docs/catalog.md).
#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "catalog/catalog_loader.hpp"

#include "loader/yaml_read.hpp"
#include "support/spellcheck.hpp"

namespace ceplan {
namespace {

const std::vector<std::string> top_keys{"schema",  "provider", "service",          "as_of",
                                        "sources", "sla",      "backup_endpoints", "regions"};
const std::vector<std::string> region_keys{
    "id", "name", "city", "geography", "availability", "campus", "zones", "backup_endpoint", "registry"};
const std::vector<std::string> availabilities{"MZR", "SZR"};
const std::vector<std::string> campuses{"multi", "single"};
constexpr std::string_view schema_id = "ceplan.catalog/v1";

struct Loaded {
  Region region;
  Location id_mark;
  Location zones_mark;
  std::vector<Location> zone_marks;
  Location endpoint_mark;
};

std::optional<Loaded> read_region(yaml::Reader& reader, const yaml::Node& node) {
  if (!reader.map(node, "a catalog region", region_keys)) {
    return std::nullopt;
  }
  Loaded loaded;
  Region& region = loaded.region;
  region.location = node.mark;
  bool complete = true;
  auto text = [&](std::string_view key, std::string& out) {
    const yaml::Node* value = reader.required(node, key, "a catalog region");
    auto read = value ? reader.string(*value, fmt::format("'{}'", key)) : std::nullopt;
    complete = complete && read.has_value();
    if (read) {
      out = std::move(*read);
    }
    return value;
  };
  if (const yaml::Node* id = text("id", region.id)) {
    loaded.id_mark = id->mark;
  }
  text("name", region.name);
  text("geography", region.geography);
  if (const yaml::Node* city = node.find("city")) {
    region.city = reader.string(*city, "'city'").value_or("");
  }
  if (const yaml::Node* value = reader.required(node, "availability", "a catalog region")) {
    auto read = reader.choice(*value, "'availability'", availabilities);
    region.availability = read == "SZR" ? Availability::szr : Availability::mzr;
    complete = complete && read.has_value();
  }
  if (const yaml::Node* value = node.find("campus")) {
    auto read = reader.choice(*value, "'campus'", campuses);
    region.campus = read == "single" ? Campus::single : Campus::multi;
  }
  if (const yaml::Node* value = reader.required(node, "zones", "a catalog region")) {
    loaded.zones_mark = value->mark;
    if (auto zones = reader.string_list(*value, "'zones'")) {
      region.zones = std::move(*zones);
      for (const yaml::Node& item : value->items) {
        loaded.zone_marks.push_back(item.mark);
      }
    }
  }
  if (const yaml::Node* value = reader.required(node, "backup_endpoint", "a catalog region")) {
    region.backup_endpoint = reader.nullable_string(*value, "'backup_endpoint'");
    loaded.endpoint_mark = value->mark;
  }
  if (const yaml::Node* value = node.find("registry")) {
    region.registry = reader.nullable_string(*value, "'registry'");
  }
  if (!complete) {
    return std::nullopt;
  }
  return loaded;
}

// What the loader builds before handing it to Catalog::from_parts, with the indexes that find
// duplicate ids while reading.
struct Parts {
  Provenance provenance;
  double sla = 99.99;
  std::vector<std::string> endpoints;
  std::vector<Region> regions;
  std::unordered_map<std::string, std::size_t> by_id;
  std::unordered_map<std::string, std::size_t> by_zone;
};

void read_header(yaml::Reader& reader, const yaml::Node& root, Parts& parts) {
  if (const yaml::Node* schema = reader.required(root, "schema", "the catalog")) {
    auto value = reader.string(*schema, "'schema'");
    if (value && *value != schema_id) {
      reader.error(schema->mark,
                   fmt::format("unsupported catalog schema '{}'; expected '{}'", excerpt(*value), schema_id));
    }
  }
  for (const char* key : {"provider", "service"}) {
    if (const yaml::Node* value = root.find(key)) {
      (void)reader.string(*value, fmt::format("'{}'", key));
    }
  }
  if (const yaml::Node* as_of = root.find("as_of")) {
    parts.provenance.as_of = reader.string(*as_of, "'as_of'").value_or("");
  }
  if (const yaml::Node* sources = root.find("sources")) {
    parts.provenance.sources = reader.string_list(*sources, "'sources'").value_or(std::vector<std::string>{});
  }
  if (const yaml::Node* sla = reader.required(root, "sla", "the catalog")) {
    parts.sla = reader.percent(*sla, "'sla'").value_or(parts.sla);
  }
  if (const yaml::Node* endpoints = reader.required(root, "backup_endpoints", "the catalog")) {
    parts.endpoints = reader.string_list(*endpoints, "'backup_endpoints'").value_or(std::vector<std::string>{});
  }
}

// Region and zone ids as IBM spells them (us-south, eu-de-1; IBM: overview-locations): lower-case
// letters and digits in groups joined by single '-', from a letter, at most 32 characters. They are
// printed unquoted into commands and into shell completion scripts, so nothing else is accepted.
bool is_catalog_id(std::string_view id) {
  if (id.empty() || id.size() > 32 || id.front() < 'a' || id.front() > 'z' || id.back() == '-' ||
      id.find("--") != std::string_view::npos)
    return false;
  return std::all_of(id.begin(), id.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

constexpr std::string_view id_rule =
    "lower-case letters and digits joined by single '-', starting with a letter, at most 32 characters";

// Ids, names and geographies are printed on terminals and into scripts: no control or invisible
// character, and ids of the shape IBM gives them.
void check_text(yaml::Reader& reader, const Loaded& loaded) {
  const Region& region = loaded.region;
  if (!is_catalog_id(region.id))
    reader.error(loaded.id_mark, fmt::format("region id '{}' must be {}", excerpt(region.id), id_rule));
  for (std::size_t z = 0; z < region.zones.size(); ++z) {
    if (!is_catalog_id(region.zones[z]))
      reader.error(loaded.zone_marks[z], fmt::format("zone id '{}' must be {}", excerpt(region.zones[z]), id_rule));
  }
  for (const std::string* text : {&region.name, &region.geography, &region.city}) {
    if (has_hidden_characters(*text))
      reader.error(region.location,
                   fmt::format("region '{}' has a name, city or geography with control or invisible characters",
                               printable(excerpt(region.id))));
  }
}

// Checks one region against those read before it and the catalog's rules, then keeps it.
void add_region(yaml::Reader& reader, Loaded loaded, Parts& parts) {
  check_text(reader, loaded);
  Region& region = loaded.region;
  if (auto [it, inserted] = parts.by_id.emplace(region.id, parts.regions.size()); !inserted) {
    reader.error(loaded.id_mark, fmt::format("duplicate region id '{}' (first at line {})", region.id,
                                             parts.regions[it->second].location.line));
  }
  for (std::size_t z = 0; z < region.zones.size(); ++z) {
    const std::string& zone = region.zones[z];
    if (auto [it, inserted] = parts.by_zone.emplace(zone, parts.regions.size()); !inserted) {
      reader.error(loaded.zone_marks[z],
                   fmt::format("duplicate zone id '{}' (first listed by region '{}')", zone,
                               it->second < parts.regions.size() ? parts.regions[it->second].id : region.id));
    }
  }
  if (region.availability == Availability::mzr && region.zones.size() < 3) {
    reader.error(loaded.zones_mark,
                 fmt::format("region '{}' is an MZR but lists {} zone{}; a multizone region has at least 3", region.id,
                             region.zones.size(), region.zones.size() == 1 ? "" : "s"));
  }
  if (region.availability == Availability::szr && region.zones.empty()) {
    reader.error(loaded.zones_mark, fmt::format("region '{}' lists no zones", region.id));
  }
  const auto& endpoints = parts.endpoints;
  if (region.backup_endpoint &&
      std::find(endpoints.begin(), endpoints.end(), *region.backup_endpoint) == endpoints.end()) {
    reader.error(loaded.endpoint_mark,
                 fmt::format("backup endpoint '{}' of region '{}' is not listed in 'backup_endpoints'{}",
                             *region.backup_endpoint, region.id, did_you_mean(*region.backup_endpoint, endpoints)));
  }
  parts.regions.push_back(std::move(region));
}

}  // namespace

Catalog load_catalog(std::string_view text, const std::string& source, const InputLimits& limits) {
  DiagnosticSink sink(source);
  yaml::Reader reader(sink);
  const yaml::Node root = yaml::parse(text, source, limits);
  if (!reader.map(root, "the catalog", top_keys)) {
    sink.throw_if_failed();
  }
  Parts parts;
  read_header(reader, root, parts);
  const yaml::Node* regions = reader.required(root, "regions", "the catalog");
  if (regions != nullptr && reader.sequence(*regions, "'regions'")) {
    if (regions->items.empty()) {
      reader.error(regions->mark, "the catalog lists no regions");
    }
    for (const yaml::Node& item : regions->items) {
      if (auto loaded = read_region(reader, item)) {
        add_region(reader, std::move(*loaded), parts);
      }
    }
  }
  sink.throw_if_failed();
  return Catalog::from_parts(source, parts.sla, std::move(parts.endpoints), std::move(parts.regions),
                             std::move(parts.provenance));
}

}  // namespace ceplan
