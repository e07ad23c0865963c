#include "render/export_draft.hpp"

#include <algorithm>
#include <map>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "render/json_schema.hpp"
#include "render/structured.hpp"
#include "support/error.hpp"

namespace ceplan::render {
namespace {

using live::RegionExport;

// A name and the regions it is live in, in the order of the export's regions.
template <class T>
struct Placed {
  std::string name;
  std::vector<std::pair<const RegionExport*, const T*>> where;
};

// Every object `member` lists, by name, in first-seen order.
template <class T>
std::vector<Placed<T>> by_name(const live::Export& live, const std::vector<T> RegionExport::*member) {
  std::vector<Placed<T>> out;
  std::unordered_map<std::string, std::size_t> index;
  for (const RegionExport& region : live.regions) {
    for (const T& object : region.*member) {
      const auto [it, inserted] = index.emplace(object.name, out.size());
      if (inserted)
        out.push_back({object.name, {}});
      out[it->second].where.emplace_back(&region, &object);
    }
  }
  return out;
}

template <class T>
std::vector<std::string> regions_of(const Placed<T>& placed) {
  std::vector<std::string> regions;
  for (const auto& entry : placed.where) regions.push_back(entry.first->region);
  return regions;
}

// The names `member` lists in any of the app's regions, each once, in first-seen order.
std::vector<std::string> names_of(const Placed<live::App>& app, const std::vector<std::string> live::App::*member) {
  std::vector<std::string> names;
  std::unordered_set<std::string_view> seen;
  for (const auto& entry : app.where) {
    for (const std::string& name : entry.second->*member) {
      if (seen.insert(name).second)
        names.push_back(name);
    }
  }
  return names;
}

std::string list(const std::vector<std::string>& names) {
  std::vector<std::string> items;
  for (const std::string& name : names) items.push_back(yaml_scalar(name));
  return fmt::format("[{}]", fmt::join(items, ", "));
}

class Draft {
public:
  Draft(const live::Export& live, std::string project) : m_in(live), m_project(std::move(project)) {
    for (const RegionExport& region : m_in.regions) {
      for (const live::App& app : region.apps) {
        for (const std::string& secret : app.pull_secrets) m_pull_secrets.emplace(secret, app.name);
      }
    }
  }

  std::string write() {
    header();
    apps();
    jobs();
    artifacts(by_name(m_in, &RegionExport::secrets), "secrets");
    artifacts(by_name(m_in, &RegionExport::configmaps), "configmaps");
    todo("",
         "data: the stores the apps depend on, with backup_interval and replica_in or backup_in; the export "
         "does not describe them");
    return m_out;
  }

private:
  void line(std::string_view text) { m_out += std::string(text) + '\n'; }
  void todo(std::string_view indent, std::string_view text) {
    line(fmt::format("{}# TODO {}", indent, printable(text)));
  }

  void header();
  void apps();
  void app_overrides(const Placed<live::App>& app);
  void jobs();
  template <class T>
  void artifacts(const std::vector<Placed<T>>& entries, std::string_view key);

