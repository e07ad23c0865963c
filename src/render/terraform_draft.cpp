#include "render/terraform_draft.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "model/vocabulary.hpp"
#include "render/json_schema.hpp"
#include "render/structured.hpp"
#include "support/error.hpp"

namespace ceplan::render {
namespace {

using terraform::Inventory;
using terraform::Known;
using terraform::Workload;

// Text safe inside a one-line comment.
std::string note(std::string_view text) {
  return printable(text);
}

// Why a value is not written.
std::string withheld(Known state) {
  switch (state) {
    case Known::sensitive: return "Terraform marks it sensitive";
    case Known::unknown: return "unknown until apply";
    default: return "not set in Terraform";
  }
}

std::string seconds(std::int64_t value) {
  return fmt::format("{}s", value);
}

class Draft {
public:
  explicit Draft(const Inventory& inventory) : m_in(inventory) { order_regions(); }

  std::string write() {
    header();
    regions();
    failover();
    workloads(false);
    workloads(true);
    artifacts(true);
    artifacts(false);
    data();
    return m_out;
  }

private:
  void line(std::string_view text) { m_out += std::string(text) + '\n'; }
  void todo(std::string_view indent, std::string_view text) { line(fmt::format("{}# TODO {}", indent, note(text))); }

  const terraform::LoadBalancer* balancer() const {
    return m_in.load_balancers.empty() ? nullptr : &m_in.load_balancers.front();
  }

  // The regions of the projects, the load balancer's pools first in priority order.
  void order_regions() {
    auto add = [&](const std::string& region) {
      if (!region.empty() && m_rank.emplace(region, m_regions.size()).second)
        m_regions.push_back(region);
    };
    if (const auto* lb = balancer()) {
      for (std::size_t pool : lb->pools) add(m_in.pools[pool].region);
    }
    for (const std::string& region : m_in.regions()) add(region);
    const auto* lb = balancer();
    // Roles follow the pools' order only when every pool's region is known.
    m_ordered = lb != nullptr && !lb->pools.empty() && (lb->steering.known() || lb->steering.state == Known::absent) &&
                terraform::deploy_steering(lb->steering.value) == "failover" &&
                std::all_of(lb->pools.begin(), lb->pools.end(),
                            [&](std::size_t pool) { return !m_in.pools[pool].region.empty(); });
  }

  void header();
  void regions();
  void failover();
  void edge_proxy(const terraform::LoadBalancer& lb);
  void workloads(bool jobs);
  void workload(const std::vector<const Workload*>& placed);
  void overrides(const std::vector<const Workload*>& placed, const Workload& base);
  void references(const std::vector<const Workload*>& placed);
  void artifacts(bool secrets);
  void data();

