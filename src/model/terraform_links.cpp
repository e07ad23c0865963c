// How the reader ties resources together once all are read: regions for Code Engine resources,
// regions and monitors for origin pools, pools for load balancers.

#include <optional>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "model/terraform_view.hpp"

namespace ceplan::terraform {

Resource& resource_of(Inventory& inventory, const Pending& pending) {
  switch (pending.collection) {
    case Collection::project: return inventory.projects[pending.index];
    case Collection::workload: return inventory.workloads[pending.index];
    case Collection::artifact: return inventory.artifacts[pending.index];
    case Collection::domain_mapping: return inventory.domain_mappings[pending.index];
    case Collection::health_check: return inventory.health_checks[pending.index];
    case Collection::pool: return inventory.pools[pending.index];
    case Collection::load_balancer: return inventory.load_balancers[pending.index];
    default: return inventory.data_stores[pending.index];
  }
}

namespace {

class Linker {
public:
  Linker(Inventory& inventory, const std::vector<Pending>& pending, const Configuration& configuration)
      : m_inventory(inventory), m_pending(pending), m_configuration(configuration), m_owners(pending.size()) {
    for (std::size_t i = 0; i < pending.size(); ++i) {
      for (const std::string& id : pending[i].ids) {
        if (!id.empty())
          m_by_id.emplace(id, i);
      }
      m_by_address.emplace(resource_of(inventory, pending[i]).address, i);
    }
    for (std::size_t i = 0; i < pending.size(); ++i) m_owners[i] = owner_of(pending[i]);
  }

  // Regions of Code Engine resources, from the most to the least direct evidence: its project's
  // through the project id, its provider's, its project's through the configuration; twice, so
  // that a project without a region of its own can take its resources' and they its.
  void code_engine_regions(const std::string& fallback) {
    for (int round = 0; round < 2; ++round) {
      const auto by_project = regions_by_project_id();
      for_code_engine([&](std::size_t i, Resource& resource) {
        if (m_pending[i].collection == Collection::project)
          resource.region = region_of_project(m_pending[i], by_project);
        else if (m_owners[i].by_id)
          resource.region = owner_region(i);
      });
      for_code_engine([&](std::size_t i, Resource& resource) {
        resource.region = m_configuration.provider_region(m_pending[i].config);
        if (resource.region.empty() && !m_owners[i].by_id)
          resource.region = owner_region(i);
      });
    }
    for_code_engine([&](std::size_t, Resource& resource) { resource.region = fallback; });
  }

  // The name of the project each Code Engine resource belongs to.
  void projects() {
    for (std::size_t i = 0; i < m_pending.size(); ++i) {
      if (const auto project = m_owners[i].project) {
        const Text& name = m_inventory.projects[m_pending[*project].index].name;
        resource_of(m_inventory, m_pending[i]).project = name.known() ? name.value : std::string();
      }
    }
  }

  void pools() {
    const std::vector<std::string> regions = m_inventory.regions();
    for (const Pending& entry : m_pending) {
      if (entry.collection != Collection::pool)
        continue;
      Pool& pool = m_inventory.pools[entry.index];
      const std::size_t origins = entry.points_at.size() - 1;
      for (std::size_t i = 0; i < origins && pool.region.empty(); ++i) {
        pool.region = origin_region(entry.points_at[i], regions);
        if (pool.region.empty()) {
          const json::Value* block = origin_expression(entry, i);
          pool.region = first_region(m_configuration.referenced(block, entry.module));
        }
      }
      auto monitor = linked(entry.points_at.back(), expression(entry, "monitor"), entry.module);
      if (!monitor.empty() && m_pending[monitor.front()].collection == Collection::health_check)
        pool.monitor = m_pending[monitor.front()].index;
    }
  }

  void load_balancers() {
    for (const Pending& entry : m_pending) {
      if (entry.collection != Collection::load_balancer)
        continue;
      std::vector<std::size_t> found;
      for (const Text& id : entry.points_at) {
        const auto one = linked(id, nullptr, entry.module);
        found.insert(found.end(), one.begin(), one.end());
      }
      if (found.empty())
        found = linked({}, expression(entry, "default_pool_ids"), entry.module);
      std::unordered_set<std::size_t> seen;
      for (std::size_t i : found) {
        if (m_pending[i].collection == Collection::pool && seen.insert(m_pending[i].index).second)
          m_inventory.load_balancers[entry.index].pools.push_back(m_pending[i].index);
      }
    }
  }

private:
  // The project a Code Engine resource is in: itself, the project its `project_id` names, or the
  // project its configuration's `project_id` refers to.
  struct Owner {
    std::optional<std::size_t> project;  // into m_pending
    bool by_id = false;                  // found through a known project id
  };

