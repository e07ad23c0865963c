// CE301-CE306: what a restore needs: schedules, references, secrets, data and images.
#include <fmt/format.h>

#include <set>
#include <unordered_map>

#include "rules/recovery.hpp"
#include "support/spellcheck.hpp"

namespace ceplan::rules {
namespace {

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

void check_references(const Subject& s, Findings& findings) {
  const Deployment& d = s.deployment;
  std::unordered_map<std::string, const Artifact*> secrets;
  std::unordered_map<std::string, const Artifact*> configmaps;
  std::vector<std::string> secret_names;
  std::vector<std::string> configmap_names;
  for (const Artifact& secret : d.secrets) {
    secrets.emplace(secret.name.name, &secret);
    secret_names.push_back(secret.name.name);
  }
  for (const Artifact& configmap : d.configmaps) {
    configmaps.emplace(configmap.name.name, &configmap);
    configmap_names.push_back(configmap.name.name);
  }
  std::set<const Artifact*> manual_reported;
  auto secret = [&](std::string_view owner, const Ref& ref) {
    auto it = secrets.find(ref.name);
    if (it == secrets.end()) {
      findings.add(RuleId::dangling_reference, ref.location,
                   fmt::format("{} uses secret '{}', which is not declared under secrets{}", owner, ref.name,
                               did_you_mean(ref.name, secret_names)),
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
    if (!configmaps.contains(ref.name)) {
      findings.add(RuleId::dangling_reference, ref.location,
                   fmt::format("{} uses config map '{}', which is not declared under configmaps{}", owner, ref.name,
                               did_you_mean(ref.name, configmap_names)),
                   fmt::format("declare config map '{}' under configmaps, or correct the name", ref.name));
    }
  };
  for (const App& app : d.apps) {
    const std::string owner = fmt::format("app '{}'", app.name.name);
    for (const Ref& ref : app.secrets) secret(owner, ref);
    for (const Ref& ref : app.configmaps) configmap(owner, ref);
  }
  for (const Job& job : d.jobs) {
    const std::string owner = fmt::format("job '{}'", job.name.name);
    for (const Ref& ref : job.secrets) secret(owner, ref);
    for (const Ref& ref : job.configmaps) configmap(owner, ref);
  }
  if (d.failover.edge_proxy && d.failover.edge_proxy->tls_secret) {
    secret("the edge proxy", *d.failover.edge_proxy->tls_secret);
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
    if (apps_span_regions && !store.cross_region_copy) {
      findings.add(RuleId::data_single_region, store.name.location,
                   fmt::format("data store '{}' lives only in {}, but the apps span regions: a failover finds no "
                               "data elsewhere",
                               store.name.name, store.region.name));
    }
  }
}

// "us.icr.io/ns/app:1" -> "us.icr.io"; an image without a registry host gives "".
std::string_view registry_host(std::string_view image) {
  const auto slash = image.find('/');
  if (slash == std::string_view::npos) {
    return {};
  }
  const std::string_view host = image.substr(0, slash);
  return host.find('.') == std::string_view::npos ? std::string_view() : host;
}

void check_registry(const Subject& s, Findings& findings) {
  std::unordered_map<std::string, const Region*> registries;
  for (const Region& region : s.catalog.regions()) {
    if (region.registry) {
      registries.emplace(*region.registry, &region);
    }
  }
  for (const App& app : s.deployment.apps) {
    if (!s.spans_regions(app)) {
      continue;
    }
    auto it = registries.find(std::string(registry_host(app.image.name)));
    if (it != registries.end()) {
      findings.add(RuleId::registry_single_region, app.image.location,
                   fmt::format("app '{}' runs in {} regions but pulls from {}, {}'s regional registry; IBM does "
                               "not replicate images between regions",
                               app.name.name, app.regions.size(), it->first, it->second->id));
    }
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
