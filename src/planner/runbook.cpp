// `ceplan runbook`: re-create the project in another region, step by step (SPEC §5). Code
// Engine backs up project metadata but does not restore workloads: this is that restore.
#include "planner/runbook.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "model/registry.hpp"
#include "planner/ibmcloud.hpp"

namespace ceplan {
namespace {

namespace ibm = planner;

constexpr std::string_view serves_again = "the project serves again";
constexpr std::string_view work_can_run = "scheduled and on-demand work can run";

class RunbookBuilder {
public:
  RunbookBuilder(const Deployment& d, const Catalog& catalog, Runbook& out)
      : m_d(d), m_catalog(catalog), m_out(out), m_list(d, out.steps) {}

  void build() {
    preflight();
    restore_project();
    restore_artifacts();
    restore_data();
    restore_workloads();
    restore_schedules();
    cut_over();
    verify();
    fail_back();
  }

private:
  std::string rto() const { return m_list.rto(serves_again); }

  // The project already exists in `to` when it is a project region other than a recovery one
  // (a recovery region holds nothing until this runbook runs).
  bool project_exists_in_target() const {
    const ProjectRegion* region = m_d.region(m_out.to);
    return region != nullptr && region->role != Role::recovery;
  }

  bool runs_in_target(const std::vector<Ref>& regions) const {
    return project_exists_in_target() &&
           std::any_of(regions.begin(), regions.end(), [&](const Ref& r) { return r.name == m_out.to; });
  }

  void preflight() {
    const Region* from = m_catalog.find(m_out.from);
    m_list.add("confirm-outage", "preflight",
               fmt::format("Confirm that {} is unavailable on the IBM Cloud status page", m_out.from), "",
               "the status page lists the region as unavailable, or the team has declared a disaster", rto());
    m_list.add("stop-source-schedules", "preflight",
               fmt::format("Make sure no schedule can fire in {}: delete its cron subscriptions as soon as the "
                           "region answers, or confirm it is down",
                           m_out.from),
               ibm::delete_schedules(m_out.from, m_d.project, all_jobs()),
               fmt::format("{} in {} shows none of the project's schedules, or the region is confirmed down",
                           ibm::list_crons(), m_out.from),
               "no job runs twice");
    const std::string endpoint = from != nullptr && from->backup_endpoint ? *from->backup_endpoint : "";
    m_list.add("decide", "decide",
               fmt::format("Decide to restore project {} into {}: IBM backs up its metadata{}, but does not restore "
                           "workloads",
                           m_d.project, m_out.to,
                           endpoint.empty() ? std::string(" (no published cross-regional endpoint for this region)")
                                            : fmt::format(" to the {} cross-regional endpoint", endpoint)),
               "", "the incident lead has approved the restore and noted the time", rto());
  }

  void restore_project() {
    m_list.add("target-region", "restore", fmt::format("Target {}", m_out.to), ibm::target(m_out.to),
               fmt::format("{} shows region {}", ibm::show_target(), m_out.to), rto());
    const std::string check = fmt::format("{} shows status active", ibm::get_project(m_d.project));
    if (project_exists_in_target()) {
      m_list.add("select-project", "restore",
                 fmt::format("Select project {}, which already exists in {}", m_d.project, m_out.to),
                 ibm::select_project(m_d.project), check, rto());
    } else {
      m_list.add("create-project", "restore", fmt::format("Create project {} in {}", m_d.project, m_out.to),
                 ibm::create_project(m_d.project), check, rto());
    }
  }

  // Secrets and config maps first, in the order the file first uses them, so that every app
  // and job finds what it references.
  void restore_artifacts() {
    for (const Artifact* secret : in_use_order(m_d.secrets, true)) {
      const std::string& name = secret->name.name;
      if (project_exists_in_target()) {
        m_list.add("secret-" + name, "restore", fmt::format("Check that secret {} exists", name),
                   ibm::get_secret(*secret),
                   "the secret is listed with the expected keys; if not, create it as in a new region", rto());
        continue;
      }
      m_list.add("secret-" + name, "restore",
                 fmt::format("Create secret {} from {}{}", name,
                             secret->source == Source::manual ? "the value the team keeps (source: manual)"
                                                              : std::string(to_string(secret->source)),
                             secret->format == "tls" ? " (the certificate key and chain)" : ""),
                 ibm::create_secret(*secret, registry_server(*secret)),
                 fmt::format("{} lists the expected keys", ibm::get_secret(*secret)), rto());
    }
    for (const Artifact* configmap : in_use_order(m_d.configmaps, false)) {
      const std::string& name = configmap->name.name;
      if (project_exists_in_target()) {
        m_list.add("configmap-" + name, "restore", fmt::format("Check that config map {} exists", name),
                   ibm::get_configmap(*configmap),
                   "the config map is listed with the expected keys; if not, create it as in a new region", rto());
        continue;
      }
      m_list.add("configmap-" + name, "restore",
                 fmt::format("Create config map {} from {}", name, to_string(configmap->source)),
                 ibm::create_configmap(*configmap),
                 fmt::format("{} lists the expected keys", ibm::get_configmap(*configmap)), rto());
    }
  }

