#include "rules/drift.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "model/capacity.hpp"

namespace ceplan::rules {
namespace {

using terraform::Inventory;

// Projects of another name, and what is in them, belong to another deploy file.
bool ours(const Deployment& d, const terraform::Project& project) {
  return !project.name.known() || project.name.value == d.project;
}
bool ours(const Deployment& d, const terraform::Resource& resource) {
  return resource.project.empty() || resource.project == d.project;
}

// Apps and jobs of both sides by kind and name ("app:web"), so that comparing stays linear.
struct Names {
  std::unordered_map<std::string, const Workload*> file;
  std::unordered_map<std::string, std::vector<const terraform::Workload*>> terraform;

  Names(const Deployment& d, const Inventory& tf) {
    for (const App& app : d.apps) file.emplace(key(false, app.name.name), &app);
    for (const Job& job : d.jobs) file.emplace(key(true, job.name.name), &job);
    for (const terraform::Workload& w : tf.workloads) {
      if (w.name.known() && ours(d, w))
        terraform[key(w.job, w.name.value)].push_back(&w);
    }
  }
  static std::string key(bool job, const std::string& name) { return (job ? "job:" : "app:") + name; }
  [[nodiscard]] const Workload* in_file(const terraform::Workload& w) const {
    const auto it = file.find(key(w.job, w.name.value));
    return it == file.end() ? nullptr : it->second;
  }
};

void regions(const Deployment& d, const Inventory& tf, Findings& findings) {
  std::vector<std::string> reported;
  for (const terraform::Project& project : tf.projects) {
    if (!ours(d, project) || d.region(project.region) != nullptr ||
        std::find(reported.begin(), reported.end(), project.region) != reported.end())
      continue;
    reported.push_back(project.region);
    findings.add(RuleId::terraform_region, d.regions_location,
                 fmt::format("Terraform's {} puts project '{}' in {}, which regions does not list", project.address,
                             d.project, project.region));
  }
}

// A workload Terraform runs in a region the file does not place it in (or does not have at all).
void placement_in_terraform(const Deployment& d, const Workload* ours, const terraform::Workload& w,
                            Findings& findings) {
  if (ours == nullptr) {
    findings.add(RuleId::terraform_placement, w.job ? d.jobs_location : d.apps_location,
                 fmt::format("Terraform's {} runs {} '{}' in {}, but the deploy file has no such {}", w.address,
                             workload_kind(w.job), w.name.value, w.region, workload_kind(w.job)));
  } else if (!ours->runs_in(w.region)) {
    findings.add(RuleId::terraform_placement, ours->regions_location,
                 fmt::format("Terraform's {} runs {} '{}' in {}, which its regions do not list", w.address,
                             workload_kind(w.job), w.name.value, w.region));
  }
}

// A region the file places a workload in, where Terraform does not define it (a plan without
// any app or job manages none, and says nothing about placement).
void placement_in_file(const Names& names, const Workload& ours, bool job, Findings& findings) {
  if (names.terraform.empty())
    return;
  std::string addresses;
  std::unordered_set<std::string_view> where;
  if (const auto it = names.terraform.find(Names::key(job, ours.name.name)); it != names.terraform.end()) {
    for (const terraform::Workload* w : it->second) {
      addresses += (addresses.empty() ? "" : ", ") + w->address;
      where.insert(w->region);
    }
  }
  for (const Ref& region : ours.regions) {
    if (where.contains(region.name))
      continue;
    findings.add(RuleId::terraform_placement, region.location,
                 fmt::format("{} '{}' is placed in {}{}, but Terraform {}", workload_kind(job), ours.name.name,
                             region.name, ours.regions_given ? "" : " (by default for the strategy)",
                             addresses.empty() ? std::string("does not define it")
                                               : fmt::format("defines it only elsewhere ({})", addresses)));
  }
}

void image_and_scale(const Workload* ours, const terraform::Workload& w, Findings& findings) {
  if (ours == nullptr || !ours->runs_in(w.region))
    return;
  const Ref& image = ours->image_in(w.region);
  if (w.image.known() && image.name != w.image.value)
    findings.add(RuleId::terraform_image, image.location,
                 fmt::format("{} '{}' pulls {} in {}, but Terraform's {} pulls {}", workload_kind(w.job), w.name.value,
                             image.name, w.region, w.address, w.image.value));
  if (w.job)
    return;
  const auto& app = static_cast<const App&>(*ours);
  const Setting& min = app.min_scale_in(w.region);
  if (w.min_scale.known() && min.value != w.min_scale.value)
    findings.add(RuleId::terraform_scale, min.location,
                 fmt::format("app '{}' has min_scale {} in {}, but Terraform's {} has scale_min_instances {}",
                             w.name.value, min.value, w.region, w.address, w.min_scale.value));
  const std::optional<Setting>& max = app.max_scale_in(w.region);
  const std::int64_t file_max = max ? max->value : caps::app_max_scale;
  if (w.max_scale.known() && file_max != w.max_scale.value)
    findings.add(
        RuleId::terraform_scale, max ? max->location : app.name.location,
        fmt::format("app '{}' has max_scale {}{} in {}, but Terraform's {} has scale_max_instances {}", w.name.value,
                    file_max, max ? "" : " (Code Engine's default)", w.region, w.address, w.max_scale.value));
}

void secrets(const Deployment& d, const Inventory& tf, Findings& findings) {
  std::unordered_set<std::string_view> reported;
  for (const terraform::Workload& w : tf.workloads) {
    if (!ours(d, w))
      continue;
    std::vector<std::string_view> names(w.secrets.begin(), w.secrets.end());
    if (w.registry_secret.known())
      names.push_back(w.registry_secret.value);
    for (std::string_view name : names) {
      if (d.secret(name) != nullptr || !reported.insert(name).second)
        continue;
      findings.add(RuleId::terraform_secret, d.secrets_location,
                   fmt::format("Terraform's {} reads secret '{}', which secrets does not declare", w.address, name));
    }
  }
}

// The load balancer the edge proxy describes: the one for its domain, else the first.
const terraform::LoadBalancer* balancer_for(const EdgeProxy& proxy, const Inventory& tf) {
  for (const terraform::LoadBalancer& lb : tf.load_balancers) {
    if (lb.name.known() && lb.name.value == proxy.domain)
      return &lb;
  }
  return tf.load_balancers.empty() ? nullptr : &tf.load_balancers.front();
}

void health_check(const EdgeProxy& proxy, const terraform::LoadBalancer& lb, const Inventory& tf, Findings& findings) {
  for (std::size_t pool : lb.pools) {
    if (!tf.pools[pool].monitor)
      continue;
    const terraform::HealthCheck& check = tf.health_checks[*tf.pools[pool].monitor];
    const HealthCheck& ours = proxy.health_check;
    if (check.path.known() && check.path.value != ours.path)
      findings.add(RuleId::terraform_health_check, proxy.location,
                   fmt::format("the health check probes {}, but Terraform's {} probes {}", ours.path, check.address,
                               check.path.value));
    const std::pair<const char*, std::pair<const Setting*, const terraform::Count*>> counts[] = {
        {"interval", {&ours.interval, &check.interval}},
        {"retries", {&ours.retries, &check.retries}},
        {"timeout", {&ours.timeout, &check.timeout}}};
    for (const auto& [key, pair] : counts) {
      const auto& [setting, count] = pair;
      // Retries are a count; interval and timeout are seconds, written with their unit on both sides.
      const char* unit = std::string_view(key) == "retries" ? "" : "s";
      if (count->known() && count->value != setting->value)
        findings.add(RuleId::terraform_health_check, setting->given ? setting->location : proxy.location,
                     fmt::format("the health check's {} is {}{}{}, but Terraform's {} has {}{}", key, setting->value,
                                 unit, setting->given ? "" : " (the default)", check.address, count->value, unit));
    }
    return;
  }
}

void check_edge_drift(const Deployment& d, const Inventory& tf, Findings& findings) {
  if (!d.failover.edge_proxy)
    return;
  const EdgeProxy& proxy = *d.failover.edge_proxy;
  const terraform::LoadBalancer* lb = balancer_for(proxy, tf);
  if (lb == nullptr)
    return;
  if (lb->ttl.known() && lb->ttl.value != proxy.ttl.value)
    findings.add(RuleId::terraform_ttl, proxy.ttl.given ? proxy.ttl.location : proxy.location,
                 fmt::format("ttl is {}s{}, but Terraform's {} has ttl {}s", proxy.ttl.value,
                             proxy.ttl.given ? "" : " (the default)", lb->address, lb->ttl.value));
  if (lb->proxied.known() && lb->proxied.value != proxy.proxied)
    findings.add(RuleId::terraform_proxied, proxy.location,
                 fmt::format("the edge proxy is {}, but Terraform's {} has proxied = {}",
                             proxy.proxied ? "proxied" : "DNS-only", lb->address, lb->proxied.value));
  health_check(proxy, *lb, tf, findings);
}

}  // namespace

void check_drift(const Subject& subject, const Inventory& tf, Findings& findings) {
  const Deployment& d = subject.deployment;
  // A plan of other projects only has nothing of this file's to compare: say so, not "no findings".
  const std::vector<std::string> projects = tf.project_names();
  if (!projects.empty() && std::find(projects.begin(), projects.end(), d.project) == projects.end()) {
    findings.add(RuleId::terraform_project, d.root,
                 fmt::format("{} has no project named '{}' (it has {}): nothing of this deploy file is compared",
                             tf.source, d.project, join_names(projects)));
    return;
  }
  const Names names(d, tf);
  regions(d, tf, findings);
  for (const terraform::Workload& w : tf.workloads) {
    if (!w.name.known() || !ours(d, w))
      continue;
    const Workload* ours = names.in_file(w);
    placement_in_terraform(d, ours, w, findings);
    image_and_scale(ours, w, findings);
  }
  for (const App& app : d.apps) placement_in_file(names, app, false, findings);
  for (const Job& job : d.jobs) placement_in_file(names, job, true, findings);
  secrets(d, tf, findings);
  check_edge_drift(d, tf, findings);
}

}  // namespace ceplan::rules
