// CE312-CE314: what the steps of a plan depend on.
#include "rules/dependencies.hpp"

#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "model/registry.hpp"

namespace ceplan::rules {
namespace {

// CE312: a store that apps or jobs use, with no secret a runbook could repoint.
void check_store_secrets(const Subject& s, Findings& findings) {
  const Deployment& d = s.deployment;
  std::unordered_set<std::string_view> listed;  // stores some workload names in its `data`
  bool every_store = false;                     // some workload lists none, so uses them all
  auto note = [&](const Workload& workload) {
    if (!workload.data_given)
      every_store = true;
    for (const Ref& ref : workload.data) listed.insert(ref.name);
  };
  for (const App& app : d.apps) note(app);
  for (const Job& job : d.jobs) note(job);
  for (const DataStore& store : d.data) {
    if (store.secret || (!every_store && !listed.contains(store.name.name)))
      continue;
    findings.add(RuleId::store_without_secret, store.name.location,
                 fmt::format("data store '{}' is used by the project's workloads but names no secret: after a "
                             "failover no step can point them at its new copy",
                             store.name.name));
  }
}

// CE313: a registry secret logs in to one server. A project in each region holds its own copy of
// the secret, so the workloads pulling with it must agree on the server region by region.
void check_registry_servers(const Subject& s, Findings& findings) {
  struct First {
    std::string_view host;
    std::string_view kind;
    std::string_view workload;
  };
  std::unordered_map<std::string, First> first;  // "secret\nregion"
  std::unordered_set<std::string_view> reported;
  auto check = [&](std::string_view kind, const Workload& workload) {
    if (!workload.registry_secret)
      return;
    const std::string_view secret = workload.registry_secret->name;
    for (std::size_t i = 0; i < workload.regions.size(); ++i) {
      const Ref& image = workload.image_at(i);
      const std::string_view host = registry_host(image.name);
      if (host.empty())
        continue;
      const std::string& region = workload.regions[i].name;
      const auto [it, inserted] =
          first.emplace(fmt::format("{}\n{}", secret, region), First{host, kind, workload.name.name});
      if (inserted || it->second.host == host || !reported.insert(secret).second)
        continue;
      findings.add(RuleId::registry_secret_servers, image.location,
                   fmt::format("registry secret '{}' serves {} ({} '{}') and {} ({} '{}') in {}: a registry secret "
                               "logs in to one server, so one of them cannot pull",
                               secret, it->second.host, it->second.kind, it->second.workload, host, kind,
                               workload.name.name, region));
    }
  };
  for (const App& app : s.deployment.apps) check("app", app);
  for (const Job& job : s.deployment.jobs) check("job", job);
}

// CE314: a schedule live where its job is not defined fires nothing, or a stale definition.
void check_schedule_regions(const Subject& s, Findings& findings) {
  for (const Job& job : s.deployment.jobs) {
    if (!job.scheduled_in_given)
      continue;
    for (const Ref& region : job.scheduled_in) {
      if (!job.runs_in(region.name)) {
        findings.add(RuleId::schedule_where_undefined, region.location,
                     fmt::format("job '{}' is scheduled in {}, where it is not defined: its cron subscription would "
                                 "fire a job that does not exist there",
                                 job.name.name, region.name));
      }
    }
  }
}

// CE315: IBM Cloud Databases for MySQL keeps replicas on one side of the EU Cloud boundary.
void check_eu_boundary(const Subject& s, Findings& findings) {
  constexpr std::string_view eu_cloud = "eu-de";
  for (const DataStore& store : s.deployment.data) {
    if (!store.engine || store.engine->name != "mysql" || !store.replica_in)
      continue;
    if ((store.region.name == eu_cloud) != (store.replica_in->name == eu_cloud)) {
      findings.add(RuleId::replica_across_eu_boundary, store.replica_in->location,
                   fmt::format("MySQL data store '{}' in {} has its replica in {}: IBM Cloud Databases for MySQL "
                               "cannot replicate into or out of the EU Cloud region eu-de",
                               store.name.name, store.region.name, store.replica_in->name));
    }
  }
}

}  // namespace

void check_dependencies(const Subject& s, Findings& findings) {
  check_eu_boundary(s, findings);
  check_store_secrets(s, findings);
  check_registry_servers(s, findings);
  check_schedule_regions(s, findings);
}

}  // namespace ceplan::rules
