#pragma once
// The region catalog: where Code Engine runs, how each region is built, where it backs up to.

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "support/error.hpp"

namespace ceplan {

/// High-availability class of a region, as IBM's tables give it.
enum class Availability { mzr, szr };
/// Whether an MZR's zones are on separate sites (multi) or share one (single).
enum class Campus { multi, single };

/// One Code Engine region.
struct Region {
  std::string id;                                 ///< e.g. "us-south"
  std::string name;                               ///< IBM's short name, e.g. "Dallas"
  std::string city;                               ///< display city, e.g. "Dallas, USA"
  std::string geography;                          ///< e.g. "North America"
  Availability availability = Availability::mzr;  ///< MZR or SZR
  Campus campus = Campus::multi;                  ///< multi- or single-campus
  std::vector<std::string> zones;                 ///< e.g. us-south-1..3
  std::optional<std::string> backup_endpoint;     ///< cross-regional endpoint; none where IBM publishes none
  std::optional<std::string> registry;            ///< regional Container Registry domain, if any
  Location location;                              ///< where the region is defined in the catalog
};

/// Where a catalog's facts come from and when they were read.
struct Provenance {
  std::string as_of;                 ///< when the sources were read, e.g. "2026-11"; empty if unknown
  std::vector<std::string> sources;  ///< the pages the facts come from
};

/// Which regions a listing shows; an empty field matches every region.
struct RegionFilter {
  std::string geography;  ///< geography name, matched case-insensitively
  std::string endpoint;   ///< cross-regional backup endpoint, e.g. "EU"
};

/// A validated region catalog with its regions in file order.
class Catalog {
public:
  /// A catalog from parts already validated (by load_catalog()); builds the look-up indexes.
  static Catalog from_parts(std::string source, double sla, std::vector<std::string> endpoints,
                            std::vector<Region> regions, Provenance provenance = {});

  /// Every region, in catalog order.
  [[nodiscard]] const std::vector<Region>& regions() const noexcept { return m_regions; }
  /// Declared cross-regional backup endpoints.
  [[nodiscard]] const std::vector<std::string>& backup_endpoints() const noexcept { return m_endpoints; }
  /// Default availability of one region, percent.
  [[nodiscard]] double sla() const noexcept { return m_sla; }
  /// Where the catalog came from, as named to load().
  [[nodiscard]] const std::string& source() const noexcept { return m_source; }
  /// When and from which pages the catalog's facts were read.
  [[nodiscard]] const Provenance& provenance() const noexcept { return m_provenance; }

  /// The region with this id, or nullptr.
  [[nodiscard]] const Region* find(std::string_view id) const;
  /// The region with this id; throws InputError "unknown region 'x'; did you mean 'y'?".
  [[nodiscard]] const Region& at(std::string_view id) const;
  /// The region with this id or IBM's name for it ("frankfurt", "Sao Paulo"), any case, or nullptr.
  [[nodiscard]] const Region* find_named(std::string_view id_or_name) const;
  /// "; did you mean 'eu-de' (Frankfurt)?" for a word naming a region's city ("frankfurt",
  /// "eu-frankfurt") or close to an id; else, with `or_list`, the ids to choose from; else "".
  [[nodiscard]] std::string region_hint(std::string_view word, bool or_list = false) const;
  /// Every region id, in catalog order (for suggestions and completion).
  [[nodiscard]] std::vector<std::string> region_ids() const;
  /// Every geography, in first-seen order.
  [[nodiscard]] std::vector<std::string> geographies() const;
  /// The regions `filter` selects, in catalog order. An unknown geography or endpoint throws
  /// InputError with a suggestion, since a typo there would otherwise read as "no regions".
  [[nodiscard]] std::vector<const Region*> select(const RegionFilter& filter) const;
  /// The region owning this zone, or nullptr.
  [[nodiscard]] const Region* zone_owner(std::string_view zone) const;

private:
  std::string m_source;
  Provenance m_provenance;
  double m_sla = 99.99;
  std::vector<std::string> m_endpoints;
  std::vector<Region> m_regions;
  std::unordered_map<std::string, std::size_t> m_by_id;
  std::unordered_map<std::string, std::size_t> m_by_zone;
};

/// "MZR" or "SZR".
[[nodiscard]] std::string_view to_string(Availability availability);
/// "multi" or "single".
[[nodiscard]] std::string_view to_string(Campus campus);

}  // namespace ceplan