  void restore_data() {
    for (const DataStore& store : m_d.data) {
      m_list.add("data-" + store.name.name, "restore", data_step_title(store, m_out.to), "",
                 "the apps' connection settings point at the restored data; note the time of the backup used",
                 m_list.rpo("data loss is bounded by the last backup"));
    }
  }

  void restore_workloads() {
    for (const App& app : m_d.apps) {
      if (runs_in_target(app.regions)) {
        m_list.add("app-" + app.name.name, "restore",
                   fmt::format("Check that app {} already runs in {}", app.name.name, m_out.to), ibm::get_app(app),
                   "the application is Ready; scale it up if it will now take all traffic", rto());
        continue;
      }
      m_list.add("app-" + app.name.name, "restore", fmt::format("Create app {}", app.name.name),
                 ibm::create_app(app, m_out.to), fmt::format("{} shows the application Ready", ibm::get_app(app)),
                 rto());
    }
    for (const Job& job : m_d.jobs) {
      if (runs_in_target(job.regions)) {
        m_list.add("job-" + job.name.name, "restore",
                   fmt::format("Check that job {} is defined in {}", job.name.name, m_out.to), ibm::get_job(job),
                   "the job definition is listed", std::string(work_can_run));
        continue;
      }
      m_list.add("job-" + job.name.name, "restore", fmt::format("Create job {}", job.name.name),
                 ibm::create_job(job, m_out.to), fmt::format("{} shows the definition", ibm::get_job(job)),
                 std::string(work_can_run));
    }
  }

  void restore_schedules() {
    for (const Job& job : m_d.jobs) {
      if (!job.schedule)
        continue;
      m_list.add(
          "cron-" + job.name.name, "restore",
          fmt::format("Create the schedule of job {} (only after stop-source-schedules is checked off)", job.name.name),
          ibm::create_cron(job), fmt::format("{} shows schedule {}", ibm::get_cron(job), job.schedule->name),
          "no job runs twice; scheduled work continues");
    }
  }

  void cut_over() {
    const auto& proxy = m_d.failover.edge_proxy;
    if (!proxy || proxy->domain.empty()) {
      m_list.add("announce-urls", "cut over",
                 "Give clients the new application URLs: nothing routes traffic automatically", "",
                 "the URLs that ibmcloud ce application get shows answer", rto());
      return;
    }
    if (m_d.apps.empty())
      return;
    const App& front = m_d.apps.front();
    if (runs_in_target(front.regions)) {
      // The multi-region set-up already mapped the domain and added this region's origin pool.
      m_list.add("domain-mapping", "cut over",
                 fmt::format("Check the mapping of {} to app {} in {}", proxy->domain, front.name.name, m_out.to),
                 ibm::get_domain_mapping(proxy->domain), "the domain mapping is Ready with a CNAME target", rto());
      m_list.add("edge-proxy-origin", "cut over",
                 fmt::format("In CIS, check that the origin pool of {} is healthy and the load balancer for {} sends "
                             "traffic to it",
                             m_out.to, proxy->domain),
                 "", fmt::format("{} answers from {}", proxy->domain, m_out.to), rto());
      return;
    }
    map_domain(*proxy, front);
  }

  void map_domain(const EdgeProxy& proxy, const App& front) {
    const std::string secret = proxy.tls_secret ? proxy.tls_secret->name : m_d.project + "-tls";
    if (!proxy.tls_secret || !has_secret(secret)) {
      const Artifact tls{Ref{secret, {}}, Source::manual, {}, "tls"};
      m_list.add("secret-" + secret, "cut over",
                 fmt::format("Create TLS secret {} for {} from the public CA's certificate", secret, proxy.domain),
                 ibm::create_secret(tls), fmt::format("{} shows tls.crt and tls.key", ibm::get_secret(tls)), rto());
    }
    m_list.add("domain-mapping", "cut over",
               fmt::format("Map {} to app {} in {}", proxy.domain, front.name.name, m_out.to),
               ibm::create_domain_mapping(proxy.domain, front, secret),
               fmt::format("{} shows it Ready with a CNAME target", ibm::get_domain_mapping(proxy.domain)), rto());
    m_list.add("edge-proxy-origin", "cut over",
               fmt::format("In CIS, add an origin pool for {} (origin: the domain mapping's CNAME target, host header "
                           "{}) and put it in the global load balancer for {}",
                           m_out.to, proxy.domain, proxy.domain),
               "", fmt::format("the pool is healthy in CIS and {} answers from {}", proxy.domain, m_out.to), rto());
  }