  const Inventory& m_in;
  std::string m_out;
  std::vector<std::string> m_regions;
  std::unordered_map<std::string, std::size_t> m_rank;  // region -> its place in m_regions
  bool m_ordered = false;                               // ordered (failover) steering over pools: roles can be guessed
};

void Draft::header() {
  line(fmt::format("# yaml-language-server: $schema={}", deploy_schema_uri));
  line(fmt::format("# Draft written by `ceplan import terraform` from {} (a Terraform {}).", note(m_in.source),
                   m_in.plan ? "plan" : "state"));
  line("# What Terraform cannot say is a TODO line: review each before relying on this file.");
  line("version: 1");
  const terraform::Project& first = m_in.projects.front();
  line(fmt::format("project: {}", first.name.known() ? yaml_scalar(first.name.value) : std::string("TODO")));
  if (!first.name.known())
    todo("", fmt::format("project: the name of {} is {}", first.address, withheld(first.name.state)));
  if (!m_in.other_projects.empty())
    todo("", fmt::format("{} also has project{} {}: import each into its own deploy file with --project", m_in.source,
                         m_in.other_projects.size() == 1 ? "" : "s",
                         fmt::format("{}", fmt::join(m_in.other_projects, ", "))));
  todo("", "objectives: your availability, RTO and RPO targets; Terraform does not hold them");
  line("# objectives: { availability: 99.95, rto: 15m, rpo: 1h }");
}

void Draft::regions() {
  line("regions:");
  std::vector<std::string> projects(m_regions.size());  // the projects in each region, for comments
  for (const terraform::Project& project : m_in.projects) {
    if (const auto it = m_rank.find(project.region); it != m_rank.end()) {
      std::string& list = projects[it->second];
      list += (list.empty() ? "" : ", ") + project.address + (project.tainted ? " (tainted)" : "");
    }
  }
  for (std::size_t i = 0; i < m_regions.size(); ++i) {
    if (!m_ordered) {
      line(fmt::format("  - {}{}", yaml_scalar(m_regions[i]), projects[i].empty() ? "" : "  # " + note(projects[i])));
      continue;
    }
    line(fmt::format("  - {{ id: {}, role: {} }}  # {}; role guessed from the load balancer's pool order",
                     yaml_scalar(m_regions[i]), i == 0 ? "primary" : "standby", note(projects[i])));
  }
}

void Draft::failover() {
  const auto* lb = balancer();
  if (lb == nullptr) {
    // An empty `failover:` would be null, which the deploy file refuses: the key stays a comment.
    todo("",
         "failover: no ibm_cis_global_load_balancer in Terraform, so nothing switches traffic; set the "
         "strategy, Terraform does not say");
    line("# failover: { strategy: active-active }");
    return;
  }
  line("failover:");
  const bool balanced =
      !lb->pools.empty() && lb->steering.known() && terraform::deploy_steering(lb->steering.value) != "failover";
  if (m_ordered || balanced) {
    todo("  ", fmt::format("strategy: guessed from {}'s {} steering; Terraform does not say", lb->address,
                           m_ordered ? "ordered (off)" : "balanced"));
    line(fmt::format("  strategy: {}", m_ordered ? "warm-standby" : "active-active"));
  } else {
    todo("  ", "strategy: active-active, warm-standby, pilot-light or backup-restore; Terraform does not say");
    line("  # strategy: active-active");
  }
  edge_proxy(*lb);
  for (std::size_t i = 1; i < m_in.load_balancers.size(); ++i)
    todo("  ",
         fmt::format("{} is left out: a deploy file describes one load balancer", m_in.load_balancers[i].address));
}

void Draft::edge_proxy(const terraform::LoadBalancer& lb) {
  line(fmt::format("  edge_proxy:  # {}", note(lb.address)));
  line("    service: cis");
  if (lb.name.known())
    line(fmt::format("    domain: {}", yaml_scalar(lb.name.value)));
  else
    todo("    ", fmt::format("domain: {}", withheld(lb.name.state)));
  // The provider's defaults: proxied false, ttl 60 (ibm_cis_global_load_balancer).
  line(fmt::format("    proxied: {}", lb.proxied.known() && lb.proxied.value ? "true" : "false"));
  line(fmt::format("    ttl: {}", seconds(lb.ttl.known() ? lb.ttl.value : 60)));
  if (lb.steering.state == Known::unknown || lb.steering.state == Known::sensitive)
    todo("    ", fmt::format("steering: {}", withheld(lb.steering.state)));
  else if (const std::string_view policy = terraform::deploy_steering(lb.steering.value); !policy.empty())
    line(fmt::format("    steering: {}", policy));
  else
    todo("    ", fmt::format("steering: CIS policy '{}' has no ceplan equivalent", lb.steering.value));
  todo("    ", "plan: standard-next or enterprise, the CIS plan; Terraform's resources do not say");
  for (const terraform::DomainMapping& mapping : m_in.domain_mappings) {
    if (!mapping.name.known() || !lb.name.known() || mapping.name.value != lb.name.value)
      continue;
    if (mapping.tls_secret.known())
      line(fmt::format("    tls_secret: {}", yaml_scalar(mapping.tls_secret.value)));
    if (mapping.target.known())
      line(fmt::format("    target: {}", yaml_scalar(mapping.target.value)));
    break;
  }
  const terraform::HealthCheck* check = nullptr;
  for (std::size_t pool : lb.pools) {
    if (check == nullptr && m_in.pools[pool].monitor)
      check = &m_in.health_checks[*m_in.pools[pool].monitor];
  }
  if (check == nullptr) {
    todo("    ", "health_check: no pool of the load balancer has a monitor in Terraform");
    return;
  }
  std::string fields = check->path.known() ? "path: " + yaml_scalar(check->path.value) : std::string();
  const std::pair<const char*, const terraform::Count*> counts[] = {
      {"interval", &check->interval}, {"retries", &check->retries}, {"timeout", &check->timeout}};
  for (const auto& [key, count] : counts) {
    if (count->known())
      fields += fmt::format("{}{}: {}", fields.empty() ? "" : ", ", key,
                            std::string_view(key) == "retries" ? std::to_string(count->value) : seconds(count->value));
  }
  line(fmt::format("    health_check: {{ {} }}  # {}", fields, note(check->address)));
}

// Apps or jobs, one entry per name, with what differs between regions under `regions`.
void Draft::workloads(bool jobs) {
  std::vector<std::string> names;
  std::unordered_map<std::string, std::vector<const Workload*>> placed;
  for (const Workload& workload : m_in.workloads) {
    if (workload.job != jobs)
      continue;
    if (!workload.name.known()) {
      todo("", fmt::format("{}: its name is {}; add it by hand", workload.address, withheld(workload.name.state)));
      continue;
    }
    if (placed.find(workload.name.value) == placed.end())
      names.push_back(workload.name.value);
    placed[workload.name.value].push_back(&workload);
  }
  if (names.empty())
    return;
  line(jobs ? "jobs:" : "apps:");
  for (const std::string& name : names) {
    auto& list = placed[name];
    auto rank = [&](const Workload* w) {
      const auto it = m_rank.find(w->region);
      return it == m_rank.end() ? m_regions.size() : it->second;
    };
    std::stable_sort(list.begin(), list.end(), [&](auto* a, auto* b) { return rank(a) < rank(b); });
    workload(list);
  }
}

void Draft::workload(const std::vector<const Workload*>& placed) {
  const Workload& first = *placed.front();
  std::string addresses;
  for (const Workload* w : placed) addresses += (addresses.empty() ? "" : ", ") + w->address;
  line(fmt::format("  - name: {}  # {}", yaml_scalar(first.name.value), note(addresses)));
  const auto known_image = std::find_if(placed.begin(), placed.end(), [](auto* w) { return w->image.known(); });
  const Workload& base = known_image == placed.end() ? first : **known_image;
  if (base.image.known())
    line(fmt::format("    image: {}", yaml_scalar(base.image.value)));
  else
    line(fmt::format("    image: TODO  # TODO {} in every region", withheld(base.image.state)));
  if (base.registry_secret.known())
    line(fmt::format("    registry_secret: {}", yaml_scalar(base.registry_secret.value)));
  if (!first.job) {
    if (base.min_scale.known())
      line(fmt::format("    min_scale: {}", base.min_scale.value));
    if (base.max_scale.known())
      line(fmt::format("    max_scale: {}", base.max_scale.value));
  } else {
    todo("    ", "schedule: the cron subscription's schedule, if the job has one; Terraform's job has none");
    todo("    ", "idempotent: true if running the job twice is safe");
  }
  references(placed);
  overrides(placed, base);
}

void Draft::references(const std::vector<const Workload*>& placed) {
  std::vector<std::string> secrets;
  std::vector<std::string> configmaps;
  std::unordered_set<std::string_view> seen_secrets;
  std::unordered_set<std::string_view> seen_configmaps;
  for (const Workload* w : placed) {
    for (const std::string& name : w->secrets) {
      if (seen_secrets.insert(name).second)
        secrets.push_back(name);
    }
    for (const std::string& name : w->configmaps) {
      if (seen_configmaps.insert(name).second)
        configmaps.push_back(name);
    }
  }
  auto list = [&](std::string_view key, const std::vector<std::string>& names) {
    if (names.empty())
      return;
    std::string items;
    for (const std::string& name : names) items += (items.empty() ? "" : ", ") + yaml_scalar(name);
    line(fmt::format("    {}: [{}]", key, items));
  };
  list("secrets", secrets);
  list("configmaps", configmaps);
}

// Per-region values that differ from the first region's.
void Draft::overrides(const std::vector<const Workload*>& placed, const Workload& base) {
  line("    regions:");
  for (const Workload* w : placed) {
    std::string fields;
    auto add = [&](std::string_view key, const std::string& value) {
      fields += fmt::format("{}{}: {}", fields.empty() ? "" : ", ", key, value);
    };
    if (w->image.known() && w->image.value != base.image.value)
      add("image", yaml_scalar(w->image.value));
    if (w->min_scale.known() && (!base.min_scale.known() || w->min_scale.value != base.min_scale.value))
      add("min_scale", std::to_string(w->min_scale.value));
    if (w->max_scale.known() && (!base.max_scale.known() || w->max_scale.value != base.max_scale.value))
      add("max_scale", std::to_string(w->max_scale.value));
    line(fmt::format(
        "      {}: {}{}", yaml_scalar(w->region), fields.empty() ? "{}" : "{ " + fields + " }",
        w->image.known() ? std::string() : fmt::format("  # TODO image here: {}", withheld(w->image.state))));
  }
}

// Secrets or config maps: those Terraform defines, then those only referenced.
void Draft::artifacts(bool secrets) {
  struct Entry {
    std::string format;
    std::string defined_by;
    std::string used_by;
  };
  std::vector<std::string> names;
  std::unordered_map<std::string, Entry> entries;
  auto entry = [&](const std::string& name) -> Entry& {
    if (entries.find(name) == entries.end())
      names.push_back(name);
    return entries[name];
  };
  for (const terraform::Artifact& artifact : m_in.artifacts) {
    if (artifact.secret != secrets || !artifact.name.known())
      continue;
    Entry& e = entry(artifact.name.value);
    e.defined_by = e.defined_by.empty() ? artifact.address : e.defined_by;
    if (artifact.format.known() && e.format.empty())
      e.format = artifact.format.value;
  }
  for (const Workload& w : m_in.workloads) {
    for (const std::string& name : secrets ? w.secrets : w.configmaps) {
      Entry& e = entry(name);
      e.used_by = e.used_by.empty() ? w.address : e.used_by;
    }
    if (secrets && w.registry_secret.known()) {
      Entry& e = entry(w.registry_secret.value);
      e.used_by = e.used_by.empty() ? w.address : e.used_by;
      e.format = e.format.empty() ? "registry" : e.format;
    }
  }
  for (const terraform::DomainMapping& mapping : m_in.domain_mappings) {
    if (secrets && mapping.tls_secret.known()) {
      Entry& e = entry(mapping.tls_secret.value);
      e.used_by = e.used_by.empty() ? mapping.address : e.used_by;
      e.format = e.format.empty() ? "tls" : e.format;
    }
  }
  if (names.empty())
    return;
  line(secrets ? "secrets:" : "configmaps:");
  for (const std::string& name : names) {
    const Entry& e = entries[name];
    line(fmt::format("  - name: {}  # {}", yaml_scalar(name),
                     e.defined_by.empty()
                         ? fmt::format("TODO referenced by {}, but no Terraform resource defines it", note(e.used_by))
                         : note(e.defined_by)));
    if (!e.format.empty() && !terraform::deploy_secret_format(e.format).empty())
      line(fmt::format("    format: {}", terraform::deploy_secret_format(e.format)));
    else if (!e.format.empty())
      todo("    ", fmt::format("format: the provider's '{}' has no `secret create --format` equivalent", e.format));
    todo("    ",
         "source: secrets-manager, file or manual: where a restore re-creates it from (default secrets-manager)");
  }
}

// Data services: a region when Terraform names one; cross-region and single-site buckets are
// left for the team to place.
void Draft::data() {
  bool opened = false;
  for (const terraform::DataStore& store : m_in.data_stores) {
    const std::string name = store.name.known() ? store.name.value : store.address;
    if (!store.location.known() || store.location.value.find('-') == std::string::npos) {
      const std::string where = store.cross_region_location.known()
                                    ? fmt::format("is a cross-region bucket ({})", store.cross_region_location.value)
                                : store.location.known() ? fmt::format("is in '{}', not a region", store.location.value)
                                                         : "has no region in Terraform";
      todo("", fmt::format("data store {} ({}) {}: add it under data with the region the apps use it from", name,
                           store.address, where));
      // A cross-region bucket keeps copies in several regions of its geography by itself.
      line(fmt::format("#  - {{ name: {}, region: REGION{} }}", yaml_scalar(name),
                       store.cross_region_location.known() ? ", cross_region_copy: true" : ""));
      continue;
    }
    if (!opened)
      line("data:");
    opened = true;
    line(fmt::format("  - name: {}  # {}", yaml_scalar(name), note(store.address)));
    line(fmt::format("    region: {}", yaml_scalar(store.location.value)));
    todo("    ", "backup_interval, replica_in or backup_in, restore_time: Terraform does not say how it is backed up");
  }
}

}  // namespace

std::string terraform_draft(const Inventory& inventory) {
  if (inventory.projects.empty())
    throw input_error(inventory.source, {}, "no ibm_code_engine_project in this plan or state: nothing to import");
  return Draft(inventory).write();
}

}  // namespace ceplan::render
