#include "model/deployment.hpp"

#include <algorithm>

namespace ceplan {

namespace {

template <typename T, typename NameOf>
std::unordered_map<std::string, std::size_t> index_of(const std::vector<T>& items, NameOf name_of) {
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < items.size(); ++i) {
    index.emplace(name_of(items[i]), i);  // emplace keeps the first of a repeated name
  }
  return index;
}

/// The first item named `name`: through the index when it covers `items`, else by a scan
/// (a deployment built in code, before index_names()).
template <typename T, typename NameOf>
const T* find_named(const std::vector<T>& items, const std::unordered_map<std::string, std::size_t>& index,
                    std::string_view name, NameOf name_of) {
  if (!index.empty() || items.empty()) {
    const auto it = index.find(std::string(name));
    return it == index.end() ? nullptr : &items[it->second];
  }
  for (const T& item : items) {
    if (name_of(item) == name) {
      return &item;
    }
  }
  return nullptr;
}

const std::string& region_id(const ProjectRegion& region) {
  return region.id.name;
}
const std::string& artifact_name(const Artifact& artifact) {
  return artifact.name.name;
}
const std::string& workload_name(const Workload& workload) {
  return workload.name.name;
}

}  // namespace

void Deployment::index_names() {
  region_index = index_of(regions, region_id);
  secret_index = index_of(secrets, artifact_name);
  app_index = index_of(apps, workload_name);
  job_index = index_of(jobs, workload_name);
  store_index = index_of(data, [](const DataStore& store) -> const std::string& { return store.name.name; });
  stores_by_secret.clear();
  for (std::size_t i = 0; i < data.size(); ++i) {
    if (data[i].secret)
      stores_by_secret[data[i].secret->name].push_back(i);
  }
}

const App* Deployment::app(std::string_view name) const {
  return find_named(apps, app_index, name, workload_name);
}

std::vector<const DataStore*> Deployment::listed_stores(const Workload& workload) const {
  std::vector<const DataStore*> out;
  for (const Ref& ref : workload.data) {
    if (const DataStore* store = data_store(ref.name))
      out.push_back(store);
  }
  std::sort(out.begin(), out.end());  // positions in `data`: file order
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::size_t> Deployment::stores_of_secret(std::string_view name) const {
  if (!store_index.empty() || data.empty()) {
    const auto it = stores_by_secret.find(std::string(name));
    return it == stores_by_secret.end() ? std::vector<std::size_t>{} : it->second;
  }
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < data.size(); ++i) {
    if (data[i].secret && data[i].secret->name == name)
      out.push_back(i);
  }
  return out;
}

const Job* Deployment::job(std::string_view name) const {
  return find_named(jobs, job_index, name, workload_name);
}

const ProjectRegion* Deployment::region(std::string_view id) const {
  return find_named(regions, region_index, id, region_id);
}

const ProjectRegion* Deployment::first_with_role(Role role) const {
  for (const ProjectRegion& entry : regions) {
    if (entry.role == role) {
      return &entry;
    }
  }
  return nullptr;
}

std::string Deployment::tls_secret_name() const {
  return failover.edge_proxy && failover.edge_proxy->tls_secret ? failover.edge_proxy->tls_secret->name
                                                                : project + "-tls";
}

const App* Deployment::proxy_target() const {
  if (!failover.edge_proxy || apps.empty()) {
    return nullptr;
  }
  if (const auto& target = failover.edge_proxy->target) {
    for (const App& app : apps) {
      if (app.name.name == target->name) {
        return &app;
      }
    }
    return nullptr;
  }
  return &apps.front();
}

bool Deployment::behind_proxy(const App& app) const {
  return proxy_target() == &app;
}

bool Deployment::serves(std::string_view id) const {
  const ProjectRegion* entry = region(id);
  const bool ordered = !failover.edge_proxy || failover.edge_proxy->steering == Steering::failover;
  return entry == nullptr || !(entry->role == Role::standby && ordered) || failover.strategy == Strategy::active_active;
}

bool Deployment::places(const Workload& workload, std::string_view id) const {
  if (!workload.runs_in(id))
    return false;
  const ProjectRegion* entry = region(id);
  const Role role = entry == nullptr ? Role::none : entry->role;
  const bool templates = failover.strategy == Strategy::pilot_light || failover.strategy == Strategy::backup_restore;
  return !(templates && (role == Role::standby || role == Role::recovery));
}

// A recovery region holds nothing until a runbook runs; under backup-restore neither does a
// standby. A pilot-light standby holds the project, its secrets and config maps (SPEC §8).
bool Deployment::holds_project(std::string_view id) const {
  const ProjectRegion* entry = region(id);
  const Role role = entry == nullptr ? Role::none : entry->role;
  return role != Role::recovery && !(failover.strategy == Strategy::backup_restore && role == Role::standby);
}

const DataStore* Deployment::data_store(std::string_view name) const {
  return find_named(data, store_index, name,
                    [](const DataStore& store) -> const std::string& { return store.name.name; });
}

const Artifact* Deployment::secret(std::string_view name) const {
  return find_named(secrets, secret_index, name, artifact_name);
}

const RegionOverrides* Workload::overrides_in(std::string_view id) const {
  for (std::size_t i = 0; i < regions.size() && i < overrides.size(); ++i) {
    if (regions[i].name == id) {
      return &overrides[i];
    }
  }
  for (std::size_t i = 0; i < restore_regions.size() && i < restore.size(); ++i) {
    if (restore_regions[i].name == id)
      return &restore[i];
  }
  return nullptr;
}

const Ref& Workload::image_in(std::string_view id) const {
  const RegionOverrides* local = overrides_in(id);
  return local != nullptr && local->image ? *local->image : image;
}

const Ref& Workload::image_at(std::size_t position) const {
  const RegionOverrides* local = position < overrides.size() ? &overrides[position] : nullptr;
  return local != nullptr && local->image ? *local->image : image;
}

bool Workload::runs_in(std::string_view id) const {
  return std::any_of(regions.begin(), regions.end(), [&](const Ref& ref) { return ref.name == id; });
}

bool Workload::uses_data(std::string_view store) const {
  return !data_given || std::any_of(data.begin(), data.end(), [&](const Ref& ref) { return ref.name == store; });
}

const Setting& App::min_scale_in(std::string_view id) const {
  const RegionOverrides* local = overrides_in(id);
  return local != nullptr && local->min_scale ? *local->min_scale : min_scale;
}

const std::optional<Setting>& App::max_scale_in(std::string_view id) const {
  const RegionOverrides* local = overrides_in(id);
  return local != nullptr && local->max_scale ? local->max_scale : max_scale;
}

bool DataStore::has_off_region_copy() const {
  return cross_region_copy || (backup_in && backup_in->name != region.name) ||
         (replica_in && replica_in->name != region.name);
}

}  // namespace ceplan
