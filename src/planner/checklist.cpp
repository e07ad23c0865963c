#include "planner/checklist.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "model/figures.hpp"
#include "planner/ibmcloud.hpp"

namespace ceplan {

void Checklist::add(std::string id, std::string phase, std::string title, std::string command, std::string verify,
                    std::string objective) {
  m_steps.push_back(Step{std::move(id), std::move(phase), std::move(title), std::move(command), std::move(verify),
                         std::move(objective)});
}

std::vector<const Job*> jobs_scheduled_in(const Deployment& deployment, std::string_view region) {
  std::vector<const Job*> out;
  for (const Job& job : deployment.jobs) {
    const bool live = std::any_of(job.scheduled_in.begin(), job.scheduled_in.end(),
                                  [&](const Ref& ref) { return ref.name == region; });
    if (job.schedule && live) {
      out.push_back(&job);
    }
  }
  return out;
}

std::string data_step_title(const DataStore& store, std::string_view into) {
  const std::string& name = store.name.name;
  if (store.replica_in) {
    return fmt::format("Promote the replica of data store {} in {}", name, store.replica_in->name);
  }
  const std::string target = into.empty() ? std::string() : fmt::format(" into {}", into);
  if (store.backup_in) {
    return fmt::format("Restore data store {}{} from its backup copy in {}", name, target, store.backup_in->name);
  }
  return fmt::format(
      "Restore data store {}{} from its {}", name, target,
      store.cross_region_copy ? "cross-region backup copy" : "latest backup, if one left " + store.region.name);
}

std::string Checklist::rto(std::string_view what) const {
  const auto& rto = m_deployment.objectives.rto;
  return rto ? fmt::format("RTO {}: {}", format_duration(*rto), what) : std::string(what);
}

std::string Checklist::rpo(std::string_view otherwise) const {
  const auto& rpo = m_deployment.objectives.rpo;
  return rpo ? fmt::format("RPO {}: data no older than that", format_duration(*rpo)) : std::string(otherwise);
}

void Checklist::fence_traffic(const std::vector<std::string>& lost) {
  const auto& proxy = m_deployment.failover.edge_proxy;
  if (!proxy || lost.empty()) {
    return;
  }
  const std::string regions = fmt::format("{}", fmt::join(lost, ", "));
  const std::string balancer = proxy->domain.empty() ? std::string("the global load balancer")
                                                     : fmt::format("the load balancer for {}", proxy->domain);
  add("fence-traffic", "fence",
      fmt::format("In CIS, disable the origin pool of {} in {}, so that no traffic returns there when it passes "
                  "health checks again",
                  regions, balancer),
      "",
      fmt::format("the pool of {} shows as disabled; {} steering would otherwise send traffic back to stale data",
                  regions, to_string(proxy->steering)),
      "no traffic reaches a region before its data is reconciled");
}

void Checklist::stop_schedules(std::string_view region) {
  const auto jobs = jobs_scheduled_in(m_deployment, region);
  if (jobs.empty()) {
    return;
  }
  add(fmt::format("stop-schedules-{}", region), "fence",
      fmt::format("Delete the cron subscriptions in {} as soon as the region answers, or confirm it is down: a "
                  "partial outage can still fire them",
                  region),
      planner::delete_schedules(region, m_deployment.project, jobs),
      fmt::format("{} in {} shows none of the project's schedules, or the region is confirmed down",
                  planner::list_crons(), region),
      "no job runs twice");
}

void Checklist::recover_data(const DataStore& store, std::string_view into, const std::vector<std::string>& regions,
                             const std::function<bool(const App&, std::string_view)>& running) {
  add("data-" + store.name.name, "restore data", data_step_title(store, into), "",
      "the store accepts writes where the apps now run; note the time of the newest data it holds",
      rpo("data loss is bounded by the last backup"));
  const Artifact* secret = store.secret ? m_deployment.secret(store.secret->name) : nullptr;
  if (secret == nullptr) {
    return;
  }
  bool restarts = false;
  auto commands_in = [&](std::string_view region) {
    std::string commands = planner::update_secret(*secret);
    for (const App& app : m_deployment.apps) {
      const bool reads = std::any_of(app.secrets.begin(), app.secrets.end(),
                                     [&](const Ref& ref) { return ref.name == secret->name.name; });
      if (reads && running(app, region)) {
        commands += "\n" + planner::restart_app(app);
        restarts = true;
      }
    }
    return commands;
  };
  std::string all;
  for (const std::string& region : regions) {
    all += (all.empty() ? "" : "\n") + planner::in_region(region, m_deployment.project, commands_in(region));
  }
  if (regions.empty())
    all = commands_in(into);
  add("connect-" + store.name.name, "restore data",
      fmt::format("Point secret {} at the recovered data store {}{}", secret->name.name, store.name.name,
                  restarts ? ", and restart the apps that read it (an app reads a changed secret only in a new "
                             "revision)"
                           : "; the apps that read it are created below and read it as they start"),
      all,
      fmt::format("{} shows the new connection settings{}", planner::get_secret(*secret),
                  restarts ? "; the apps' latest revisions are Ready" : ""),
      rpo("data loss is bounded by the last backup"));
}

void Checklist::fail_back(std::string_view region, std::string_view id) {
  const auto jobs = jobs_scheduled_in(m_deployment, region);
  add(std::string(id), "fail back",
      fmt::format("When {} recovers: first delete its cron subscriptions; keep its origin pool disabled; reconcile "
                  "its data from the region that served meanwhile; only then decide to move back (run the runbook "
                  "the other way) and re-enable its pool",
                  region),
      jobs.empty() ? std::string() : planner::delete_schedules(region, m_deployment.project, jobs),
      fmt::format("{} in {} shows no schedule that also runs elsewhere; its data matches the serving region's "
                  "before its pool is enabled",
                  planner::list_crons(), region),
      "no job runs twice; no traffic returns to stale data");
}

}  // namespace ceplan
