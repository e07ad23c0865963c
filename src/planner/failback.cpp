// `ceplan failback`: from the state a failover left back to the normal placement, through the same
// planner and world state as plan and runbook (docs/planner.md): data first, then the returning
// region's traffic, then each schedule moved as one delete-then-create, then the takeover region
// scaled back.
#include "planner/failback.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "planner/ibmcloud.hpp"
#include "planner/procedure.hpp"
#include "planner/simulator.hpp"

namespace ceplan {
namespace {

using K = ActionKind;

constexpr std::string_view normal_again = "the normal placement serves again";

// The failover's steps replayed on the scenario's state, then the lost regions back: each as it was
// when it went down (its schedules live, its apps reading the old copy of the data).
WorldState after_failover(const Deployment& d, const Catalog& catalog, const Scenario& scenario,
                          std::vector<std::string>& returning) {
  WorldState state = scenario_state(d, catalog, scenario);
  const ScenarioPlan failover = plan(d, catalog, scenario);
  for (const Step& step : failover.steps) {
    // What was to run "as soon as the region answers" may never have run: the region comes back
    // as it went down, schedules included.
    if (step.when_region_answers)
      continue;
    for (const Action& action : step.actions) apply(state, d, action);
  }
  returning.assign(state.lost.begin(), state.lost.end());
  state.lost.clear();
  for (auto& [id, region] : state.regions) region.reachable = true;
  return state;
}

void stop_duplicates(Procedure& p, const std::vector<std::string>& returning) {
  for (const std::string& region : returning) {
    const RegionState* state = p.state().find(region);
    if (state == nullptr)
      continue;
    std::vector<Action> actions;
    std::vector<Action> runs;
    for (const std::string& job : state->crons) {
      const bool elsewhere = std::any_of(p.state().regions.begin(), p.state().regions.end(), [&](const auto& entry) {
        return entry.first != region && entry.second.crons.contains(job);
      });
      if (elsewhere) {
        actions.push_back(act(K::delete_cron, region, job));
        runs.push_back(act(K::list_jobruns, region, job));
      }
    }
    if (actions.empty())
      continue;
    actions.insert(actions.end(), runs.begin(), runs.end());
    Step step = make_step("stop-duplicate-schedules-" + region, "fence",
                          fmt::format("As soon as {} answers, before deciding anything, delete the schedules it still "
                                      "holds for jobs that now run elsewhere, and look for a run of them in progress "
                                      "there",
                                      region),
                          std::move(actions),
                          fmt::format("{} in {} lists none of them; jobrun list shows no run in progress, or the "
                                      "team has stopped it and checked what it wrote",
                                      planner::list_crons(), region),
                          "no job runs twice");
    step.when_region_answers = true;
    p.add(std::move(step));
  }
}

// A promoted replica cannot rejoin its old leader: a new replica in the returning region, in sync,
// a write freeze, the switch, then the secrets repointed and the readers restarted everywhere.
// Writes stop: the schedules of the jobs that write to the store are deleted, and no run of
// them may still be in progress; the apps' own writes stop by the application's maintenance switch.
void freeze(Procedure& p, const DataStore& store) {
  const std::string& name = store.name.name;
  std::vector<Action> actions;
  std::vector<Action> runs;
  for (const Job& job : p.deployment().jobs) {
    if (!job.uses_data(name))
      continue;
    for (const auto& [id, region] : p.state().regions) {
      if (region.reachable && region.crons.contains(job.name.name)) {
        actions.push_back(act(K::delete_cron, id, job.name.name));
        runs.push_back(act(K::list_jobruns, id, job.name.name));
      }
    }
  }
  const bool jobs = !actions.empty();
  actions.insert(actions.end(), runs.begin(), runs.end());
  // The apps' own maintenance switch has no command: a person throws it, first.
  actions.insert(actions.begin(), act(K::note, {}));
  p.add("freeze-" + name, "restore data",
        fmt::format("Freeze writes to data store {}: stop the apps' writes with the application's own maintenance "
                    "switch (Code Engine and Cloud Databases have none; do not set max scale 0, which means "
                    "unlimited){}",
                    name,
                    jobs ? "; delete the schedules of the jobs that write to it, and wait until no run of them "
                           "is in progress"
                         : ""),
        std::move(actions), "no write reaches the store; jobrun list shows no run in progress",
        p.rpo("no write is lost"));
}

// A promoted replica cannot rejoin its old leader: the returning region gets a new copy of the
// writable one (a replica kept in sync, or, for a store kept by backups, a final backup restored
// after the freeze), then the switch, then the secrets and readers everywhere. The old instance is
// retired only once the normal placement is verified.
void reseed_data(Procedure& p, const WorldState& normal) {
  std::vector<const DataStore*> moved;
  for (const DataStore& store : p.deployment().data) {
    const std::string& name = store.name.name;
    const std::string home = normal.stores.at(name).writable_in;
    const std::string now = p.state().stores.at(name).writable_in;
    if (now == home || now.empty())
      continue;
    const bool replicated = normal.stores.at(name).replica_in.has_value();
    const Step copy = make_step(
        "reseed-" + name, "restore data",
        replicated ? fmt::format("Create a new replica of data store {} in {} from its writable copy in {}, and wait "
                                 "until it is in sync: the old copy in {} is stale and cannot rejoin",
                                 name, home, now, home)
                   : fmt::format("Take a final backup of data store {} in {} and restore it into {}: the old copy in "
                                 "{} is stale",
                                 name, now, home, home),
        {act(K::reseed_store, home, name)},
        replicated ? "the replica reports no lag" : "the restore in the region is complete", p.rpo("no write is lost"));
    if (replicated)
      p.add(copy);
    freeze(p, store);
    if (!replicated)
      p.add(copy);
    p.add("switch-" + name, "restore data",
          fmt::format("Make the copy of data store {} in {} its writable copy (keep the instance in {} until the "
                      "normal placement is verified)",
                      name, home, now),
          {act(K::switch_store, home, name)}, fmt::format("the store accepts writes in {}", home),
          p.rpo("no write is lost"));
    moved.push_back(&store);
  }
  if (moved.empty())
    return;
  p.repoint(moved);
  std::vector<std::string> names;
  std::vector<std::string> manual;  // stores without a secret: their readers are repointed by hand
  for (const DataStore* store : moved) {
    names.push_back(store->name.name);
    if (store_secret(p.deployment(), *store) == nullptr)
      manual.push_back(store->name.name);
  }
  p.add(moved.size() == 1 ? "thaw-" + names.front() : std::string("thaw-data"), "restore data",
        manual.empty()
            ? fmt::format("Lift the write freeze of data store{} {}: the readers now use the switched copies",
                          moved.size() == 1 ? "" : "s", fmt::join(names, ", "))
            : fmt::format("Point the apps that use {} at the switched copies by hand (the deploy file names no "
                          "secret for them), then lift the write freeze",
                          fmt::join(manual, ", ")),
        {}, "the apps accept writes again", p.rpo("no write is lost"));
}

// Redundancy last: a new replica can take hours to sync and must not hold up the cut-over.
void reseed_replicas(Procedure& p, const WorldState& normal) {
  for (const auto& [name, store] : normal.stores) {
    const StoreState& now = p.state().stores.at(name);
    if (store.replica_in && now.replica_in != store.replica_in && now.writable_in == store.writable_in)
      p.add("replica-" + name, "restore data",
            fmt::format("Re-create the read replica of data store {} in {}", name, *store.replica_in),
            {act(K::reseed_store, *store.replica_in, name)}, "the replica reports no lag", "redundancy is back");
  }
}

void return_traffic(Procedure& p, const std::vector<std::string>& returning, const WorldState& normal) {
  for (const std::string& region : returning) {
    const RegionState* want = normal.find(region);
    const RegionState* have = p.state().find(region);
    if (want == nullptr || !want->pool.value_or(false) || have == nullptr || have->pool.value_or(false))
      continue;
    // Code Engine restores nothing by itself: what comes back is checked before it takes traffic.
    std::vector<Action> checks;
    for (const auto& [name, app] : want->apps) {
      if (have->apps.contains(name))
        checks.push_back(act(K::check_app, region, name));
    }
    if (have->domain_mapping)
      checks.push_back(act(K::check_domain, region, {}));
    p.add("check-" + region, "cut over",
          fmt::format("Check that the apps and the domain mapping in {} are Ready before it takes traffic", region),
          std::move(checks), "each application's latest revision is Ready and the domain mapping has its CNAME target",
          p.rto(normal_again));
    p.add("enable-pool-" + region, "cut over",
          fmt::format("In CIS, enable the origin pool of {} again, before any other pool is disabled", region),
          {act(K::enable_pool, region)}, fmt::format("the pool of {} is healthy and takes traffic", region),
          p.rto(normal_again));
  }
  for (const auto& [id, have] : p.state().regions) {
    const RegionState* want = normal.find(id);
    if (have.pool.value_or(false) && (want == nullptr || !want->pool))
      p.add("remove-pool-" + id, "cut over",
            fmt::format("In CIS, take the origin pool of {} out of the load balancer: it served only during the "
                        "outage",
                        id),
            {act(K::remove_pool, id)}, fmt::format("the load balancer no longer lists the pool of {}", id),
            p.rto(normal_again));
  }
}

// Each schedule moves back as one step: deleted where it ran during the outage, then created where
// it normally runs, so that it is never live twice and never missing for long.
void move_schedules_back(Procedure& p, const WorldState& normal) {
  for (const Job& job : p.deployment().jobs) {
    const std::string& name = job.name.name;
    std::vector<Action> actions;
    for (const auto& [id, have] : p.state().regions) {
      const RegionState* want = normal.find(id);
      if (have.crons.contains(name) && (want == nullptr || !want->crons.contains(name)))
        actions.push_back(act(K::delete_cron, id, name));
    }
    for (const auto& [id, want] : normal.regions) {
      const RegionState* have = p.state().find(id);
      if (want.crons.contains(name) && (have == nullptr || !have->crons.contains(name)))
        actions.push_back(act(K::create_cron, id, name));
    }
    if (actions.empty())
      continue;
    const bool deletes = actions.front().kind == K::delete_cron;
    p.add("move-schedule-" + name, "restore",
          deletes ? fmt::format("Move the schedule of job {} back: delete it where it ran during the outage, then "
                                "create it where it normally runs",
                                name)
                  : fmt::format("Create the schedule of job {} where it normally runs again", name),
          std::move(actions), "ibmcloud ce subscription cron list shows it live only where the deploy file says",
          "no job runs twice; scheduled work continues");
  }
}

// The regions that took over return to their normal scale, and lose what they ran only meanwhile.
void scale_back(Procedure& p, const WorldState& normal) {
  std::vector<Step> steps;
  for (const auto& [id, have] : p.state().regions) {
    const RegionState* want = normal.find(id);
    for (const auto& [name, app] : have.apps) {
      const auto normal_app =
          want == nullptr ? std::map<std::string, AppState>::const_iterator() : want->apps.find(name);
      Step step;
      step.phase = "restore";
      if (want == nullptr || normal_app == want->apps.end()) {
        step.id = fmt::format("remove-app-{}-{}", name, id);
        step.title = fmt::format("Delete app {} in {}, which ran there only during the outage", name, id);
        step.actions.push_back(act(K::delete_app, id, name));
      } else if (normal_app->second.min_scale != app.min_scale || normal_app->second.max_scale != app.max_scale) {
        Action scale = act(K::scale_app, id, name);
        scale.min_scale = normal_app->second.min_scale;
        scale.max_scale = normal_app->second.max_scale;
        step.id = fmt::format("scale-back-{}-{}", name, id);
        step.title = fmt::format("Scale app {} in {} back to its normal scale", name, id);
        step.actions.push_back(scale);
      } else {
        continue;
      }
      step.verify = "ibmcloud ce application list shows the normal placement";
      step.objective = std::string(normal_again);
      steps.push_back(std::move(step));
    }
    for (const std::string& job : have.jobs) {
      if (want != nullptr && want->jobs.contains(job))
        continue;
      Step step;
      step.id = fmt::format("remove-job-{}-{}", job, id);
      step.phase = "restore";
      step.title = fmt::format("Delete job {} in {}, which was defined there only during the outage", job, id);
      step.actions.push_back(act(K::delete_job, id, job));
      step.verify = "ibmcloud ce job list shows the normal placement";
      step.objective = std::string(normal_again);
      steps.push_back(std::move(step));
    }
  }
  for (Step& step : steps) p.add(std::move(step));
}

// The instances the failover made writable are retired last, once the normal placement is verified.
void retire_old_copies(Procedure& p, const WorldState& failed_over, const WorldState& normal) {
  for (const auto& [name, store] : normal.stores) {
    const std::string& old = failed_over.stores.at(name).writable_in;
    if (!old.empty() && old != store.writable_in)
      p.add("retire-" + name, "verify",
            fmt::format("Retire the instance of data store {} in {} that served during the outage, now that the "
                        "normal placement is verified (keep it until then: it is the way back)",
                        name, old),
            {}, "no app or job still connects to it", p.rpo("no write is lost"));
  }
}

void verify_back(Procedure& p, const std::vector<std::string>& returning) {
  const Deployment& d = p.deployment();
  if (d.failover.edge_proxy && !d.failover.edge_proxy->domain.empty())
    p.add("verify-domain", "verify",
          fmt::format("Check the service end to end through {}", d.failover.edge_proxy->domain),
          {act(K::check_url, {})}, "it answers 2xx", p.rto(normal_again));
  for (const std::string& region : returning) {
    const RegionState* state = p.state().find(region);
    for (const App& app : d.apps) {
      if (state != nullptr && state->apps.contains(app.name.name))
        p.add(fmt::format("verify-app-{}-{}", app.name.name, region), "verify",
              fmt::format("Check that app {} serves in {}", app.name.name, region),
              {act(K::check_app, region, app.name.name)}, "status Ready", p.rto(normal_again));
    }
  }
}

}  // namespace

Runbook failback(const Deployment& d, const Catalog& catalog, const Scenario& scenario) {
  Runbook out;
  out.project = d.project;
  std::vector<std::string> returning;
  WorldState start = after_failover(d, catalog, scenario, returning);
  out.to = fmt::format("{}", fmt::join(returning, ", "));
  // Service moves back from the regions that carried it while the others were lost.
  std::vector<std::string> serving;
  for (const ProjectRegion& region : d.regions) {
    if (std::find(returning.begin(), returning.end(), region.id.name) == returning.end())
      serving.push_back(region.id.name);
  }
  out.from = fmt::format("{}", fmt::join(serving, ", "));
  out.title = fmt::format("Fail-back: project {} returns to {} after {} {} was lost", d.project, out.to,
                          to_string(scenario.kind), scenario.target);
  out.estimate = "data re-seeding and switch, then traffic and schedules";
  out.objectives = objectives_text(d);
  const WorldState normal = initial_state(d);
  Procedure p(d, catalog, start, out.steps);
  // Fencing the returning region's old schedules cannot wait for the decision: they fire as soon as
  // the region answers.
  stop_duplicates(p, returning);
  p.add("confirm-recovery", "preflight",
        fmt::format("Confirm that {} is healthy again on the IBM Cloud status page", out.to), {},
        "the status page lists the region as available", "move back on facts, not hopes");
  p.add("decide", "decide", fmt::format("Decide to move back to {}, in a quiet hour", out.to), {},
        "the incident lead has approved; every later step changes something", p.rto(normal_again));
  reseed_data(p, normal);
  return_traffic(p, returning, normal);
  move_schedules_back(p, normal);
  scale_back(p, normal);
  reseed_replicas(p, normal);
  verify_back(p, returning);
  retire_old_copies(p, start, normal);
  Goal goal;
  goal.kind = Goal::Kind::failback;
  goal.normal = normal;
  out.start = start;
  out.end = p.state();
  out.unsafe = simulate(d, catalog, std::move(start), out.steps, goal);
  return out;
}

}  // namespace ceplan
