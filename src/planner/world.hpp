#pragma once
// The world state every procedure is a path through (SPEC §8): what exists where, what is live,
// what is reachable. Plan, runbook and fail-back steps change it; the simulator replays them on
// it and checks the invariants (planner/simulator.hpp).

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "model/deployment.hpp"

namespace ceplan {

/// An app as it exists in one region.
struct AppState {
  std::string image;                      ///< the image its latest revision pulled
  std::int64_t min_scale = 0;             ///< instances kept running
  std::optional<std::int64_t> max_scale;  ///< most instances; nullopt: Code Engine's default
  std::int64_t revision = 0;              ///< the tick of its latest revision, which read its secrets then
};

/// One region: reachable or not, and what the project holds there.
struct RegionState {
  bool reachable = true;                               ///< not lost in the scenario
  bool project = false;                                ///< the project exists there
  std::set<std::string> secrets;                       ///< secret names
  std::set<std::string> configmaps;                    ///< config map names
  std::map<std::string, std::string> servers;          ///< registry secret -> the server it logs in to
  std::map<std::string, std::int64_t> store_settings;  ///< data store -> the tick its secret took settings
  std::map<std::string, AppState> apps;                ///< apps that exist there
  std::set<std::string> jobs;                          ///< job definitions
  std::set<std::string> crons;                         ///< jobs whose cron subscription is live there
  bool domain_mapping = false;                         ///< the custom domain is mapped to the proxy target
  std::optional<bool> pool;                            ///< CIS origin pool: nullopt none, else enabled
};

/// A data store: where it is writable and which copies it has.
struct StoreState {
  std::string writable_in;                ///< the region of the one writable copy; "" when none
  std::optional<std::string> replica_in;  ///< a live read replica, in sync
  std::vector<std::string> backups;       ///< regions holding a backup copy ("*" for an unnamed one)
  std::int64_t moved_at = 0;              ///< the tick the writable copy last moved
};

/// Everything a procedure can change or depend on.
struct WorldState {
  std::map<std::string, RegionState> regions;  ///< every region a step may touch, by id
  std::map<std::string, StoreState> stores;    ///< by store name
  std::set<std::string> lost;                  ///< regions lost in the scenario (registries included)
  std::int64_t tick = 0;                       ///< advances with every change that orders reads and moves

  /// The region's state, created (empty, reachable unless lost) on first use.
  RegionState& at(const std::string& region);
  /// The region's state, or nullptr when nothing was ever there.
  [[nodiscard]] const RegionState* find(const std::string& region) const;
  /// True unless the scenario lost `region`.
  [[nodiscard]] bool reachable(const std::string& region) const { return !lost.contains(region); }
};

/// The normal placement the deploy file describes: projects, secrets and config maps, apps at
/// their per-region scale, jobs, live schedules, domain mappings, origin pools and data stores.
[[nodiscard]] WorldState initial_state(const Deployment& deployment);

/// `state` with `lost` regions unreachable.
void lose(WorldState& state, const std::vector<std::string>& lost);

/// True when `app` (declared as `declared`) in `region` reads the current settings of `store`: its
/// secret there took them after the writable copy last moved, and the app's latest revision came
/// after that. A store without a secret, or one whose secret the app does not reference, cannot be
/// repointed by a step, so it counts as read.
[[nodiscard]] bool reads_current(const WorldState& state, const RegionState& region, const AppState& app,
                                 const App& declared, const DataStore& store);
/// True when `workload` references the secret `name` (as a secret or its registry secret).
[[nodiscard]] bool references_secret(const Workload& workload, std::string_view name);

/// The data stores, in file order, with no writable copy in a reachable region.
[[nodiscard]] std::vector<const DataStore*> stores_without_writable_copy(const Deployment& deployment,
                                                                         const WorldState& state);
/// Those of `stores` (in file order) that `workload` uses: all of them when it lists no `data`,
/// else its list looked up by name, so that many workloads and stores cost their sum.
[[nodiscard]] std::vector<const DataStore*> used_by(const Deployment& deployment, const Workload& workload,
                                                    const std::vector<const DataStore*>& stores);

/// The first data store app `app` in `region` uses that has no reachable writable copy, or whose
/// current settings it does not read; nullptr when it reads them all.
[[nodiscard]] const DataStore* stale_store(const Deployment& deployment, const WorldState& state,
                                           const RegionState& region, const std::string& app);

/// The region of the registry `image` is pulled from, when the state has lost it; nullopt when it
/// can be pulled, or is not in IBM's registry.
[[nodiscard]] std::optional<std::string> image_lost_in(const WorldState& state, const Catalog& catalog,
                                                       std::string_view image);

/// The region of the Secrets Manager instance secret `name` is re-created from, when the state has
/// lost it; nullopt when it can be re-created.
[[nodiscard]] std::optional<std::string> secret_source_lost(const WorldState& state, const Deployment& deployment,
                                                            std::string_view name);

/// The secret that holds a store's connection settings, when it names a declared one.
[[nodiscard]] const Artifact* store_secret(const Deployment& deployment, const DataStore& store);

}  // namespace ceplan