  Owner owner_of(const Pending& entry) const {
    if (entry.collection > Collection::domain_mapping)
      return {};
    if (entry.collection == Collection::project)
      return {static_cast<std::size_t>(&entry - m_pending.data()), true};
    auto is_project = [&](std::size_t i) { return m_pending[i].collection == Collection::project; };
    if (entry.project_id.known()) {
      if (const auto it = m_by_id.find(entry.project_id.value); it != m_by_id.end() && is_project(it->second))
        return {it->second, true};
    }
    for (const std::string& address : m_configuration.referenced(expression(entry, "project_id"), entry.module)) {
      if (const auto it = m_by_address.find(address); it != m_by_address.end() && is_project(it->second))
        return {it->second, false};
    }
    return {};
  }

  std::string owner_region(std::size_t i) {
    const auto project = m_owners[i].project;
    return project ? resource_of(m_inventory, m_pending[*project]).region : std::string();
  }

  template <class Visit>
  void for_code_engine(Visit visit) {
    for (std::size_t i = 0; i < m_pending.size(); ++i) {
      Resource& resource = resource_of(m_inventory, m_pending[i]);
      if (m_pending[i].collection <= Collection::domain_mapping && resource.region.empty())
        visit(i, resource);
    }
  }

  // The region of some resource that names each project id (and knows its region).
  std::unordered_map<std::string, std::string> regions_by_project_id() {
    std::unordered_map<std::string, std::string> regions;
    for (const Pending& entry : m_pending) {
      const std::string& region = resource_of(m_inventory, entry).region;
      if (entry.collection != Collection::project && entry.project_id.known() && !region.empty())
        regions.emplace(entry.project_id.value, region);
    }
    return regions;
  }

  // A project without a region of its own (tainted, or unknown until apply) is where the
  // resources that name its id are.
  static std::string region_of_project(const Pending& project,
                                       const std::unordered_map<std::string, std::string>& by_project) {
    for (const std::string& id : project.ids) {
      if (const auto it = by_project.find(id); !id.empty() && it != by_project.end())
        return it->second;
    }
    return {};
  }

  std::string region_at(const std::unordered_map<std::string, std::size_t>& index, const std::string& key) {
    const auto it = index.find(key);
    return it == index.end() ? std::string() : resource_of(m_inventory, m_pending[it->second]).region;
  }

  std::string first_region(const std::vector<std::string>& addresses) {
    for (const std::string& address : addresses) {
      if (std::string region = region_at(m_by_address, address); !region.empty())
        return region;
    }
    return {};
  }

  // An origin's address: a domain mapping's CNAME target, or a host name with a region label
  // (`x.us-south.codeengine.appdomain.cloud`).
  std::string origin_region(const Text& address, const std::vector<std::string>& regions) {
    if (!address.known())
      return {};
    if (std::string region = region_at(m_by_id, address.value); !region.empty())
      return region;
    for (const std::string& region : regions) {
      if (address.value.find("." + region + ".") != std::string::npos)
        return region;
    }
    return {};
  }

  const json::Value* expression(const Pending& entry, std::string_view key) const {
    const json::Value* expressions = entry.config == nullptr ? nullptr : entry.config->find("expressions");
    return expressions == nullptr ? nullptr : expressions->find(key);
  }

  const json::Value* origin_expression(const Pending& entry, std::size_t i) const {
    const json::Value* origins = expression(entry, "origins");
    if (origins == nullptr || origins->kind != json::Kind::array || i >= origins->items.size())
      return nullptr;
    return origins->items[i].find("address");
  }

  // The entries an id names, or else the resources an expression refers to.
  std::vector<std::size_t> linked(const Text& id, const json::Value* fallback, const std::string& module) {
    std::vector<std::size_t> found;
    if (id.known()) {
      for (const std::string& key : {id.value, id.value.substr(0, id.value.find(':'))}) {
        if (const auto it = m_by_id.find(key); it != m_by_id.end())
          return {it->second};
      }
    }
    for (const std::string& address : m_configuration.referenced(fallback, module)) {
      if (const auto it = m_by_address.find(address); it != m_by_address.end())
        found.push_back(it->second);
    }
    return found;
  }

  Inventory& m_inventory;
  const std::vector<Pending>& m_pending;
  const Configuration& m_configuration;
  std::unordered_map<std::string, std::size_t> m_by_id;
  std::unordered_map<std::string, std::size_t> m_by_address;
  std::vector<Owner> m_owners;  // parallel to m_pending
};

}  // namespace

void resolve_links(Inventory& inventory, const std::vector<Pending>& pending, const Configuration& configuration,
                   const ReadOptions& options, DiagnosticSink& sink) {
  Linker linker(inventory, pending, configuration);
  linker.code_engine_regions(options.region);
  for (const Pending& entry : pending) {
    const Resource& resource = resource_of(inventory, entry);
    if (entry.collection <= Collection::domain_mapping && resource.region.empty()) {
      sink.error({}, fmt::format("{}: cannot tell its region: Terraform does not record it and the provider takes "
                                 "its region from the environment; name it with {}",
                                 resource.address, options.region_option.empty() ? "--region" : options.region_option));
    }
  }
  linker.projects();
  linker.pools();
  linker.load_balancers();
}

}  // namespace ceplan::terraform
