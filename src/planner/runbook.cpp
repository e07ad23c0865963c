// `ceplan runbook`: re-create the project in another region, step by step (docs/planner.md). Code
// Engine backs up project metadata but does not restore workloads: this is that restore.
#include "planner/runbook.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "model/figures.hpp"
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

  // confirm, decide, fence, restore data, re-create, cut over, verify, fail back: every step that
  // changes something comes after the decision, and traffic after the data.
  void build() {
    preflight();
    m_list.fence_traffic({m_out.from});
    m_list.stop_schedules(m_out.from);
    restore_project();
    restore_artifacts();
    restore_data();
    check_images();
    restore_workloads();
    restore_schedules();
    cut_over();
    verify();
    m_list.fail_back(m_out.from, "fail-back");
  }

private:
  std::string rto() const { return m_list.rto(serves_again); }

  // The project already exists in `to` when it is a project region other than a recovery one
  // (a recovery region holds nothing until this runbook runs).
  bool project_exists_in_target() const {
    const ProjectRegion* region = m_d.region(m_out.to);
    return region != nullptr && region->role != Role::recovery;
  }

  bool runs_in_target(const Workload& workload) const {
    return project_exists_in_target() && workload.runs_in(m_out.to);
  }

  void preflight() {
    const Region* from = m_catalog.find(m_out.from);
    m_list.add("confirm-outage", "preflight",
               fmt::format("Confirm that {} is unavailable on the IBM Cloud status page", m_out.from), "",
               "the status page lists the region as unavailable, or the team has declared a disaster", rto());
    const std::string endpoint = from != nullptr && from->backup_endpoint ? *from->backup_endpoint : "";
    m_list.add("decide", "decide",
               fmt::format("Decide to restore project {} into {}: IBM backs up its metadata{}, but does not restore "
                           "workloads",
                           m_d.project, m_out.to,
                           endpoint.empty() ? std::string(" (no published cross-regional endpoint for this region)")
                                            : fmt::format(" to the {} cross-regional endpoint", endpoint)),
               "", "the incident lead has approved the restore and noted the time; every later step changes something",
               rto());
  }

  void restore_project() {
    const std::string group = m_d.resource_group
                                  ? fmt::format(" and resource group {}", m_d.resource_group->name)
                                  : std::string(" and the project's resource group (set RESOURCE_GROUP)");
    // The resource group matters only where the project is created.
    m_list.add("target-region", "restore",
               fmt::format("Target {}{}", m_out.to, project_exists_in_target() ? std::string() : group),
               project_exists_in_target() ? ibm::target(m_out.to) : ibm::target(m_out.to, m_d.resource_group),
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
    const auto servers = registry_servers();
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
                 ibm::create_secret(*secret, servers.contains(name) ? servers.at(name) : std::string()),
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

  // Only the stores that lived in the lost region need recovering.
  void restore_data() {
    for (const DataStore& store : m_d.data) {
      if (store.region.name == m_out.from) {
        m_list.recover_data(store, m_out.to, {},
                            [this](const App& app, std::string_view) { return runs_in_target(app); });
      }
    }
  }

  // IBM replicates no registry: each image must already be where the target region pulls from.
  // An image in the lost region's registry (icr.io is in us-east) cannot be pulled at all: the
  // runbook says so before any re-creation, rather than print commands that cannot work.
  void check_images() {
    std::vector<std::string> images;
    std::vector<std::string> lost;
    std::unordered_set<std::string> seen;
    auto note = [&](const Workload& workload) {
      const std::string& image = workload.image_in(m_out.to).name;
      if (!seen.insert(image).second)
        return;
      images.push_back(image);
      if (registry_region(image, m_catalog) == m_out.from)
        lost.push_back(image);
    };
    for (const App& app : m_d.apps) note(app);
    for (const Job& job : m_d.jobs) note(job);
    if (images.empty())
      return;
    std::string title = fmt::format("Check that every image {} pulls is in its registry: {}", m_out.to,
                                    fmt::format("{}", fmt::join(images, ", ")));
    if (!lost.empty()) {
      const std::string blocked = fmt::format(
          "{} {} in a registry in {}, the lost region, and cannot be pulled; copy {} to a registry of "
          "a region that survives (such as {}'s), name the copy in the deploy file (regions: {{ {}: "
          "{{ image: ... }} }}) and print this runbook again before re-creating anything",
          fmt::join(lost, ", "), lost.size() == 1 ? "is" : "are", m_out.from, lost.size() == 1 ? "it" : "them",
          m_out.to, m_out.to);
      m_out.notes.push_back(blocked);
      title += ". Stop first: " + blocked;
    }
    m_list.add("check-images", "restore", title, "",
               "the registry lists each image and tag (IBM does not copy images between registries)", rto());
  }

  void restore_workloads() {
    for (const App& app : m_d.apps) {
      if (runs_in_target(app)) {
        m_list.add("app-" + app.name.name, "restore",
                   fmt::format("Scale app {}, which already runs in {}, to take all traffic", app.name.name, m_out.to),
                   ibm::scale_app(app),
                   fmt::format("{} shows the application Ready at its full scale", ibm::get_app(app)), rto());
        continue;
      }
      m_list.add("app-" + app.name.name, "restore", fmt::format("Create app {}", app.name.name),
                 ibm::create_app(app, m_out.to),
                 fmt::format("{} shows the application Ready; settings the deploy file does not hold (env, probes, "
                             "concurrency) come from IBM's export, {}, taken where it still runs or before the outage",
                             ibm::get_app(app), ibm::export_app(app)),
                 rto());
    }
    for (const Job& job : m_d.jobs) {
      if (runs_in_target(job)) {
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

  // A schedule moves only if it was live in the lost region; one still live in a healthy region
  // stays there, and one already live in the target is only checked.
  void restore_schedules() {
    for (const Job& job : m_d.jobs) {
      if (!job.schedule)
        continue;
      auto live_in = [&](std::string_view region) {
        return std::any_of(job.scheduled_in.begin(), job.scheduled_in.end(),
                           [&](const Ref& ref) { return ref.name == region; });
      };
      std::vector<std::string> elsewhere;
      for (const Ref& region : job.scheduled_in) {
        if (region.name != m_out.from && region.name != m_out.to)
          elsewhere.push_back(region.name);
      }
      if (live_in(m_out.to)) {
        m_list.add("cron-" + job.name.name, "restore",
                   fmt::format("Check the schedule of job {}, already live in {}", job.name.name, m_out.to),
                   ibm::get_cron(job), fmt::format("it shows schedule {}", job.schedule->name),
                   "scheduled work continues; no job runs twice");
      } else if (!elsewhere.empty()) {
        m_list.add("cron-" + job.name.name, "restore",
                   fmt::format("Leave the schedule of job {} where it is live ({}): creating it in {} would run it "
                               "twice",
                               job.name.name, fmt::format("{}", fmt::join(elsewhere, ", ")), m_out.to),
                   "", "no cron subscription for it in the target region", "no job runs twice");
      } else if (live_in(m_out.from)) {
        m_list.add("cron-" + job.name.name, "restore",
                   fmt::format("Create the schedule of job {} (only after stop-schedules-{} is checked off)",
                               job.name.name, m_out.from),
                   ibm::create_cron(job), fmt::format("{} shows schedule {}", ibm::get_cron(job), job.schedule->name),
                   "no job runs twice; scheduled work continues");
        m_list.add("reconcile-" + job.name.name, "restore",
                   fmt::format("Reconcile runs of job {} missed or cut short during the outage", job.name.name),
                   ibm::list_jobruns(job),
                   job.idempotent ? "re-run what was missed (the job is idempotent)"
                                  : "check the job's own output before re-running anything (it is not idempotent)",
                   "no job runs twice; no run is lost");
      }
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
    const App* target = m_d.proxy_target();
    if (target == nullptr)
      return;
    const App& front = *target;
    if (runs_in_target(front)) {
      // The multi-region set-up already mapped the domain and added this region's origin pool.
      m_list.add("domain-mapping", "cut over",
                 fmt::format("Check the mapping of {} to app {} in {}", proxy->domain, front.name.name, m_out.to),
                 ibm::get_domain_mapping(proxy->domain), "the domain mapping is Ready with a CNAME target", rto());
      m_list.add("edge-proxy-origin", "cut over",
                 fmt::format("In CIS, check that the origin pool of {} is healthy and the load balancer for {} sends "
                             "traffic to it",
                             m_out.to, proxy->domain),
                 "", fmt::format("{} answers from {}", proxy->domain, m_out.to), rto());
    } else {
      map_domain(*proxy, front);
    }
    if (!proxy->proxied) {
      m_list.add("wait-dns", "cut over",
                 fmt::format("Wait one DNS TTL ({}) for resolvers to drop the old origin: the load balancer is "
                             "DNS-only",
                             format_duration(proxy->ttl.value)),
                 ibm::wait_seconds(proxy->ttl.value), "the wait has passed before anything is verified", rto());
    }
  }

  void map_domain(const EdgeProxy& proxy, const App& front) {
    const std::string secret = proxy.tls_secret ? proxy.tls_secret->name : m_d.project + "-tls";
    if (!proxy.tls_secret || m_d.secret(secret) == nullptr) {
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
    const auto& proxy = m_d.failover.edge_proxy;
    if (proxy && !proxy->domain.empty()) {
      m_list.add("verify-domain", "verify",
                 fmt::format("Check the service end to end through {}, as clients reach it", proxy->domain),
                 ibm::check_url(proxy->domain, proxy->health_check.path),
                 fmt::format("it answers 2xx from {}", m_out.to), rto());
      m_list.add("verify-certificate", "verify",
                 fmt::format("Check the expiry of the certificate {} serves from {}", proxy->domain, m_out.to),
                 ibm::certificate_expiry(proxy->domain),
                 "notAfter is weeks away: a restored TLS secret can hold an old certificate", rto());
    }
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

  // The registry a registry secret logs in to in the target region: where the first workload that
  // uses it pulls its image from there.
  // The registry each registry secret logs in to: that of the first workload pulling with it,
  // found in one pass so that many secrets and workloads stay linear.
  std::unordered_map<std::string, std::string> registry_servers() const {
    std::unordered_map<std::string, std::string> servers;
    auto note = [&](const Workload& w) {
      if (w.registry_secret)
        servers.emplace(w.registry_secret->name, std::string(registry_host(w.image_in(m_out.to).name)));
    };
    for (const App& app : m_d.apps) note(app);
    for (const Job& job : m_d.jobs) note(job);
    return servers;
  }

  // Declared artifacts in the order apps, jobs and the edge proxy first use them; unused ones
  // last, so the runbook still re-creates everything the file declares.
  std::vector<const Artifact*> in_use_order(const std::vector<Artifact>& declared, bool secrets) const {
    std::unordered_map<std::string_view, const Artifact*> by_name;
    for (const Artifact& artifact : declared) by_name.emplace(artifact.name.name, &artifact);
    std::vector<const Artifact*> out;
    std::unordered_set<std::string_view> seen;
    auto use = [&](const std::string& name) {
      auto it = by_name.find(name);
      if (it != by_name.end() && seen.insert(it->first).second)
        out.push_back(it->second);
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

std::string region_ids(const Deployment& d) {
  std::vector<std::string> ids;
  for (const ProjectRegion& region : d.regions) ids.push_back(region.id.name);
  return fmt::format("{}", fmt::join(ids, ", "));
}

std::string objectives_text(const Deployment& d) {
  std::vector<std::string> parts;
  if (d.objectives.rto)
    parts.push_back("RTO " + format_duration(*d.objectives.rto));
  if (d.objectives.rpo)
    parts.push_back("RPO " + format_duration(*d.objectives.rpo));
  return fmt::format("{}", fmt::join(parts, ", "));
}

std::string workloads_text(const Deployment& d) {
  return fmt::format("the {} app{} and {} job{}", d.apps.size(), d.apps.size() == 1 ? "" : "s", d.jobs.size(),
                     d.jobs.size() == 1 ? "" : "s");
}

// The data term is the one the file can bound; re-creating apps and jobs adds minutes.
std::string estimate_text(const Deployment& d, const std::string& from) {
  std::int64_t data = 0;
  std::vector<std::string> stores;
  for (const DataStore& store : d.data) {
    if (store.region.name == from) {
      data = std::max(data, store.replica_in ? store.promote_time.value : store.restore_time.value);
      stores.push_back(store.name.name);
    }
  }
  if (stores.empty())
    return fmt::format("no data store to recover; then {}", workloads_text(d));
  return fmt::format("at least {} to recover {}, then {}", format_duration(data),
                     fmt::format("{}", fmt::join(stores, ", ")), workloads_text(d));
}

}  // namespace

Runbook restore_runbook(const Deployment& d, const Catalog& catalog, const std::string& to, const std::string& from) {
  Runbook out;
  out.project = d.project;
  out.to = catalog.at(to).id;
  if (!from.empty()) {
    out.from = catalog.at(from).id;
    if (d.region(out.from) == nullptr) {
      throw InputError(Diagnostic{{},
                                  {},
                                  fmt::format("project {} is not in {}; --from must be one of its regions: {}",
                                              d.project, out.from, region_ids(d))});
    }
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
  out.objectives = objectives_text(d);
  out.estimate = estimate_text(d, out.from);
  RunbookBuilder(d, catalog, out).build();
  return out;
}

}  // namespace ceplan
