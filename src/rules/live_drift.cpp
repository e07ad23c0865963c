#include "rules/live_drift.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "model/capacity.hpp"
#include "model/registry.hpp"

namespace ceplan::rules {
namespace {

using live::RegionExport;

// Where a workload's entry for `region` is written: the region in its list, else the list.
Location entry_location(const Workload& workload, std::string_view region) {
  for (const Ref& ref : workload.regions) {
    if (ref.name == region)
      return ref.location;
  }
  return workload.regions_location;
}

// Why the file does not place a workload in `region`, for messages.
std::string not_placed_because(const Deployment& d, const Workload& workload, std::string_view region) {
  if (!workload.runs_in(region))
    return fmt::format("its regions do not list {}", region);
  return fmt::format("under {} its entry for {} is a template the runbook creates it from",
                     to_string(d.failover.strategy), region);
}

// The registry server the file's images pulled with each registry secret in `region` live on.
std::unordered_map<std::string, std::string> file_servers(const Deployment& d, std::string_view region) {
  std::unordered_map<std::string, std::string> servers;
  auto note = [&](const Workload& workload) {
    if (workload.registry_secret && workload.runs_in(region))
      servers.emplace(workload.registry_secret->name, std::string(registry_host(workload.image_in(region).name)));
  };
  for (const App& app : d.apps) note(app);
  for (const Job& job : d.jobs) note(job);
  return servers;
}

void registry(const std::unordered_map<std::string, std::string>& servers, const App& app, const live::App& running,
              const std::string& region, Findings& findings) {
  const auto& pulls = running.pull_secrets;
  if (app.registry_secret && std::find(pulls.begin(), pulls.end(), app.registry_secret->name) == pulls.end())
    findings.add(RuleId::live_registry_server, app.registry_secret->location,
                 fmt::format("app '{}' pulls with registry secret '{}', but in {} it runs without it ({})",
                             app.name.name, app.registry_secret->name, region, running.origin()));
  const std::string_view host = registry_host(running.image);
  for (const std::string& secret : pulls) {
    const auto it = servers.find(secret);
    if (running.image.empty() || it == servers.end() || it->second == host)
      continue;
    findings.add(RuleId::live_registry_server, app.image_in(region).location,
                 fmt::format("registry secret '{}' is for {} in {} (the server of the images the deploy file "
                             "pulls with it there), but app '{}' there pulls {} ({})",
                             secret, it->second, region, app.name.name, running.image, running.origin()));
  }
}

void image_and_scale(const App& app, const live::App& running, const std::string& region, Findings& findings) {
  const Ref& image = app.image_in(region);
  if (!running.image.empty() && running.image != image.name)
    findings.add(RuleId::live_image, image.location,
                 fmt::format("app '{}' pulls {} in {}, but the live app pulls {} ({})", app.name.name, image.name,
                             region, running.image, running.origin()));
  const Setting& min = app.min_scale_in(region);
  if (running.min_scale && *running.min_scale != min.value)
    findings.add(RuleId::live_scale, min.location,
                 fmt::format("app '{}' has min_scale {} in {}, but the live app has min-scale {} ({})", app.name.name,
                             min.value, region, *running.min_scale, running.origin()));
  const std::optional<Setting>& max = app.max_scale_in(region);
  const std::int64_t file_max = max ? max->value : caps::app_max_scale;
  if (running.max_scale && *running.max_scale != file_max)
    findings.add(
        RuleId::live_scale, max ? max->location : app.name.location,
        fmt::format("app '{}' has max_scale {}{} in {}, but the live app has max-scale {} ({})", app.name.name,
                    file_max, max ? "" : " (Code Engine's default)", region, *running.max_scale, running.origin()));
}

// CE501, CE502: a workload missing where the file places it, or live where it does not.
template <class W, class Live>
void presence(const Deployment& d, const W& workload, const Live* running, const std::string& region,
              Findings& findings) {
  const bool job = std::is_same_v<W, Job>;
  if (d.places(workload, region) && running == nullptr)
    findings.add(
        RuleId::live_missing, entry_location(workload, region),
        fmt::format("{} '{}' is placed in {}, but the export of {} has no such {}", workload_kind(job),
                    workload.name.name, region, region, job ? "JobDefinition" : "Service (serving.knative.dev)"));
  else if (!d.places(workload, region) && running != nullptr)
    findings.add(RuleId::live_unexpected, entry_location(workload, region),
                 fmt::format("{} '{}' is live in {} ({}), but {}", workload_kind(job), workload.name.name, region,
                             running->origin(), not_placed_because(d, workload, region)));
}

void workloads(const Deployment& d, const RegionExport& r, Findings& findings) {
  const auto servers = file_servers(d, r.region);
  for (const App& app : d.apps) {
    const live::App* running = r.app(app.name.name);
    presence(d, app, running, r.region, findings);
    if (running != nullptr && d.places(app, r.region)) {
      image_and_scale(app, *running, r.region, findings);
      registry(servers, app, *running, r.region, findings);
    }
  }
  for (const Job& job : d.jobs) presence(d, job, r.job(job.name.name), r.region, findings);
  for (const live::App& running : r.apps) {
    if (d.app(running.name) == nullptr)
      findings.add(RuleId::live_unexpected, d.apps_location,
                   fmt::format("app '{}' is live in {} ({}), but the deploy file has no such app", running.name,
                               r.region, running.origin()));
  }
  for (const live::Object& running : r.jobs) {
    if (d.job(running.name) == nullptr)
      findings.add(RuleId::live_unexpected, d.jobs_location,
                   fmt::format("job '{}' is live in {} ({}), but the deploy file has no such job", running.name,
                               r.region, running.origin()));
  }
}

// CE505: a region holding the project holds every declared secret and config map (SPEC §8).
void artifacts(const Deployment& d, const RegionExport& r, Findings& findings) {
  if (!d.holds_project(r.region))
    return;
  const ProjectRegion* entry = d.region(r.region);
  const std::string role =
      entry == nullptr || entry->role == Role::none ? std::string() : fmt::format(" ({})", to_string(entry->role));
  for (const Artifact& secret : d.secrets) {
    if (!r.has_secret(secret.name.name))
      findings.add(RuleId::live_missing_artifact, secret.name.location,
                   fmt::format("secret '{}' is not live in {}{}: the export of {} has no such Secret", secret.name.name,
                               r.region, role, r.region));
  }
  for (const Artifact& configmap : d.configmaps) {
    if (!r.has_configmap(configmap.name.name))
      findings.add(RuleId::live_missing_artifact, configmap.name.location,
                   fmt::format("config map '{}' is not live in {}{}: the export of {} has no such ConfigMap",
                               configmap.name.name, r.region, role, r.region));
  }
}

// CE510: the edge proxy's domain is mapped wherever its target app is placed.
void domain_mapping(const Deployment& d, const RegionExport& r, Findings& findings) {
  const App* target = d.proxy_target();
  if (target == nullptr || d.failover.edge_proxy->domain.empty() || !d.places(*target, r.region))
    return;
  const std::string& domain = d.failover.edge_proxy->domain;
  const bool mapped = std::any_of(r.domain_mappings.begin(), r.domain_mappings.end(),
                                  [&](const live::Object& mapping) { return mapping.name == domain; });
  if (!mapped)
    findings.add(RuleId::live_domain_mapping, d.failover.edge_proxy->location,
                 fmt::format("app '{}' serves {} in {}, but the export of {} has no DomainMapping named {}",
                             target->name.name, domain, r.region, r.region, domain));
}

// Where each job's cron subscription is live, matched by ceplan::live::cron_job: job -> (region, cron).
using LiveCrons = std::map<std::string, std::vector<std::pair<std::string, const live::Cron*>>>;

// CE506 for one live cron of a job: outside scheduled_in, or with another schedule or time zone.
void live_cron(const Job& job, const live::Cron& cron, const std::string& region, Findings& findings) {
  const bool scheduled = job.schedule && std::any_of(job.scheduled_in.begin(), job.scheduled_in.end(),
                                                     [&](const Ref& ref) { return ref.name == region; });
  if (!scheduled) {
    findings.add(
        RuleId::live_schedule, job.schedule ? job.scheduled_in_location : job.name.location,
        fmt::format("job '{}' has a cron subscription live in {} ({}), but {}", job.name.name, region, cron.origin(),
                    job.schedule ? fmt::format("scheduled_in{} does not list {}",
                                               job.scheduled_in_given ? "" : " (by default the primary's)", region)
                                 : std::string("the deploy file gives it no schedule")));
    return;
  }
  if (cron.schedule != job.schedule->name)
    findings.add(RuleId::live_schedule, job.schedule->location,
                 fmt::format("job '{}' runs on '{}', but its cron subscription in {} runs on '{}' ({})", job.name.name,
                             job.schedule->name, region, cron.schedule, cron.origin()));
  // Without `spec.timezone` a PingSource runs in the system's time zone (Knative), which is UTC
  // only by convention: a file that names another zone is then not what runs.
  const std::string zone = job.time_zone ? job.time_zone->name : std::string();
  const std::string wanted = zone.empty() ? "UTC" : zone;
  if (cron.time_zone.empty() ? wanted != "UTC" : cron.time_zone != wanted)
    findings.add(RuleId::live_schedule, job.time_zone ? job.time_zone->location : job.schedule->location,
                 fmt::format("job '{}' runs in time zone {}, but its cron subscription in {} {} ({})", job.name.name,
                             zone.empty() ? "UTC (the default)" : zone, region,
                             cron.time_zone.empty() ? std::string("names none, so it runs in the system's")
                                                    : "runs in " + cron.time_zone,
                             cron.origin()));
}

LiveCrons match_crons(const Deployment& d, const live::Export& live, Findings& findings) {
  std::unordered_set<std::string> names;
  for (const Job& job : d.jobs) names.insert(job.name.name);
  LiveCrons out;
  for (const RegionExport& r : live.regions) {
    for (const live::Cron& cron : r.crons) {
      if (cron.fires_app())
        continue;
      const std::string job = live::cron_job(cron, names);
      if (job.empty()) {
        findings.add(RuleId::live_unmatched_cron, d.jobs_location,
                     cron.sink_name.empty()
                         ? fmt::format("cron subscription '{}' in {} ({}) fires no job of the deploy file: its sink "
                                       "names none, and its name is not JOB-cron for one of them",
                                       cron.name, r.region, cron.origin())
                         : fmt::format("cron subscription '{}' in {} ({}) fires '{}', which is no job of the deploy "
                                       "file",
                                       cron.name, r.region, cron.origin(), cron.sink_name));
        continue;
      }
      out[job].emplace_back(r.region, &cron);
      if (d.region(r.region) != nullptr)
        live_cron(*d.job(job), cron, r.region, findings);
    }
  }
  return out;
}

// CE506 for a scheduled_in region without the cron; CE507 for a job live twice that is not idempotent.
void check_crons(const Deployment& d, const live::Export& live, Findings& findings) {
  const LiveCrons crons = match_crons(d, live, findings);
  for (const Job& job : d.jobs) {
    const auto it = crons.find(job.name.name);
    const std::size_t count = it == crons.end() ? 0 : it->second.size();
    if (job.schedule) {
      for (const Ref& region : job.scheduled_in) {
        const bool exported = live.region(region.name) != nullptr;
        const bool live_here = count > 0 && std::any_of(it->second.begin(), it->second.end(),
                                                        [&](const auto& entry) { return entry.first == region.name; });
        if (exported && !live_here && job.runs_in(region.name))
          findings.add(RuleId::live_schedule, region.location,
                       fmt::format("job '{}' is scheduled in {}, but the export of {} has no cron subscription "
                                   "that fires it",
                                   job.name.name, region.name, region.name));
      }
    }
    if (count < 2 || job.idempotent)
      continue;
    std::vector<std::string> where;
    for (const auto& entry : it->second) where.push_back(fmt::format("{} ({})", entry.first, entry.second->origin()));
    findings.add(RuleId::live_duplicate_cron, job.name.location,
                 fmt::format("job '{}' is not marked idempotent, but its cron subscription is live in {} regions: {}",
                             job.name.name, count, join_names(where)));
  }
}

}  // namespace

void check_live_drift(const Subject& subject, const live::Export& live, Findings& findings) {
  const Deployment& d = subject.deployment;
  for (const RegionExport& r : live.regions) {
    if (d.region(r.region) == nullptr) {
      findings.add(
          RuleId::live_unexpected, d.regions_location,
          fmt::format("an export of {} is given ({}), but regions does not list {}", r.region, r.directory, r.region),
          fmt::format("add {} to regions, or leave its directory out of --live", r.region));
      continue;
    }
    workloads(d, r, findings);
    artifacts(d, r, findings);
    domain_mapping(d, r, findings);
  }
  check_crons(d, live, findings);
  // CE511: a region the project lives in that the export leaves out is not checked at all.
  for (const ProjectRegion& region : d.regions) {
    if (d.holds_project(region.id.name) && live.region(region.id.name) == nullptr)
      findings.add(RuleId::live_not_exported, region.id.location,
                   fmt::format("{} holds the project, but no export of {} is given: nothing live there is compared",
                               region.id.name, region.id.name));
  }
}

}  // namespace ceplan::rules
