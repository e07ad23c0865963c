// CE101-CE112: where the project and its workloads are placed, and whether they fit.
#include <fmt/format.h>

#include <set>
#include <unordered_map>
#include <unordered_set>

#include "model/capacity.hpp"
#include "rules/placement.hpp"
#include "support/spellcheck.hpp"

namespace ceplan::rules {
namespace {

// Code Engine per-project limits (IBM: codeengine-limits).
constexpr std::size_t max_apps = 40;
constexpr std::size_t max_jobs = 100;
constexpr std::size_t max_secrets = 100;
constexpr std::size_t max_configmaps = 100;
constexpr std::size_t max_cron_subscriptions = 100;
constexpr std::int64_t max_min_scale = 250;
constexpr std::int64_t max_active_instances = 250;  // per project, all apps and jobs together

void check_regions(const Subject& s, Findings& findings) {
  for (const ProjectRegion& entry : s.deployment.regions) {
    const Region* region = s.region(entry.id.name);
    if (region == nullptr) {
      findings.add(RuleId::unknown_region, entry.id.location,
                   fmt::format("region '{}' is not a Code Engine region in the catalog{}", entry.id.name,
                               s.catalog.region_hint(entry.id.name)));
      continue;
    }
    if (region->availability != Availability::mzr) {
      // With a multizone region beside it, a zone failure here stops this region, not the project.
      const bool other_mzr = std::any_of(s.deployment.regions.begin(), s.deployment.regions.end(), [&](const auto& r) {
        const Region* other = s.region(r.id.name);
        return other != nullptr && other->availability == Availability::mzr;
      });
      findings.add(RuleId::not_multizone, entry.id.location,
                   other_mzr
                       ? fmt::format("region '{}' is not a multizone region: a zone failure takes down what runs "
                                     "there, and only the project's multizone regions keep serving",
                                     entry.id.name)
                       : fmt::format("region '{}' is not a multizone region: a zone failure takes the project down",
                                     entry.id.name));
    }
    if (region->campus == Campus::single) {
      findings.add(RuleId::single_campus_region, entry.id.location,
                   fmt::format("region '{}' is a single-campus MZR: its zones may share power, cooling and network",
                               entry.id.name));
    }
  }
}

// A `restore` entry names any region of the catalog, in the project or not.
void check_restore_regions(const Subject& s, const Workload& workload, std::string_view kind, Findings& findings) {
  for (const Ref& region : workload.restore_regions) {
    if (s.region(region.name) == nullptr)
      findings.add(RuleId::unknown_region, region.location,
                   fmt::format("region '{}' under 'restore' of {} '{}' is not a Code Engine region in the catalog{}",
                               region.name, kind, workload.name.name, s.catalog.region_hint(region.name)));
  }
}

bool has_rebuild_region(const Deployment& d) {
  const bool cold = d.failover.strategy == Strategy::pilot_light || d.failover.strategy == Strategy::backup_restore;
  return cold && (d.first_with_role(Role::standby) != nullptr || d.first_with_role(Role::recovery) != nullptr);
}

void check_single_region(const Subject& s, Findings& findings) {
  const Deployment& d = s.deployment;
  if (has_rebuild_region(d)) {
    return;
  }
  const Severity severity = d.objectives.rto ? Severity::error : Severity::warning;
  auto check = [&](std::string_view kind, const Ref& name, const std::vector<Ref>& regions, Location where) {
    if (regions.size() == 1) {
      findings.add(RuleId::single_region, severity, where,
                   fmt::format("{} '{}' runs only in {}: a regional outage takes it down", kind, name.name,
                               regions.front().name));
    }
  };
  for (const App& app : d.apps) {
    check("app", app.name, app.regions, app.regions_location);
  }
  for (const Job& job : d.jobs) {
    check("job", job.name, job.regions, job.regions_location);
  }
}

void check_geography(const Subject& s, Findings& findings) {
  for (const App& app : s.deployment.apps) {
    std::set<std::string> geographies;
    std::set<std::string> regions;
    for (const Ref& ref : app.regions) {
      if (const Region* region = s.region(ref.name)) {
        geographies.insert(region->geography);
        regions.insert(ref.name);
      }
    }
    if (regions.size() >= 2 && geographies.size() == 1) {
      findings.add(RuleId::single_geography, app.regions_location,
                   fmt::format("app '{}' runs in {} regions, all in {}: losing that geography takes it down",
                               app.name.name, regions.size(), *geographies.begin()));
    }
  }
}

void check_backup_endpoints(const Subject& s, Findings& findings) {
  std::set<std::string> endpoints;
  std::size_t known = 0;
  for (const ProjectRegion& entry : s.deployment.regions) {
    const Region* region = s.region(entry.id.name);
    if (region == nullptr || !region->backup_endpoint) {
      return;  // an unknown or unpublished endpoint: nothing can be claimed
    }
    endpoints.insert(*region->backup_endpoint);
    ++known;
  }
  if (known >= 2 && endpoints.size() == 1) {
    findings.add(RuleId::shared_backup_endpoint, s.deployment.regions_location,
                 fmt::format("every region of project '{}' backs up its metadata to the {} endpoint only",
                             s.deployment.project, *endpoints.begin()));
  }
}

void check_roles(const Subject& s, Findings& findings) {
  const Deployment& d = s.deployment;
  const Strategy strategy = d.failover.strategy;
  std::size_t primaries = 0;
  std::size_t standbys = 0;
  for (const ProjectRegion& entry : d.regions) {
    primaries += entry.role == Role::primary ? 1 : 0;
    standbys += entry.role == Role::standby ? 1 : 0;
    if (strategy == Strategy::active_active && entry.role != Role::none && entry.role != Role::active) {
      findings.add(RuleId::roles, entry.role_location,
                   fmt::format("region '{}' has role '{}', but under active-active every region is active",
                               entry.id.name, to_string(entry.role)),
                   "remove the role or set role: active, or choose another strategy");
    }
  }
  const bool needs_standby = strategy == Strategy::warm_standby || strategy == Strategy::pilot_light;
  if ((needs_standby && (primaries != 1 || standbys == 0)) ||
      (strategy == Strategy::backup_restore && primaries != 1)) {
    findings.add(
        RuleId::roles, d.regions_location,
        fmt::format("{} needs exactly one primary region{}; found {} primary and {} standby", to_string(strategy),
                    needs_standby ? " and at least one standby" : "", primaries, standbys),
        needs_standby ? "mark one region role: primary and the others role: standby" : "mark one region role: primary");
  }
}

void check_in_project(const Subject& s, Findings& findings) {
  const Deployment& d = s.deployment;
  auto check = [&](std::string_view kind, const std::string& owner, const std::vector<Ref>& refs) {
    for (const Ref& ref : refs) {
      if (d.region(ref.name) == nullptr) {
        findings.add(RuleId::region_not_in_project, ref.location,
                     fmt::format("{} '{}' names region '{}', which the project does not list", kind, owner, ref.name));
      }
    }
  };
  for (const App& app : d.apps) {
    check("app", app.name.name, app.regions);
  }
  for (const Job& job : d.jobs) {
    check("job", job.name.name, job.regions);
    if (job.scheduled_in_given) {
      check("job", job.name.name, job.scheduled_in);
    }
  }
  for (const DataStore& store : d.data) {
    check("data store", store.name.name, {store.region});
  }
  if (d.failover.edge_proxy && d.failover.edge_proxy->fallback)
    check("edge proxy", d.failover.edge_proxy->domain.empty() ? "edge_proxy" : d.failover.edge_proxy->domain,
          {*d.failover.edge_proxy->fallback});
}

template <typename Items, typename NameOf>
void check_unique(std::string_view kind, const Items& items, NameOf name_of, Findings& findings) {
  std::unordered_map<std::string, int> first_line;
  for (const auto& item : items) {
    const Ref& name = name_of(item);
    auto [it, inserted] = first_line.emplace(name.name, name.location.line);
    if (!inserted) {
      findings.add(RuleId::duplicate_name, name.location,
                   fmt::format("{} '{}' is defined twice (first at line {})", kind, name.name, it->second));
    }
  }
}

// Min scale per app, and the instances that are always running in each region's project, which
// Code Engine caps at 250 active instances per project (limits.md, topic codeengine-limits).
void check_instances(const Subject& s, Findings& findings) {
  const Deployment& d = s.deployment;
  std::unordered_map<std::string, std::int64_t> active;
  bool reported = false;  // one app over its own limit already says the project is
  for (const App& app : d.apps) {
    for (const Ref& region : app.regions) {
      const Setting& min_scale = app.min_scale_in(region.name);
      active[region.name] += min_scale.value;
      if (min_scale.value > max_min_scale && !reported) {  // once per file is enough
        findings.add(RuleId::quota_exceeded, min_scale.location,
                     fmt::format("app '{}' has min_scale {}; Code Engine allows at most {}", app.name.name,
                                 min_scale.value, max_min_scale));
        reported = true;
      }
    }
  }
  for (const ProjectRegion& entry : d.regions) {
    const auto it = active.find(entry.id.name);
    if (it != active.end() && it->second > max_active_instances && !reported) {
      findings.add(RuleId::quota_exceeded, d.apps_location,
                   fmt::format("project '{}' in {} keeps {} app instances running (the sum of min_scale); Code "
                               "Engine allows {} active instances per project",
                               d.project, entry.id.name, it->second, max_active_instances));
      return;
    }
  }
}

// CE111: a region listed twice for one app or job.
void check_duplicate_regions(const Subject& s, Findings& findings) {
  auto check = [&](std::string_view kind, const Workload& workload) {
    std::unordered_map<std::string, int> first_line;
    for (const Ref& region : workload.regions) {
      auto [it, inserted] = first_line.emplace(region.name, region.location.line);
      if (!inserted) {
        findings.add(RuleId::duplicate_region, region.location,
                     fmt::format("{} '{}' lists region '{}' twice (first at line {})", kind, workload.name.name,
                                 region.name, it->second));
      }
    }
  };
  for (const App& app : s.deployment.apps) check("app", app);
  for (const Job& job : s.deployment.jobs) check("job", job);
}

// CE112: losing any one project region, each region that takes over must fit its load at max scale
// within the project's caps. Only catalog regions are lost: a scenario of an unknown one is CE101's.
void check_capacity(const Subject& s, Findings& findings) {
  const Deployment& d = s.deployment;
  std::unordered_set<std::string_view> tried;
  for (const ProjectRegion& entry : d.regions) {
    if (s.region(entry.id.name) == nullptr || !tried.insert(entry.id.name).second)
      continue;
    for (const RegionLoad& load : takeover_load(d, {entry.id.name})) {
      if (!load.takes_over || !load.over())
        continue;
      const App* heaviest = d.app(load.heaviest);
      findings.add(RuleId::takeover_capacity, heaviest != nullptr ? heaviest->name.location : d.apps_location,
                   fmt::format("if {} is lost, {} must run up to {} instances, {:.4g} vCPU and {:.4g} GB (max scale "
                               "× cpu and memory of its apps and of those it takes over, {} the most); Code Engine "
                               "allows {}, {:.4g} and {:.4g} per project",
                               entry.id.name, load.region, load.instances, load.vcpu, load.memory_gb, load.heaviest,
                               caps::instances, caps::vcpu, caps::memory_gb));
      return;  // one region over is enough to say the plan does not fit
    }
  }
}

void check_quotas(const Subject& s, Findings& findings) {
  const Deployment& d = s.deployment;
  // Per-project limits apply to each region's project: count what each region's project holds.
  std::unordered_map<std::string, std::size_t> apps;
  std::unordered_map<std::string, std::size_t> jobs;
  std::unordered_map<std::string, std::size_t> crons;
  for (const App& app : d.apps) {
    for (const Ref& region : app.regions) ++apps[region.name];
  }
  for (const Job& job : d.jobs) {
    for (const Ref& region : job.regions) ++jobs[region.name];
    for (const Ref& region : job.scheduled_in) ++crons[region.name];
  }
  auto over = [&](const std::unordered_map<std::string, std::size_t>& counts, std::size_t limit, std::string_view what,
                  Location where) {
    for (const ProjectRegion& entry : d.regions) {
      auto it = counts.find(entry.id.name);
      if (it != counts.end() && it->second > limit) {
        findings.add(RuleId::quota_exceeded, where,
                     fmt::format("project '{}' in {} would hold {} {}; Code Engine allows {} per project", d.project,
                                 entry.id.name, it->second, what, limit));
        return;
      }
    }
  };
  over(apps, max_apps, "apps", d.apps_location);
  over(jobs, max_jobs, "jobs", d.jobs_location);
  over(crons, max_cron_subscriptions, "cron subscriptions", d.jobs_location);
  if (d.secrets.size() > max_secrets) {
    findings.add(RuleId::quota_exceeded, d.secrets_location,
                 fmt::format("project '{}' declares {} secrets; Code Engine allows {} per project", d.project,
                             d.secrets.size(), max_secrets));
  }
  if (d.configmaps.size() > max_configmaps) {
    findings.add(RuleId::quota_exceeded, d.configmaps_location,
                 fmt::format("project '{}' declares {} config maps; Code Engine allows {} per project", d.project,
                             d.configmaps.size(), max_configmaps));
  }
  check_instances(s, findings);
  check_capacity(s, findings);
}

}  // namespace

void check_placement(const Subject& s, Findings& findings) {
  const Deployment& d = s.deployment;
  check_regions(s, findings);
  for (const App& app : s.deployment.apps) check_restore_regions(s, app, "app", findings);
  for (const Job& job : s.deployment.jobs) check_restore_regions(s, job, "job", findings);
  check_single_region(s, findings);
  check_geography(s, findings);
  check_backup_endpoints(s, findings);
  check_roles(s, findings);
  check_in_project(s, findings);
  check_unique(
      "region", d.regions, [](const ProjectRegion& r) -> const Ref& { return r.id; }, findings);
  check_unique(
      "app", d.apps, [](const App& a) -> const Ref& { return a.name; }, findings);
  check_unique(
      "job", d.jobs, [](const Job& j) -> const Ref& { return j.name; }, findings);
  check_unique(
      "secret", d.secrets, [](const Artifact& a) -> const Ref& { return a.name; }, findings);
  check_unique(
      "config map", d.configmaps, [](const Artifact& a) -> const Ref& { return a.name; }, findings);
  check_duplicate_regions(s, findings);
  check_quotas(s, findings);
}

}  // namespace ceplan::rules
