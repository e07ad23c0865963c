#include "generator.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "model/registry.hpp"

namespace property {
namespace {

struct Rng {
  std::mt19937 engine;
  int below(int n) { return std::uniform_int_distribution<int>(0, n - 1)(engine); }
  bool chance(int percent) { return below(100) < percent; }
};

std::string host_of(const ceplan::Region& region) {
  // us-east has no regional registry; the global icr.io is active there (FACTS §1).
  return region.registry ? *region.registry : std::string("icr.io");
}

struct Plan {
  std::string strategy;
  std::vector<const ceplan::Region*> regions;
  std::vector<std::string> roles;
  std::string safe_host;  // a registry in a geography the project does not use
};

Plan pick_regions(Rng& rng, const ceplan::Catalog& catalog) {
  static const char* strategies[] = {"active-active", "warm-standby", "pilot-light", "backup-restore"};
  Plan plan;
  plan.strategy = strategies[rng.below(4)];
  std::vector<const ceplan::Region*> all;
  for (const ceplan::Region& region : catalog.regions()) all.push_back(&region);
  const ceplan::Region* safe = all[static_cast<std::size_t>(rng.below(static_cast<int>(all.size())))];
  plan.safe_host = host_of(*safe);
  std::string safe_geography = safe->geography;
  // Sometimes a registry in a region without Code Engine (ca2.icr.io, in2.icr.io).
  if (rng.chance(15)) {
    const auto others = ceplan::registry_only_regions();
    const ceplan::RegistryOnlyRegion& other =
        others[static_cast<std::size_t>(rng.below(static_cast<int>(others.size())))];
    plan.safe_host = std::string(other.registry);
    safe_geography = std::string(other.geography);
  }
  std::vector<const ceplan::Region*> pool;
  for (const ceplan::Region* region : all) {
    if (region->geography != safe_geography)
      pool.push_back(region);
  }
  std::shuffle(pool.begin(), pool.end(), rng.engine);
  const std::size_t count = std::min<std::size_t>(pool.size(), static_cast<std::size_t>(2 + rng.below(3)));
  plan.regions.assign(pool.begin(), pool.begin() + static_cast<std::ptrdiff_t>(count));
  for (std::size_t i = 0; i < count; ++i) {
    if (plan.strategy == "active-active")
      plan.roles.emplace_back(rng.chance(50) ? "active" : "");
    else if (i == 0)
      plan.roles.emplace_back("primary");
    else
      plan.roles.emplace_back(plan.strategy == "backup-restore" ? "recovery" : "standby");
  }
  return plan;
}

// The regions a workload is written for: none (the strategy's default), or an explicit mapping
// with per-region scale and image, and under pilot-light a template entry for a standby.
std::string placement(Rng& rng, const Plan& plan, const std::string& name, bool app, bool& overrides) {
  if (rng.chance(40))
    return {};
  std::vector<std::string> entries;
  const bool hot = plan.strategy == "active-active" || plan.strategy == "warm-standby";
  for (std::size_t i = 0; i < plan.regions.size(); ++i) {
    const bool placed = i == 0 || hot;
    if (!placed && !(plan.strategy == "pilot-light" && rng.chance(50)))
      continue;
    if (i > 0 && placed && rng.chance(30))
      continue;
    std::vector<std::string> fields;
    if (app && rng.chance(50)) {
      fields.push_back(fmt::format("min_scale: {}", rng.below(5)));
      if (rng.chance(50))
        fields.push_back(fmt::format("max_scale: {}", 5 + rng.below(40)));
    }
    if (rng.chance(40)) {
      fields.push_back(fmt::format("image: {}/ns/{}:1", host_of(*plan.regions[i]), name));
      overrides = true;
    }
    entries.push_back(fmt::format("{}: {{ {} }}", plan.regions[i]->id, fmt::join(fields, ", ")));
  }
  return fmt::format(", regions: {{ {} }}", fmt::join(entries, ", "));
}

std::string apps(Rng& rng, const Plan& plan, int stores, bool proxy, std::set<std::string>& secrets) {
  std::string out = "apps:\n";
  const int count = 1 + rng.below(3);
  for (int i = 0; i < count; ++i) {
    const std::string name = fmt::format("app{}", i + 1);
    bool overrides = false;
    const std::string regions = placement(rng, plan, name, true, overrides);
    std::string extra;
    if (!overrides && rng.chance(40)) {
      extra += ", registry_secret: pull";
      secrets.insert("pull");
    }
    // An app reads a store through the store's secret (db1 is store1's when it has one).
    const bool env = rng.chance(60);
    const bool db = stores > 0 && rng.chance(70);
    if (env || db) {
      extra += fmt::format(", secrets: [{}]", env && db ? "env, db1" : env ? "env" : "db1");
      secrets.insert(env ? "env" : "db1");
      if (db)
        secrets.insert("db1");
    }
    if (stores > 0 && rng.chance(50))
      extra += rng.chance(50) ? ", data: [store1]" : ", data: []";
    if (rng.chance(30))
      extra += ", visibility: project";
    out +=
        fmt::format("  - {{ name: {}, image: {}/ns/{}:1, min_scale: {}{}{}{} }}\n", name, plan.safe_host, name,
                    proxy && i == 0 ? 1 + rng.below(3) : rng.below(3),
                    rng.chance(40) ? fmt::format(", max_scale: {}", 5 + rng.below(20)) : std::string(), regions, extra);
  }
  return out;
}

std::string jobs(Rng& rng, const Plan& plan, int stores, std::set<std::string>& secrets) {
  const int count = rng.below(3);
  if (count == 0)
    return {};
  std::string out = "jobs:\n";
  for (int i = 0; i < count; ++i) {
    const std::string name = fmt::format("job{}", i + 1);
    bool overrides = false;
    const std::string regions = placement(rng, plan, name, false, overrides);
    const bool idempotent = rng.chance(50);
    std::string extra = fmt::format(", idempotent: {}", idempotent ? "true" : "false");
    if (rng.chance(70)) {
      extra += ", schedule: \"0 2 * * *\"";
      // A job that is not idempotent runs in one region; scheduled_in names a region it is in.
      if (!idempotent || rng.chance(50))
        extra += fmt::format(", scheduled_in: [{}]", plan.regions.front()->id);
    }
    if (stores > 0 && rng.chance(50))
      extra += ", data: [store1]";
    if (rng.chance(40)) {
      extra += ", secrets: [env]";
      secrets.insert("env");
    }
    out += fmt::format("  - {{ name: {}, image: {}/ns/{}:1{}{} }}\n", name, plan.safe_host, name, regions, extra);
  }
  return out;
}

std::string data(Rng& rng, const Plan& plan, int count, std::set<std::string>& secrets) {
  if (count == 0)
    return {};
  std::string out = "data:\n";
  for (int i = 0; i < count; ++i) {
    std::string extra;
    const std::string other =
        plan.regions[1 + static_cast<std::size_t>(rng.below(static_cast<int>(plan.regions.size()) - 1))]->id;
    switch (rng.below(4)) {
      case 0: extra += fmt::format(", replica_in: {}", other); break;
      case 1: extra += fmt::format(", backup_in: {}", other); break;
      case 2: extra += ", cross_region_copy: true"; break;
      default: extra += fmt::format(", replica_in: {}, backup_in: {}", other, plan.regions.front()->id); break;
    }
    if (rng.chance(80)) {
      extra += fmt::format(", secret: db{}", i + 1);
      secrets.insert(fmt::format("db{}", i + 1));
    }
    out += fmt::format("  - {{ name: store{}, region: {}{} }}\n", i + 1, plan.regions.front()->id, extra);
  }
  return out;
}

}  // namespace

GeneratedFile generate(std::uint32_t seed, const ceplan::Catalog& catalog) {
  Rng rng{std::mt19937(seed)};
  const Plan plan = pick_regions(rng, catalog);
  GeneratedFile out;
  std::string regions;
  for (std::size_t i = 0; i < plan.regions.size(); ++i) {
    out.regions.push_back(plan.regions[i]->id);
    if (std::find(out.geographies.begin(), out.geographies.end(), plan.regions[i]->geography) == out.geographies.end())
      out.geographies.push_back(plan.regions[i]->geography);
    regions += plan.roles[i].empty() ? fmt::format("  - {{ id: {} }}\n", plan.regions[i]->id)
                                     : fmt::format("  - {{ id: {}, role: {} }}\n", plan.regions[i]->id, plan.roles[i]);
  }
  const bool proxy = rng.chance(80);
  std::set<std::string> secrets;
  const int stores = rng.below(3);
  std::string body =
      apps(rng, plan, stores, proxy, secrets) + jobs(rng, plan, stores, secrets) + data(rng, plan, stores, secrets);
  std::string declared = "secrets:\n";
  if (proxy)
    declared += "  - { name: tls, format: tls }\n";
  for (const std::string& name : secrets)
    declared += name == "pull" ? "  - { name: pull, format: registry }\n" : fmt::format("  - {{ name: {} }}\n", name);
  out.text =
      fmt::format("version: 1\nproject: p{}\nregions:\n{}failover:\n  strategy: {}\n{}{}{}", seed, regions,
                  plan.strategy, proxy ? std::string("  edge_proxy: { domain: p.example.com, tls_secret: tls }\n") : "",
                  body, declared == "secrets:\n" ? std::string() : declared);
  return out;
}

}  // namespace property