  void verify() {
    for (const App& app : m_d.apps) {
      const std::string path = m_d.failover.edge_proxy ? m_d.failover.edge_proxy->health_check.path : "/";
      m_list.add("verify-app-" + app.name.name, "verify", fmt::format("Check that app {} serves", app.name.name),
                 ibm::get_app(app), fmt::format("status Ready, and its URL answers 2xx on {}", path), rto());
    }
    for (const Job& job : m_d.jobs) {
      if (job.idempotent) {
        m_list.add("verify-job-" + job.name.name, "verify",
                   fmt::format("Run job {} once (it is idempotent)", job.name.name), ibm::submit_jobrun(job),
                   "the job run succeeds", std::string(work_can_run));
      } else {
        m_list.add("verify-job-" + job.name.name, "verify",
                   fmt::format("Check job {}'s definition without running it (it is not idempotent)", job.name.name),
                   ibm::get_job(job), "image, secrets and config maps match the deploy file", "no job runs twice");
      }
    }
  }

  void fail_back() {
    m_list.add(
        "fail-back", "fail back",
        fmt::format("When {} recovers: before anything else, delete its cron subscriptions; then decide "
                    "whether to move back and run this runbook the other way",
                    m_out.from),
        ibm::delete_schedules(m_out.from, m_d.project, all_jobs()),
        fmt::format("only one region runs each schedule: {} in {} shows none of them", ibm::list_crons(), m_out.from),
        "no job runs twice; no unwanted app instances");
  }

  std::vector<const Job*> all_jobs() const {
    std::vector<const Job*> jobs;
    for (const Job& job : m_d.jobs) jobs.push_back(&job);
    return jobs;
  }

  // The registry a registry secret logs in to in the target region: where the first workload that
  // uses it pulls its image from there.
  std::string registry_server(const Artifact& secret) const {
    auto pulls_with = [&](const Workload& w) {
      return w.registry_secret && w.registry_secret->name == secret.name.name;
    };
    for (const App& app : m_d.apps) {
      if (pulls_with(app))
        return std::string(registry_host(app.image_in(m_out.to).name));
    }
    for (const Job& job : m_d.jobs) {
      if (pulls_with(job))
        return std::string(registry_host(job.image_in(m_out.to).name));
    }
    return {};
  }

  bool has_secret(const std::string& name) const {
    return std::any_of(m_d.secrets.begin(), m_d.secrets.end(), [&](const Artifact& s) { return s.name.name == name; });
  }

  // Declared artifacts in the order apps, jobs and the edge proxy first use them; unused ones
  // last, so the runbook still re-creates everything the file declares.
  std::vector<const Artifact*> in_use_order(const std::vector<Artifact>& declared, bool secrets) const {
    std::vector<const Artifact*> out;
    std::set<std::string> seen;
    auto use = [&](const std::string& name) {
      auto it = std::find_if(declared.begin(), declared.end(), [&](const Artifact& a) { return a.name.name == name; });
      if (it != declared.end() && seen.insert(name).second)
        out.push_back(&*it);
    };
    for (const App& app : m_d.apps) {
      for (const Ref& ref : secrets ? app.secrets : app.configmaps) use(ref.name);
    }
    for (const Job& job : m_d.jobs) {
      for (const Ref& ref : secrets ? job.secrets : job.configmaps) use(ref.name);
    }
    if (secrets && m_d.failover.edge_proxy && m_d.failover.edge_proxy->tls_secret) {
      use(m_d.failover.edge_proxy->tls_secret->name);
    }
    for (const Artifact& artifact : declared) use(artifact.name.name);
    return out;
  }

  const Deployment& m_d;
  const Catalog& m_catalog;
  Runbook& m_out;
  Checklist m_list;
};

}  // namespace

Runbook restore_runbook(const Deployment& d, const Catalog& catalog, const std::string& to, const std::string& from) {
  Runbook out;
  out.project = d.project;
  out.to = catalog.at(to).id;
  if (!from.empty()) {
    out.from = catalog.at(from).id;
  } else if (const ProjectRegion* primary = d.first_with_role(Role::primary)) {
    out.from = primary->id.name;
  } else if (!d.regions.empty()) {
    out.from = d.regions.front().id.name;
  }
  if (out.from == out.to) {
    throw InputError(Diagnostic{
        {},
        {},
        fmt::format("cannot restore from {} into the same region; choose --restore-to another region", out.to)});
  }
  RunbookBuilder(d, catalog, out).build();
  return out;
}

}  // namespace ceplan
