#pragma once
// A seeded generator of realistic deploy files for the property test of the planner: every
// strategy, two to four regions across geographies, roles that fit the strategy, per-region
// scale and images (and pilot-light templates), registry secrets, TLS, jobs with and without
// `scheduled_in`, idempotent or not, data stores with replicas, backups and secrets, apps with
// `data:`. Images come from a registry in a geography the project does not use, or from the
// registry of the region that runs them, so that every procedure can pull what it re-creates.
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"

namespace property {

/// One generated deploy file and the regions and geographies its procedures start from.
struct GeneratedFile {
  std::string text;                      ///< the deploy file
  std::vector<std::string> regions;      ///< its project regions
  std::vector<std::string> geographies;  ///< their geographies
};

/// The deploy file of `seed`.
GeneratedFile generate(std::uint32_t seed, const ceplan::Catalog& catalog);

}  // namespace property