  const live::Export& m_in;
  std::string m_project;
  std::map<std::string, std::string> m_pull_secrets;  // registry secret -> an app pulling with it
  std::string m_out;
};

void Draft::header() {
  std::vector<std::string> directories;
  for (const RegionExport& region : m_in.regions) directories.push_back(region.directory);
  line(fmt::format("# yaml-language-server: $schema={}", deploy_schema_uri));
  line(fmt::format("# Draft written by `ceplan import ce-export` from {} (IBM's Code Engine export).",
                   printable(fmt::format("{}", fmt::join(directories, ", ")))));
  line("# What the export cannot say is a TODO line: review each before relying on this file.");
  std::vector<std::string> others;
  std::unordered_set<std::string_view> seen;
  for (const RegionExport& region : m_in.regions) {
    for (const std::string& kind : region.other_kinds) {
      if (seen.insert(kind).second)
        others.push_back(kind);
    }
  }
  if (!others.empty())
    line(printable(fmt::format("# The export also holds {}: nothing of them maps to a deploy file.",
                               fmt::format("{}", fmt::join(others, ", ")))));
  line("version: 1");
  line(fmt::format("project: {}", m_project.empty() ? std::string("TODO") : yaml_scalar(m_project)));
  if (m_project.empty())
    todo("", "project: the export does not name its project; write it here or give --project");
  todo("", "objectives: your availability, RTO and RPO targets; the export does not hold them");
  line("# objectives: { availability: 99.95, rto: 15m, rpo: 1h }");
  line("regions:");
  for (const RegionExport& region : m_in.regions)
    line(fmt::format("  - {}  # {}", yaml_scalar(region.region), printable(region.directory)));
  todo("", "failover: the strategy and each region's role (primary, standby); the export does not say them");
  line("# failover: { strategy: warm-standby }");
  for (const auto& mapping : by_name(m_in, &RegionExport::domain_mappings))
    todo("", fmt::format("failover.edge_proxy: domain {} is mapped in {}; add edge_proxy: {{ domain: {} }} with its "
                         "CIS settings",
                         mapping.name, fmt::join(regions_of(mapping), ", "), mapping.name));
}

void Draft::apps() {
  const auto apps = by_name(m_in, &RegionExport::apps);
  if (apps.empty())
    return;
  line("apps:");
  for (const auto& app : apps) {
    const live::App& base = *app.where.front().second;
    line(fmt::format("  - name: {}  # {}", yaml_scalar(app.name), printable(base.origin())));
    const auto imaged = std::find_if(app.where.begin(), app.where.end(),
                                     [](const auto& entry) { return !entry.second->image.empty(); });
    if (imaged == app.where.end())
      todo("    ", "image: no Service of this app names a container image; write it here");
    line(fmt::format("    image: {}",
                     imaged == app.where.end() ? std::string("IMAGE") : yaml_scalar(imaged->second->image)));
    if (!base.pull_secrets.empty())
      line(fmt::format("    registry_secret: {}", yaml_scalar(base.pull_secrets.front())));
    if (base.port)
      line(fmt::format("    port: {}", *base.port));
    if (base.min_scale)
      line(fmt::format("    min_scale: {}", *base.min_scale));
    if (base.max_scale)
      line(fmt::format("    max_scale: {}", *base.max_scale));
    const std::vector<std::string> secrets = names_of(app, &live::App::secrets);
    const std::vector<std::string> configmaps = names_of(app, &live::App::configmaps);
    if (!secrets.empty())
      line(fmt::format("    secrets: {}", list(secrets)));
    if (!configmaps.empty())
      line(fmt::format("    configmaps: {}", list(configmaps)));
    app_overrides(app);
  }
}

// Each region the app is live in, with what differs from the first.
void Draft::app_overrides(const Placed<live::App>& app) {
  const live::App& base = *app.where.front().second;
  line("    regions:");
  for (const auto& [region, running] : app.where) {
    std::vector<std::string> fields;
    if (running->image != base.image && !running->image.empty())
      fields.push_back("image: " + yaml_scalar(running->image));
    if (running->min_scale && running->min_scale != base.min_scale)
      fields.push_back(fmt::format("min_scale: {}", *running->min_scale));
    if (running->max_scale && running->max_scale != base.max_scale)
      fields.push_back(fmt::format("max_scale: {}", *running->max_scale));
    line(fmt::format("      {}: {}", yaml_scalar(region->region),
                     fields.empty() ? std::string("{}") : fmt::format("{{ {} }}", fmt::join(fields, ", "))));
  }
}

void Draft::jobs() {
  const auto jobs = by_name(m_in, &RegionExport::jobs);
  std::unordered_set<std::string> names;
  for (const auto& job : jobs) names.insert(job.name);
  // The live crons of each job, in region order; the rest are reported as unmatched.
  std::map<std::string, std::vector<std::pair<const RegionExport*, const live::Cron*>>> crons;
  for (const RegionExport& region : m_in.regions) {
    for (const live::Cron& cron : region.crons) {
      const std::string job = live::cron_job(cron, names);
      if (!job.empty())
        crons[job].emplace_back(&region, &cron);
      else if (!cron.fires_app())
        todo("", fmt::format("cron subscription {} in {} ({}) fires no job of the export: add its job by hand",
                             cron.name, region.region, cron.origin()));
    }
  }
  if (jobs.empty())
    return;
  // A job without its image would not load: each is written as a comment to complete.
  todo("",
       "jobs: the export names these jobs, but IBM documents no field of a JobDefinition, so not their "
       "images: uncomment each with its image (`ibmcloud ce job get --name JOB` shows it)");
  line("# jobs:");
  for (const auto& job : jobs) {
    line(fmt::format("#   - name: {}  # {}", yaml_scalar(job.name), printable(job.where.front().second->origin())));
    line("#     image: IMAGE");
    if (const auto it = crons.find(job.name); it != crons.end()) {
      const live::Cron& first = *it->second.front().second;
      line(fmt::format("#     schedule: {}", yaml_scalar(first.schedule)));
      if (!first.time_zone.empty())
        line(fmt::format("#     time_zone: {}", yaml_scalar(first.time_zone)));
      std::vector<std::string> scheduled;
      for (const auto& [region, cron] : it->second) {
        scheduled.push_back(region->region);
        if (cron->schedule != first.schedule || cron->time_zone != first.time_zone)
          todo("#     ", fmt::format("schedule: {} runs on '{}' {} in {}", cron->origin(), cron->schedule,
                                     cron->time_zone, region->region));
      }
      line(fmt::format("#     scheduled_in: {}", list(scheduled)));
    }
    line("#     idempotent: false  # TODO true if running the job twice is safe");
    line(fmt::format("#     regions: {}", list(regions_of(job))));
  }
}

// Secrets or config maps by name, with the regions they are live in; never their contents.
template <class T>
void Draft::artifacts(const std::vector<Placed<T>>& entries, std::string_view key) {
  if (entries.empty())
    return;
  line(fmt::format("{}:", key));
  for (const auto& entry : entries) {
    line(fmt::format("  - name: {}  # live in {}", yaml_scalar(entry.name), fmt::join(regions_of(entry), ", ")));
    if constexpr (std::is_same_v<T, live::Secret>) {
      if (const auto it = m_pull_secrets.find(entry.name); it != m_pull_secrets.end())
        line(fmt::format("    format: registry  # app {} pulls with it", it->second));
      else
        todo("    ", fmt::format("format: generic, basic_auth, hmac, registry, ssh or tls (its Kubernetes type is "
                                 "'{}')",
                                 entry.where.front().second->type));
      todo("    ",
           "source: secrets-manager, file or manual: where a restore re-creates it from (default secrets-manager)");
    }
  }
}

}  // namespace

std::string export_draft(const live::Export& live, const std::string& project) {
  if (live.regions.empty())
    throw usage_error("no export to import: give a directory per region");
  return Draft(live, project).write();
}

}  // namespace ceplan::render
