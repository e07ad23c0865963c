#include "planner/world.hpp"

#include <algorithm>

#include "model/registry.hpp"

namespace ceplan {
namespace {

void place_app(const App& app, const std::string& region, RegionState& out) {
  AppState state;
  state.image = app.image_in(region).name;
  state.min_scale = app.min_scale_in(region).value;
  if (const std::optional<Setting>& max = app.max_scale_in(region))
    state.max_scale = max->value;
  out.apps[app.name.name] = std::move(state);
}

void fill_region(const Deployment& d, const std::string& id, RegionState& out) {
  out.project = true;
  for (const Artifact& secret : d.secrets) out.secrets.insert(secret.name.name);
  for (const Artifact& configmap : d.configmaps) out.configmaps.insert(configmap.name.name);
  for (const DataStore& store : d.data) {
    if (store.secret)
      out.store_settings[store.name.name] = 0;
  }
  auto note_server = [&](const Workload& workload) {
    if (workload.registry_secret)
      out.servers.emplace(workload.registry_secret->name, std::string(registry_host(workload.image_in(id).name)));
  };
  for (const App& app : d.apps) {
    note_server(app);
    if (d.places(app, id))
      place_app(app, id, out);
  }
  for (const Job& job : d.jobs) {
    note_server(job);
    if (d.places(job, id))
      out.jobs.insert(job.name.name);
  }
  const App* target = d.proxy_target();
  if (target != nullptr && out.apps.contains(target->name.name)) {
    out.domain_mapping = !d.failover.edge_proxy->domain.empty();
    out.pool = true;
  }
}

}  // namespace

RegionState& WorldState::at(const std::string& region) {
  auto [it, inserted] = regions.try_emplace(region);
  if (inserted)
    it->second.reachable = reachable(region);
  return it->second;
}

const RegionState* WorldState::find(const std::string& region) const {
  const auto it = regions.find(region);
  return it == regions.end() ? nullptr : &it->second;
}

WorldState initial_state(const Deployment& d) {
  WorldState state;
  for (const ProjectRegion& region : d.regions) {
    RegionState& out = state.at(region.id.name);
    if (!out.project && d.holds_project(region.id.name))
      fill_region(d, region.id.name, out);
  }
  for (const Job& job : d.jobs) {
    if (!job.schedule)
      continue;
    for (const Ref& region : job.scheduled_in) {
      RegionState& out = state.at(region.name);
      if (out.jobs.contains(job.name.name))
        out.crons.insert(job.name.name);
    }
  }
  for (const DataStore& store : d.data) {
    StoreState& out = state.stores[store.name.name];
    out.writable_in = store.region.name;
    if (store.replica_in)
      out.replica_in = store.replica_in->name;
    if (store.backup_in)
      out.backups.push_back(store.backup_in->name);
    else if (store.cross_region_copy)
      out.backups.emplace_back("*");
  }
  return state;
}

void lose(WorldState& state, const std::vector<std::string>& lost) {
  for (const std::string& region : lost) {
    state.lost.insert(region);
    state.at(region).reachable = false;
  }
}

bool references_secret(const Workload& workload, std::string_view name) {
  return std::any_of(workload.secrets.begin(), workload.secrets.end(),
                     [&](const Ref& ref) { return ref.name == name; }) ||
         (workload.registry_secret && workload.registry_secret->name == name);
}

bool reads_current(const WorldState& state, const RegionState& region, const AppState& app, const App& declared,
                   const DataStore& store) {
  if (!store.secret || !references_secret(declared, store.secret->name))
    return true;
  const auto settings = region.store_settings.find(store.name.name);
  const auto now = state.stores.find(store.name.name);
  return settings != region.store_settings.end() && now != state.stores.end() &&
         settings->second >= now->second.moved_at && app.revision >= settings->second;
}

std::vector<const DataStore*> stores_without_writable_copy(const Deployment& d, const WorldState& state) {
  std::vector<const DataStore*> out;
  for (const DataStore& store : d.data) {
    const StoreState& now = state.stores.at(store.name.name);
    if (now.writable_in.empty() || !state.reachable(now.writable_in))
      out.push_back(&store);
  }
  return out;
}

std::vector<const DataStore*> used_by(const Deployment& d, const Workload& workload,
                                      const std::vector<const DataStore*>& stores) {
  if (!workload.data_given || stores.empty())
    return workload.data_given ? std::vector<const DataStore*>{} : stores;
  std::vector<const DataStore*> out;
  for (const DataStore* store : d.listed_stores(workload)) {
    if (std::binary_search(stores.begin(), stores.end(), store))
      out.push_back(store);
  }
  return out;
}

const DataStore* stale_store(const Deployment& d, const WorldState& state, const RegionState& region,
                             const std::string& app) {
  const App* declared = d.app(app);
  const auto running = region.apps.find(app);
  if (declared == nullptr || running == region.apps.end())
    return nullptr;
  for (const DataStore& store : d.data) {
    if (!declared->uses_data(store.name.name))
      continue;
    const StoreState& now = state.stores.at(store.name.name);
    if (now.writable_in.empty() || !state.reachable(now.writable_in) ||
        !reads_current(state, region, running->second, *declared, store))
      return &store;
  }
  return nullptr;
}

const Artifact* store_secret(const Deployment& d, const DataStore& store) {
  return store.secret ? d.secret(store.secret->name) : nullptr;
}

std::optional<std::string> image_lost_in(const WorldState& state, const Catalog& catalog, std::string_view image) {
  auto home = registry_region(image, catalog);
  return home && !state.reachable(*home) ? home : std::nullopt;
}

std::optional<std::string> secret_source_lost(const WorldState& state, const Deployment& d, std::string_view name) {
  const Artifact* secret = d.secret(name);
  if (secret == nullptr || secret->source != Source::secrets_manager || !secret->source_region ||
      state.reachable(secret->source_region->name))
    return std::nullopt;
  return secret->source_region->name;
}

}  // namespace ceplan
