#include "model/deployment.hpp"

#include <algorithm>

namespace ceplan {

void Deployment::index_regions() {
  region_index.clear();
  for (std::size_t i = 0; i < regions.size(); ++i) {
    region_index.emplace(regions[i].id.name, i);
  }
}

const ProjectRegion* Deployment::region(std::string_view id) const {
  if (!region_index.empty()) {
    const auto it = region_index.find(std::string(id));
    return it == region_index.end() ? nullptr : &regions[it->second];
  }
  for (const ProjectRegion& entry : regions) {
    if (entry.id.name == id) {
      return &entry;
    }
  }
  return nullptr;
}

const ProjectRegion* Deployment::first_with_role(Role role) const {
  for (const ProjectRegion& entry : regions) {
    if (entry.role == role) {
      return &entry;
    }
  }
  return nullptr;
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

const DataStore* Deployment::data_store(std::string_view name) const {
  for (const DataStore& store : data) {
    if (store.name.name == name) {
      return &store;
    }
  }
  return nullptr;
}

const Artifact* Deployment::secret(std::string_view name) const {
  for (const Artifact& declared : secrets) {
    if (declared.name.name == name) {
      return &declared;
    }
  }
  return nullptr;
}

const RegionOverrides* Workload::overrides_in(std::string_view id) const {
  for (std::size_t i = 0; i < regions.size() && i < overrides.size(); ++i) {
    if (regions[i].name == id) {
      return &overrides[i];
    }
  }
  return nullptr;
}

const Ref& Workload::image_in(std::string_view id) const {
  const RegionOverrides* local = overrides_in(id);
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

bool DataStore::has_off_region_copy() const {
  return cross_region_copy || (backup_in && backup_in->name != region.name) ||
         (replica_in && replica_in->name != region.name);
}

}  // namespace ceplan
