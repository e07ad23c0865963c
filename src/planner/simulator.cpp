#include "planner/simulator.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

namespace ceplan {
namespace {

using K = ActionKind;

// Invariant 4: traffic goes to a region only where the proxied app runs on the writable copy of
// every store it uses.
std::optional<std::string> traffic_problem(const Deployment& d, const WorldState& state, const std::string& region) {
  const App* target = d.proxy_target();
  const RegionState* there = state.find(region);
  if (target == nullptr)
    return std::nullopt;
  const auto app =
      there == nullptr ? std::map<std::string, AppState>::const_iterator() : there->apps.find(target->name.name);
  if (there == nullptr || !state.reachable(region) || app == there->apps.end())
    return fmt::format("traffic enabled to {}, where app {} does not run", region, target->name.name);
  if (const DataStore* stale = stale_store(d, state, *there, target->name.name))
    return fmt::format("traffic enabled to {} before app {} there reads data store {}'s writable copy", region,
                       target->name.name, stale->name.name);
  return std::nullopt;
}

// Invariant 3: the non-idempotent jobs (of `only`, when given) whose schedule is live in two
// reachable regions.
std::vector<std::string> twice(const Deployment& d, const WorldState& state,
                               const std::set<std::string>* only = nullptr) {
  std::vector<const Job*> jobs;  // `only` is looked up, so that a step costs its own schedules
  if (only == nullptr) {
    for (const Job& job : d.jobs) jobs.push_back(&job);
  } else {
    for (const std::string& name : *only) {
      if (const Job* job = d.job(name))
        jobs.push_back(job);
    }
  }
  std::vector<std::string> out;
  for (const Job* declared : jobs) {
    const Job& job = *declared;
    if (job.idempotent)
      continue;
    std::vector<std::string> live;
    for (const auto& [id, region] : state.regions) {
      if (region.reachable && region.crons.contains(job.name.name))
        live.push_back(id);
    }
    if (live.size() > 1)
      out.push_back(fmt::format("invariant 3 (schedules): job {} is not idempotent and its schedule is live in {}",
                                job.name.name, fmt::join(live, " and ")));
  }
  return out;
}

// Invariants 3 and 4 after each step: what the step broke (`before`: what was broken already).
void check_step(const Deployment& d, const WorldState& state, const std::set<std::string>& scheduled,
                const std::vector<std::string>& before, Step& step) {
  for (std::string& problem : twice(d, state, &scheduled)) {
    if (std::find(before.begin(), before.end(), problem) == before.end())
      step.violations.push_back(std::move(problem));
  }
  const bool pools_changed = std::any_of(step.actions.begin(), step.actions.end(), [](const Action& a) {
    return a.kind == K::disable_pool || a.kind == K::remove_pool;
  });
  const App* target = d.proxy_target();
  if (!pools_changed || target == nullptr)
    return;
  const bool any_enabled = std::any_of(state.regions.begin(), state.regions.end(),
                                       [](const auto& entry) { return entry.second.pool.value_or(false); });
  for (const auto& [id, region] : state.regions) {
    if (!any_enabled && region.reachable && region.apps.contains(target->name.name))
      step.violations.push_back(
          fmt::format("invariant 4 (no self-inflicted outage): no origin pool is enabled "
                      "while {} could serve",
                      id));
  }
}

void run_action(const Deployment& d, const Catalog& catalog, WorldState& state, Step& step, const Action& a) {
  const bool targets = in_project(a.kind) || a.kind == K::create_project;
  if (targets && !state.reachable(a.region)) {
    if (!step.when_region_answers)
      step.violations.push_back(fmt::format("invariant 1 (reachable): a command targets {}, which is lost", a.region));
    apply(state, d, a);  // fencing takes effect once the region answers
    return;
  }
  if (auto problem = precondition(state, d, catalog, a))
    step.violations.push_back("invariant 2 (preconditions): " + *problem);
  if (a.kind == K::enable_pool) {
    if (auto problem = traffic_problem(d, state, a.region))
      step.violations.push_back("invariant 4 (traffic): " + *problem);
  }
  apply(state, d, a);
}

}  // namespace

std::vector<std::string> serving_regions(const Deployment& d, const WorldState& state, const std::string& app) {
  const App* target = d.proxy_target();
  const bool pooled = target != nullptr && target->name.name == app;
  std::vector<std::string> out;
  for (const auto& [id, region] : state.regions) {
    if (region.reachable && region.apps.contains(app) && (!pooled || region.pool.value_or(false)))
      out.push_back(id);
  }
  return out;
}

namespace {

void check_reader(const Deployment& d, const WorldState& state, const std::string& region_id, const RegionState& region,
                  const std::string& name, const DataStore& store, std::vector<std::string>& out) {
  const StoreState& now = state.stores.at(store.name.name);
  if (now.writable_in.empty() || !state.reachable(now.writable_in))
    out.push_back(fmt::format("invariant 5 (data): app {} in {} uses data store {}, which has no writable copy", name,
                              region_id, store.name.name));
  else if (!reads_current(state, region, region.apps.at(name), *d.app(name), store))
    out.push_back(
        fmt::format("invariant 5 (data): app {} in {} still reads data store {}'s old location (update "
                    "secret {} there, then restart the app)",
                    name, region_id, store.name.name, store.secret->name));
}

// Only stores an app reaches through a secret it references can be repointed by a step (others are
// a finding in validate): each app is checked against the stores of its own secrets, so the check
// stays linear however many stores every app uses.
void check_readers(const Deployment& d, const WorldState& state, const Goal& goal, std::vector<std::string>& out) {
  std::unordered_map<std::string, std::vector<const DataStore*>> by_secret;
  for (const DataStore& store : d.data) {
    if (store.secret)
      by_secret[store.secret->name].push_back(&store);
  }
  for (const auto& [id, region] : state.regions) {
    if (!region.reachable)
      continue;
    for (const auto& [name, app] : region.apps) {
      const App* declared = d.app(name);
      if (declared == nullptr || goal.down.contains(name))
        continue;
      for (const Ref& secret : declared->secrets) {
        const auto stores = by_secret.find(secret.name);
        if (stores == by_secret.end())
          continue;
        for (const DataStore* store : stores->second) {
          if (declared->uses_data(store->name.name))
            check_reader(d, state, id, region, name, *store, out);
        }
      }
    }
  }
}

// Invariant 3: a live schedule fires on data with no writable copy. The stores without one are
// found once; a job that uses every store is named with the first of them and their count.
void check_jobs(const Deployment& d, const WorldState& state, std::vector<std::string>& out) {
  const std::vector<const DataStore*> unwritable = stores_without_writable_copy(d, state);
  if (unwritable.empty())
    return;
  for (const auto& [id, region] : state.regions) {
    if (!region.reachable)
      continue;
    for (const std::string& name : region.crons) {
      const Job* job = d.job(name);
      if (job == nullptr)
        continue;
      const std::vector<const DataStore*> hit = used_by(d, *job, unwritable);
      if (hit.empty())
        continue;
      const std::string others = hit.size() > 1 ? fmt::format(" and {} other stores", hit.size() - 1) : "";
      out.push_back(
          fmt::format("invariant 3 (schedules): job {} fires in {} on data store {}{}, which has no "
                      "writable copy",
                      name, id, hit.front()->name.name, others));
    }
  }
}

// Invariant 6: each region that takes over carries at least the scale the app had in each lost
// region it ran in. A runbook's takeover region is the one it restores into (the other survivors
// keep their own share); in a plan, every region that serves at the end takes over.
void check_scale(const Deployment& d, const WorldState& start, const WorldState& end, const Goal& goal,
                 std::vector<std::string>& out) {
  for (const App& app : d.apps) {
    const std::string& name = app.name.name;
    if (goal.down.contains(name))
      continue;  // reported down: its data is gone, whatever its scale
    std::vector<std::string> serving = serving_regions(d, end, name);
    if (goal.kind == Goal::Kind::runbook)
      std::erase_if(serving, [&](const std::string& region) { return region != goal.restore_to; });
    for (const std::string& lost : start.lost) {
      const RegionState* before = start.find(lost);
      // An idle standby behind ordered steering carried no load: losing it loses redundancy only.
      if (before == nullptr || !before->apps.contains(name) || !d.serves(lost))
        continue;
      const AppState& replaced = before->apps.at(name);
      for (const std::string& region : serving) {
        const AppState& now = end.find(region)->apps.at(name);
        const bool max_short = replaced.max_scale && now.max_scale && *now.max_scale < *replaced.max_scale;
        if (now.min_scale < replaced.min_scale || max_short)
          out.push_back(fmt::format(
              "invariant 6 (scale): app {} in {} runs at min scale {}, max {}, below {}'s min scale {}, max {}", name,
              region, now.min_scale, now.max_scale ? std::to_string(*now.max_scale) : "default", lost,
              replaced.min_scale, replaced.max_scale ? std::to_string(*replaced.max_scale) : "default"));
      }
    }
  }
}

void check_goal(const Deployment& d, const WorldState& end, const Goal& goal, std::vector<std::string>& out);

}  // namespace

std::vector<std::string> simulate(const Deployment& d, const Catalog& catalog, WorldState start,
                                  std::vector<Step>& steps, const Goal& goal) {
  WorldState state = start;
  std::vector<std::string> out;
  if (goal.kind == Goal::Kind::failback) {
    // A region that comes back with its pool enabled takes traffic before its data is reconciled:
    // the failover did not fence it.
    for (const auto& [id, region] : start.regions) {
      if (region.pool.value_or(false)) {
        if (auto problem = traffic_problem(d, start, id))
          out.push_back(fmt::format("invariant 4 (traffic): the pool of {} was left enabled, so {}", id, *problem));
      }
    }
  }
  for (Step& step : steps) {
    step.violations.clear();
    // Only a step that creates a schedule can make a job live twice; reachability never changes.
    std::set<std::string> scheduled;
    for (const Action& action : step.actions) {
      if (action.kind == K::create_cron)
        scheduled.insert(action.name);
    }
    const std::vector<std::string> before = twice(d, state, &scheduled);
    for (const Action& action : step.actions) run_action(d, catalog, state, step, action);
    check_step(d, state, scheduled, before, step);
  }
  for (std::string& problem : twice(d, state)) out.push_back(std::move(problem));
  check_jobs(d, state, out);
  check_readers(d, state, goal, out);
  if (goal.kind != Goal::Kind::failback)
    check_scale(d, start, state, goal, out);
  check_goal(d, state, goal, out);
  return out;
}

namespace {

void check_restored(const Deployment& d, const WorldState& end, const std::string& to, std::vector<std::string>& out) {
  const RegionState* region = end.find(to);
  std::vector<std::string> missing;
  if (region == nullptr || !region->project) {
    out.push_back(fmt::format("invariant 7 (goal): project {} is not re-created in {}", d.project, to));
    return;
  }
  for (const Artifact& s : d.secrets) {
    if (!region->secrets.contains(s.name.name))
      missing.push_back("secret " + s.name.name);
  }
  for (const Artifact& c : d.configmaps) {
    if (!region->configmaps.contains(c.name.name))
      missing.push_back("config map " + c.name.name);
  }
  for (const App& a : d.apps) {
    if (!region->apps.contains(a.name.name))
      missing.push_back("app " + a.name.name);
  }
  for (const Job& j : d.jobs) {
    if (!region->jobs.contains(j.name.name))
      missing.push_back("job " + j.name.name);
  }
  if (!missing.empty())
    out.push_back(fmt::format("invariant 7 (goal): {} missing in {}", fmt::join(missing, ", "), to));
}

void check_normal(const WorldState& end, const WorldState& normal, std::vector<std::string>& out) {
  for (const auto& [id, want] : normal.regions) {
    const RegionState* have = end.find(id);
    if (have == nullptr)
      continue;
    std::vector<std::string> differences;
    for (const auto& [name, app] : want.apps) {
      const auto it = have->apps.find(name);
      if (it == have->apps.end() || it->second.min_scale != app.min_scale || it->second.max_scale != app.max_scale)
        differences.push_back("app " + name);
    }
    for (const auto& [name, app] : have->apps) {
      if (!want.apps.contains(name))
        differences.push_back("app " + name + " (extra)");
    }
    if (have->crons != want.crons)
      differences.push_back("schedules");
    if (have->pool.value_or(false) != want.pool.value_or(false))
      differences.push_back("origin pool");
    if (!differences.empty())
      out.push_back(fmt::format("invariant 7 (goal): {} in {} differ from the normal placement",
                                fmt::join(differences, ", "), id));
  }
  for (const auto& [name, store] : normal.stores) {
    if (end.stores.at(name).writable_in != store.writable_in)
      out.push_back(fmt::format("invariant 7 (goal): data store {} is writable in {}, not {}", name,
                                end.stores.at(name).writable_in, store.writable_in));
  }
}

void check_goal(const Deployment& d, const WorldState& end, const Goal& goal, std::vector<std::string>& out) {
  switch (goal.kind) {
    case Goal::Kind::plan:
      for (const App& app : d.apps) {
        const bool down = goal.down.contains(app.name.name);
        if (!down && serving_regions(d, end, app.name.name).empty())
          out.push_back(fmt::format("invariant 7 (goal): app {} serves from no reachable region", app.name.name));
      }
      break;
    case Goal::Kind::runbook: check_restored(d, end, goal.restore_to, out); break;
    case Goal::Kind::failback: check_normal(end, goal.normal, out); break;
  }
}

}  // namespace

}  // namespace ceplan
