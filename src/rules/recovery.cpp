// CE301-CE310: what a restore needs: schedules, references, secrets, data and images.
#include <fmt/format.h>

#include <set>
#include <unordered_map>
#include <unordered_set>

#include "rules/recovery.hpp"

#include "model/registry.hpp"
#include "support/spellcheck.hpp"

namespace ceplan::rules {
namespace {

// CE308: `ref` names a declared secret whose format is not `format` (undeclared ones are CE302's).
void check_format(const Subject& s, const Ref& ref, std::string_view format, std::string_view key, Findings& findings) {
  const Artifact* secret = s.deployment.secret(ref.name);
  if (secret != nullptr && secret->format != format) {
    findings.add(RuleId::wrong_secret_format, ref.location,
                 fmt::format("{} '{}' is a secret of format {}, not {}", key, ref.name,
                             secret->format.empty() ? std::string("generic") : secret->format, format),
                 fmt::format("set format: {} on secret '{}', or name a {} secret", format, ref.name, format));
  }
}

void check_duplicate_runs(const Subject& s, Findings& findings) {
  for (const Job& job : s.deployment.jobs) {
    std::set<std::string> live;
    std::vector<std::string> names;
    for (const Ref& ref : job.scheduled_in) {
      if (live.insert(ref.name).second) {
        names.push_back(ref.name);
      }
    }
    if (job.schedule && live.size() > 1 && !job.idempotent) {
      findings.add(RuleId::duplicate_job_runs, job.scheduled_in_location,
                   fmt::format("job '{}' is scheduled in {}: each run happens {} times, and the job is not "
                               "idempotent",
                               job.name.name, join_names(names), live.size()),
                   fmt::format("set scheduled_in: [{}], or mark the job idempotent: true", names.front()));
    }
  }
}

// Declared names, looked up by hash and offered as suggestions.
struct Declared {
  explicit Declared(const std::vector<Artifact>& artifacts) {
    for (const Artifact& artifact : artifacts) {
      by_name.emplace(artifact.name.name, &artifact);
      names.push_back(artifact.name.name);
    }
  }
  std::unordered_map<std::string, const Artifact*> by_name;
  std::vector<std::string> names;
};

void check_references(const Subject& s, Findings& findings) {
  const Deployment& d = s.deployment;
  const Declared secrets(d.secrets);
  const Declared configmaps(d.configmaps);
  std::set<const Artifact*> manual_reported;
  // Suggestions are the costly part of a dangling reference: the first 100 get one, more than
  // anyone reads, so that thousands of them stay cheap.
  std::size_t suggestions_left = 100;
  auto suggest = [&](std::string_view name, const std::vector<std::string>& names) {
    return suggestions_left > 0 ? (--suggestions_left, did_you_mean(name, names)) : std::string();
  };
  auto secret = [&](std::string_view owner, const Ref& ref) {
    auto it = secrets.by_name.find(ref.name);
    if (it == secrets.by_name.end()) {
      if (!findings.on(RuleId::dangling_reference))
        return;
      findings.add(RuleId::dangling_reference, ref.location,
                   fmt::format("{} uses secret '{}', which is not declared under secrets{}", owner, ref.name,
                               suggest(ref.name, secrets.names)),
                   fmt::format("declare secret '{}' under secrets, or correct the name", ref.name));
      return;
    }
    const Artifact* declared = it->second;
    if (declared->source == Source::manual && manual_reported.insert(declared).second) {
      findings.add(RuleId::unrecoverable_secret, declared->source_location,
                   fmt::format("secret '{}' (used by {}) has source: manual; nothing can restore it", ref.name, owner));
    }
  };
  auto configmap = [&](std::string_view owner, const Ref& ref) {
    if (!configmaps.by_name.contains(ref.name) && findings.on(RuleId::dangling_reference)) {
      findings.add(RuleId::dangling_reference, ref.location,
                   fmt::format("{} uses config map '{}', which is not declared under configmaps{}", owner, ref.name,
                               suggest(ref.name, configmaps.names)),
                   fmt::format("declare config map '{}' under configmaps, or correct the name", ref.name));
    }
  };
  auto workload = [&](const std::string& owner, const Workload& item) {
    for (const Ref& ref : item.secrets) secret(owner, ref);
    for (const Ref& ref : item.configmaps) configmap(owner, ref);
    if (item.registry_secret)
      secret(owner, *item.registry_secret);
  };
  for (const App& app : d.apps) workload(fmt::format("app '{}'", app.name.name), app);
  for (const Job& job : d.jobs) workload(fmt::format("job '{}'", job.name.name), job);
  for (const DataStore& store : d.data) {
    if (store.secret)
      secret(fmt::format("data store '{}'", store.name.name), *store.secret);
  }
  if (d.failover.edge_proxy && d.failover.edge_proxy->tls_secret) {
    secret("the edge proxy", *d.failover.edge_proxy->tls_secret);
  }
}

bool spans_geographies(const Subject& s) {
  std::set<std::string> geographies;
  for (const ProjectRegion& entry : s.deployment.regions) {
    if (const Region* region = s.region(entry.id.name)) {
      geographies.insert(region->geography);
    }
  }
  return geographies.size() > 1;
}

// CE309 and CE310: where the copy of a store is, and whether there is one at all.
void check_copy_location(const Subject& s, const DataStore& store, Findings& findings) {
  const Strategy strategy = s.deployment.failover.strategy;
  const bool cold = strategy == Strategy::pilot_light || strategy == Strategy::backup_restore;
  if (cold && !store.has_off_region_copy()) {
    findings.add(RuleId::no_off_region_backup, store.name.location,
                 fmt::format("data store '{}' keeps its backups in {} only, so a {} recovery elsewhere has nothing "
                             "to restore",
                             store.name.name, store.region.name, to_string(strategy)));
  }
  if (store.replica_in && store.replica_in->name == store.region.name) {
    findings.add(RuleId::replica_in_own_region, store.replica_in->location,
                 fmt::format("data store '{}' keeps its replica in its own region {}: it is lost with the store, so a "
                             "failover has no replica to promote",
                             store.name.name, store.region.name));
  }
  if (store.cross_region_copy && !store.backup_in && !store.replica_in && spans_geographies(s)) {
    findings.add(RuleId::backup_location_unknown, store.name.location,
                 fmt::format("data store '{}' is copied to another region, but not which: nothing shows that the copy "
                             "survives the loss of {}'s geography",
                             store.name.name, store.region.name));
  }
}

void check_data(const Subject& s, Findings& findings) {
  const Deployment& d = s.deployment;
  bool apps_span_regions = false;
  for (const App& app : d.apps) {
    apps_span_regions = apps_span_regions || s.spans_regions(app);
  }
  for (const DataStore& store : d.data) {
    if (d.objectives.rpo && store.backup_interval && store.backup_interval->value > *d.objectives.rpo) {
      findings.add(RuleId::rpo_exceeded, store.backup_interval->location,
                   fmt::format("data store '{}' is backed up every {}, so up to {} of data can be lost; the RPO is {}",
                               store.name.name, format_duration(store.backup_interval->value),
                               format_duration(store.backup_interval->value), format_duration(*d.objectives.rpo)));
    }
    if (apps_span_regions && !store.has_off_region_copy()) {
      findings.add(RuleId::data_single_region, store.name.location,
                   fmt::format("data store '{}' lives only in {}, but the apps span regions: a failover finds no "
                               "data elsewhere",
                               store.name.name, store.region.name));
    }
    check_copy_location(s, store, findings);
  }
}

// The regions that must start `workload` when `lost` is gone: its other regions and, under the
// cold strategies, the standby and recovery regions where the runbook re-creates it.
// A region a workload may take over in, and the image it pulls there.
struct Candidate {
  std::string_view region;
  const Ref* image;
};

// Where a workload may take over, each region once, in order: where it is defined (the first
// `defined` entries), then the cold spares (standby, recovery) it is not defined in. One pass,
// so that a long `regions` list costs its length.
std::vector<Candidate> takeover_candidates(const Deployment& d, const Workload& workload, std::size_t& defined) {
  std::unordered_set<std::string_view> seen;
  std::vector<Candidate> out;
  for (std::size_t i = 0; i < workload.regions.size(); ++i) {
    if (seen.insert(workload.regions[i].name).second)
      out.push_back({workload.regions[i].name, &workload.image_at(i)});
  }
  defined = out.size();
  for (const ProjectRegion& region : d.regions) {
    const bool cold_spare = region.role == Role::standby || region.role == Role::recovery;
    if (cold_spare && seen.insert(region.id.name).second)
      out.push_back({region.id.name, &workload.image_in(region.id.name)});  // its `restore` entry, if any
  }
  return out;
}

// CE306: a takeover region that pulls from the registry of a region the workload must survive.
void check_registry_reach(const Subject& s, std::string_view kind, const Workload& workload, Findings& findings) {
  std::size_t defined = 0;
  const std::vector<Candidate> candidates = takeover_candidates(s.deployment, workload, defined);
  std::unordered_map<std::string, std::vector<std::size_t>> pulling_from;  // the first two per registry region
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (auto home = registry_region(candidates[i].image->name, s.catalog)) {
      std::vector<std::size_t>& first = pulling_from[std::move(*home)];
      if (first.size() < 2)
        first.push_back(i);
    }
  }
  for (std::size_t lost = 0; lost < defined; ++lost) {
    const auto it = pulling_from.find(std::string(candidates[lost].region));
    if (it == pulling_from.end())
      continue;
    const std::size_t takeover = it->second.front() != lost ? it->second.front() : it->second.back();
    if (takeover == lost)
      continue;
    const Ref& image = *candidates[takeover].image;
    findings.add(RuleId::registry_single_region, image.location,
                 fmt::format("{} '{}' would take over in {} but pulls {} from {}, a registry in {}; IBM does "
                             "not replicate images, so losing {} stops it there too",
                             kind, workload.name.name, candidates[takeover].region, image.name,
                             registry_host(image.name), candidates[lost].region, candidates[lost].region));
    return;
  }
}

// CE307 and CE308 for a workload's registry access.
void check_registry_access(const Subject& s, std::string_view kind, const Workload& workload, Findings& findings) {
  if (workload.registry_secret) {
    check_format(s, *workload.registry_secret, "registry", "registry_secret", findings);
    return;
  }
  if (in_ibm_registry(workload.image.name) && !public_sample_image(workload.image.name)) {
    findings.add(RuleId::missing_registry_secret, workload.image.location,
                 fmt::format("{} '{}' pulls {} from IBM Cloud Container Registry but names no registry_secret: a "
                             "re-created project cannot pull it",
                             kind, workload.name.name, workload.image.name));
  }
}

void check_registry(const Subject& s, Findings& findings) {
  for (const App& app : s.deployment.apps) {
    check_registry_reach(s, "app", app, findings);
    check_registry_access(s, "app", app, findings);
  }
  for (const Job& job : s.deployment.jobs) {
    check_registry_reach(s, "job", job, findings);
    check_registry_access(s, "job", job, findings);
  }
  const auto& proxy = s.deployment.failover.edge_proxy;
  if (proxy && proxy->tls_secret) {
    check_format(s, *proxy->tls_secret, "tls", "tls_secret", findings);
  }
}

}  // namespace

void check_recovery(const Subject& s, Findings& findings) {
  check_duplicate_runs(s, findings);
  check_references(s, findings);
  check_data(s, findings);
  check_registry(s, findings);
}

}  // namespace ceplan::rules
