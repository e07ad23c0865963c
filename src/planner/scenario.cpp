// `ceplan plan`: what survives a zone, region or geography outage, and the checklist for it.
#include <algorithm>
#include <set>
#include <unordered_set>

#include <fmt/format.h>

#include "planner/scenario.hpp"

#include "model/capacity.hpp"
#include "model/registry.hpp"
#include "planner/dependencies.hpp"
#include "planner/simulator.hpp"
#include "planner/takeover.hpp"
#include "support/lists.hpp"
#include "support/spellcheck.hpp"

namespace ceplan {
namespace {

std::vector<std::string> names_of(const std::vector<Ref>& refs) {
  std::vector<std::string> out;
  for (const Ref& ref : refs) add_once(out, ref.name);
  return out;
}

// How an outage touches a workload's regions.
struct Impact {
  std::vector<std::string> survivors;  // its regions that are not lost, in file order
  bool hit = false;                    // one of its regions is lost
  bool zone_hit = false;               // a surviving region loses a zone
};

// The regions a workload runs in normally: under pilot-light and backup-restore a standby's entry
// is a template, not a placement (SPEC §8).
std::vector<Ref> placed(const Deployment& d, const Workload& workload) {
  std::vector<Ref> out;
  for (const Ref& region : workload.regions) {
    if (d.places(workload, region.name))
      out.push_back(region);
  }
  return out;
}

Impact impact_on(const std::vector<Ref>& regions, const ScenarioPlan& plan) {
  Impact impact;
  for (const std::string& region : names_of(regions)) {
    if (contains(plan.lost, region)) {
      impact.hit = true;
    } else {
      impact.survivors.push_back(region);
      impact.zone_hit = impact.zone_hit || contains(plan.degraded, region);
    }
  }
  return impact;
}

constexpr std::string_view apps_serve = "apps serve again";

void zone_steps(Procedure& p, const ScenarioPlan& plan) {
  const Deployment& d = p.deployment();
  if (plan.degraded.empty()) {
    p.add("confirm-unaffected", "verify", "Confirm the zone is outside every region of the project", {},
          "the zone's region is not one the project lists", "no action needed");
    return;
  }
  const std::string& region = plan.degraded.front();
  p.add("confirm-zone-outage", "preflight",
        fmt::format("Confirm the outage of zone {} on the IBM Cloud status page", plan.scenario.target), {},
        "the status page lists the zone as degraded", "decide on facts, not alarms");
  const RegionState* state = p.state().find(region);
  for (const App& app : d.apps) {
    if (state != nullptr && state->apps.contains(app.name.name))
      p.add("check-app-" + app.name.name, "verify",
            fmt::format("Check that Code Engine re-created app {} in another zone of {}", app.name.name, region),
            {act(ActionKind::check_app, region, app.name.name)}, "the application reports Ready and its URL answers",
            p.rto(apps_serve));
  }
  for (const Job& job : d.jobs) {
    if (state != nullptr && state->jobs.contains(job.name.name))
      p.add("check-job-" + job.name.name, "verify",
            fmt::format("Check that job {} is still defined in {}", job.name.name, region),
            {act(ActionKind::check_job, region, job.name.name)},
            "the job definition is listed; Code Engine replicates definitions across zones",
            "jobs keep running on schedule");
  }
}

// How long CIS takes to move an app's traffic: its failover without the data and the decision.
std::int64_t edge_seconds(const AppOutcome& outcome) {
  return outcome.failover ? outcome.failover->detection + outcome.failover->propagation + outcome.failover->warmup : 0;
}

// Apps that keep serving elsewhere: the regions now serving them take the lost regions' load.
void failover_steps(Procedure& p, const ScenarioPlan& plan) {
  const Deployment& d = p.deployment();
  const std::string lost = fmt::format("{}", fmt::join(plan.lost, ", "));
  for (std::size_t i = 0; i < plan.apps.size(); ++i) {
    const AppOutcome& outcome = plan.apps[i];
    const App& app = d.apps[i];
    // A down app has nothing to check: it cannot reach its data yet.
    if ((outcome.routing != AppStatus::fails_over && outcome.routing != AppStatus::manual_failover) ||
        outcome.status == AppStatus::down)
      continue;
    // Without its registry the app cannot scale up: the freeze step says it serves as it is.
    if (outcome.lost_registry.empty()) {
      for (const std::string& region : outcome.serving_regions)
        bring_up_workloads(p, Takeover{region, plan.lost, {&app}, {}, false});
    }
    const std::string serving = fmt::format("{}", fmt::join(outcome.serving_regions, ", "));
    if (outcome.routing == AppStatus::fails_over)
      p.add("check-failover-" + app.name.name, "cut over",
            fmt::format("Check that the edge proxy moved app {}'s traffic to {}", app.name.name, serving), {},
            fmt::format(
                "in the CIS load balancer, the origin pools of {} are disabled or unhealthy and {} serve; the domain "
                "answers within {} of the outage (detection, propagation, warm-up)",
                lost, serving, format_duration(edge_seconds(outcome))),
            p.rto(apps_serve));
    else
      p.add("switch-traffic-" + app.name.name, "cut over",
            fmt::format("Send app {}'s users to {}: nothing switches traffic automatically", app.name.name, serving),
            {act(ActionKind::check_app, outcome.serving_regions.front(), app.name.name)},
            "clients reach the URL that application get shows", p.rto(apps_serve));
  }
}

// The workloads no surviving region runs, re-created in the region that takes over.
Takeover takeover_of(const Deployment& d, const ScenarioPlan& plan) {
  Takeover t{takeover_region(d, plan.lost), plan.lost, {}, {}, false};
  if (t.region.empty())
    return t;
  for (std::size_t i = 0; i < plan.apps.size(); ++i) {
    if (plan.apps[i].status == AppStatus::down && plan.apps[i].data->lost.empty() &&
        plan.apps[i].lost_registry.empty() && plan.apps[i].lost_secret.empty())
      t.apps.push_back(&d.apps[i]);
  }
  for (std::size_t i = 0; i < plan.jobs.size(); ++i) {
    if (plan.jobs[i].status == JobStatus::down && plan.jobs[i].regions.empty() && plan.jobs[i].lost_registry.empty() &&
        plan.jobs[i].lost_secret.empty())
      t.jobs.push_back(&d.jobs[i]);
  }
  return t;
}

// The lost project regions, then the other lost regions the file depends on.
std::string outage_text(const Deployment& d, const Catalog& catalog, const ScenarioPlan& plan) {
  std::vector<std::string> regions = plan.lost;
  auto add_registry = [&](const std::string& host) {
    if (const auto home = host.empty() ? std::nullopt : registry_host_region(host, catalog))
      add_once(regions, *home);
  };
  for (const AppOutcome& app : plan.apps) add_registry(app.lost_registry);
  for (const JobOutcome& job : plan.jobs) add_registry(job.lost_registry);
  for (const DataStore& store : d.data) {
    if (contains(plan.unreachable, store.region.name))
      add_once(regions, store.region.name);
  }
  return fmt::format("{}", fmt::join(regions, ", "));
}

// The stores whose writable copy the outage takes.
std::vector<std::string> stores_hit(const ScenarioPlan& plan) {
  const DataRecovery& data = *plan.data;
  std::vector<std::string> out = data.promoted;
  out.insert(out.end(), data.restored.begin(), data.restored.end());
  out.insert(out.end(), data.lost.begin(), data.lost.end());
  return out;
}

void region_steps(Procedure& p, const ScenarioPlan& plan) {
  const Deployment& d = p.deployment();
  const std::vector<std::string> stores = stores_hit(plan);
  if (plan.lost.empty() && plan.lost_registries.empty() && stores.empty()) {
    p.add("confirm-unaffected", "verify", "Confirm no region of the project is in the outage", {},
          "every project region and every registry it pulls from is outside it", "no action needed");
    return;
  }
  const std::string lost = fmt::format("{}", fmt::join(plan.lost, ", "));
  p.add("confirm-outage", "preflight",
        fmt::format("Confirm the outage of {} on the IBM Cloud status page", outage_text(d, p.catalog(), plan)), {},
        "the status page lists the region as unavailable", "decide on facts, not alarms");
  if (!plan.lost.empty())
    p.add("decide", "decide", fmt::format("Decide to run the project without {} until it is back", lost), {},
          "the incident lead has approved and noted the time; every later step changes something", p.rto(apps_serve));
  else if (!stores.empty())
    p.add("decide", "decide",
          fmt::format("Decide to move the writable copy of data store {} out of the lost region until it is back",
                      fmt::join(stores, ", ")),
          {}, "the incident lead has approved and noted the time; every later step changes something",
          p.rto(apps_serve));
  freeze_deploys(p, plan);
  const Takeover t = takeover_of(d, plan);
  const bool restore = !t.apps.empty() || !t.jobs.empty();
  if (restore)
    (void)check_images(p, t);
  p.fence_traffic(plan.lost);
  for (const std::string& region : plan.lost) p.stop_schedules(region);
  if (restore)
    prepare_project(p, t);
  p.recover_data(t.region, plan.scenario.kind == ScenarioKind::geography);
  pause_orphaned_schedules(p);
  copy_images(p, plan);
  secret_sources(p, plan, t.region);
  if (restore)
    bring_up_workloads(p, t);
  failover_steps(p, plan);
  if (!t.region.empty())
    move_schedules(p, t);
  // Once per region where jobs remain: a second pass over the same region would change nothing.
  std::vector<std::string> remaining;
  std::unordered_set<std::string_view> seen;
  for (const JobOutcome& job : plan.jobs) {
    for (const std::string& region : job.regions) {
      if (seen.insert(region).second)
        remaining.push_back(region);
    }
  }
  for (const std::string& region : remaining) move_schedules(p, Takeover{region, plan.lost, {}, {}, false});
  if (restore) {
    cut_over(p, t);
    verify(p, t);
  }
  for (const std::string& region : plan.lost)
    p.fail_back_hint(region, plan.lost.size() == 1 ? std::string("fail-back") : "fail-back-" + region);
}

}  // namespace

std::vector<Scenario> parse_scenarios(std::string_view text, const Deployment& deployment, const Catalog& catalog) {
  if (text == "all") {
    std::vector<Scenario> all;
    std::unordered_set<std::string_view> seen;
    for (const ProjectRegion& region : deployment.regions) {
      if (seen.insert(region.id.name).second)
        all.push_back(Scenario{ScenarioKind::region, region.id.name});
    }
    for (Scenario& scenario : dependency_scenarios(deployment, catalog)) all.push_back(std::move(scenario));
    return all;
  }
  const auto colon = text.find(':');
  const std::string_view kind = text.substr(0, colon);
  const std::string target(colon == std::string_view::npos ? std::string_view() : text.substr(colon + 1));
  if (kind == "zone" && !target.empty()) {
    std::vector<std::string> zones;
    for (const Region& region : catalog.regions()) zones.insert(zones.end(), region.zones.begin(), region.zones.end());
    if (catalog.zone_owner(target) == nullptr)
      throw usage_error(fmt::format("unknown zone '{}'{}", target, [&] {
        std::string hint = did_you_mean(target, zones);
        return hint.empty() ? std::string("; zones are named REGION-1, -2, -3 (ceplan region ID lists them)") : hint;
      }()));
    return {Scenario{ScenarioKind::zone, target}};
  }
  if (kind == "region" && !target.empty()) {
    if (find_registry_only_region(target) == nullptr)
      (void)catalog.at(target);
    return {Scenario{ScenarioKind::region, target}};
  }
  if (kind == "geography" && !target.empty()) {
    const auto selected = catalog.select(RegionFilter{target, {}});
    return {Scenario{ScenarioKind::geography, selected.front()->geography}};
  }
  // A bare region, zone or geography is what most people type first.
  std::string hint;
  if (colon == std::string_view::npos) {
    const std::string word(text);
    if (catalog.find(word) != nullptr)
      hint = fmt::format("; did you mean 'region:{}'?", word);
    else if (catalog.zone_owner(word) != nullptr)
      hint = fmt::format("; did you mean 'zone:{}'?", word);
  }
  throw usage_error(fmt::format("unknown scenario '{}'{}", text,
                                hint.empty() ? "; expected zone:ZONE, region:ID, geography:NAME or all" : hint));
}

namespace {

// Sorts the project's regions into those the outage takes whole and those that lose a zone.
void classify_regions(const Deployment& d, const Catalog& catalog, ScenarioPlan& out) {
  const Scenario& scenario = out.scenario;
  for (const ProjectRegion& entry : d.regions) {
    const Region* region = catalog.find(entry.id.name);
    const std::string& id = entry.id.name;
    if (contains(out.lost, id) || contains(out.degraded, id))
      continue;
    switch (scenario.kind) {
      case ScenarioKind::region:
        if (id == scenario.target)
          out.lost.push_back(id);
        break;
      case ScenarioKind::geography:
        if (region != nullptr && region->geography == scenario.target)
          out.lost.push_back(id);
        break;
      case ScenarioKind::zone:
        if (region != nullptr &&
            std::find(region->zones.begin(), region->zones.end(), scenario.target) != region->zones.end()) {
          // An MZR re-creates workloads in another zone; a single-zone region is simply gone.
          (region->availability == Availability::mzr ? out.degraded : out.lost).push_back(id);
        }
        break;
    }
  }
}

// Regions of the app that survive and take traffic: those that serve in normal operation;
// when none survives, the regions that take over (a standby behind ordered steering).
std::vector<std::string> serving_during(const Deployment& d, const std::vector<std::string>& survivors) {
  std::vector<std::string> serving;
  for (const std::string& region : survivors) {
    if (d.serves(region))
      serving.push_back(region);
  }
  return serving.empty() ? survivors : serving;
}

// What a workload's data needs: the plan's, shared, for one that uses every store, so that many
// apps and many stores cost their sum.
std::shared_ptr<const DataRecovery> data_of(const Deployment& d, const Workload& workload, const ScenarioPlan& plan) {
  if (!workload.data_given)
    return plan.data;
  return std::make_shared<const DataRecovery>(
      data_recovery(d, workload, plan.unreachable, plan.scenario.kind == ScenarioKind::geography));
}

// The secrets of the stores whose writable copy the outage takes: an app that references one
// must restart, so pull its image, to read where its data went.
std::unordered_set<std::string_view> moved_secrets(const Deployment& d, const ScenarioPlan& plan) {
  std::unordered_set<std::string_view> out;
  for (const DataStore& store : d.data) {
    if (store.secret && contains(plan.unreachable, store.region.name))
      out.insert(store.secret->name);
  }
  return out;
}

AppOutcome app_outcome(const Deployment& d, const Catalog& catalog, const App& app, const ScenarioPlan& plan,
                       const std::unordered_set<std::string_view>& moved) {
  AppOutcome outcome;
  outcome.name = app.name.name;
  outcome.availability = composite_availability(d, app, catalog);
  outcome.data = data_of(d, app, plan);
  outcome.uses_every_store = !app.data_given;
  const DataRecovery& data = *outcome.data;
  const std::vector<Ref> regions = placed(d, app);
  Impact impact = impact_on(regions, plan);
  outcome.serving_regions = serving_during(d, impact.survivors);
  const bool served_from_lost = std::any_of(regions.begin(), regions.end(), [&](const Ref& region) {
    return contains(plan.lost, region.name) && d.serves(region.name);
  });
  const bool zone_hit = std::any_of(outcome.serving_regions.begin(), outcome.serving_regions.end(),
                                    [&](const std::string& region) { return contains(plan.degraded, region); });
  if (!data.lost.empty() || (impact.hit && outcome.serving_regions.empty())) {
    outcome.status = AppStatus::down;
    // Re-created where it takes over, it pulls there.
    const std::string takeover = takeover_region(d, plan.lost);
    const auto host = takeover.empty() ? std::nullopt : lost_registry(app, {takeover}, catalog, plan.unreachable);
    outcome.lost_registry = host.value_or("");
  } else if (served_from_lost) {
    outcome.status = d.failover.edge_proxy.has_value() ? AppStatus::fails_over : AppStatus::manual_failover;
    if (outcome.status == AppStatus::fails_over)
      outcome.failover = failover_time(d, app, outcome.serving_regions.front(), data);
  } else if (data.seconds > 0) {
    // The app stays where it is; only the data it uses moves.
    outcome.status = AppStatus::fails_over;
    outcome.failover = FailoverTime{0, 0, 0, data.seconds, d.objectives.decision_time.value};
  } else if (impact.hit) {
    outcome.redundancy_lost = true;  // only an idle standby is gone; traffic never moves
  } else if (zone_hit) {
    outcome.status = AppStatus::auto_recovers;
  }
  // A lost replica or backup copy leaves the data one failure from gone, like a lost standby.
  outcome.redundancy_lost = outcome.redundancy_lost || !data.copy_lost.empty();
  // Only traffic from a lost region moves; an app whose data alone moves stays where it serves.
  outcome.routing = served_from_lost ? outcome.status : AppStatus::unaffected;
  if (outcome.status != AppStatus::down) {
    if (auto host = lost_registry(app, outcome.serving_regions, catalog, plan.unreachable)) {
      outcome.lost_registry = std::move(*host);
      // Without a restart it keeps the settings of the store's lost copy.
      const bool must_restart =
          std::any_of(app.secrets.begin(), app.secrets.end(), [&](const Ref& ref) { return moved.contains(ref.name); });
      outcome.status = must_restart ? AppStatus::down : AppStatus::degraded;
      if (must_restart)
        outcome.failover.reset();
    }
  }
  return outcome;
}

JobOutcome job_outcome(const Deployment& d, const Catalog& catalog, const Job& job, const ScenarioPlan& plan) {
  JobOutcome outcome;
  outcome.name = job.name.name;
  Impact impact = impact_on(placed(d, job), plan);
  outcome.regions = std::move(impact.survivors);
  const auto live = names_of(job.scheduled_in);
  const bool schedule_lost = job.schedule && !live.empty() && std::all_of(live.begin(), live.end(), [&](const auto& r) {
                               return contains(plan.lost, r);
                             });
  // A job whose data has no surviving copy cannot run anywhere, even where it is still defined.
  const bool data_lost = !data_of(d, job, plan)->lost.empty();
  if ((impact.hit && outcome.regions.empty()) || data_lost) {
    outcome.status = JobStatus::down;
  } else if (schedule_lost) {
    outcome.status = JobStatus::reschedule;
  } else if (impact.zone_hit) {
    outcome.status = JobStatus::auto_recovers;
  }
  // Every run starts new instances, which pull the image where the job runs or is re-created.
  const std::vector<std::string> where =
      outcome.regions.empty() ? std::vector<std::string>{takeover_region(d, plan.lost)} : outcome.regions;
  if (auto host = lost_registry(job, where, catalog, plan.unreachable)) {
    outcome.lost_registry = std::move(*host);
    if (outcome.status != JobStatus::down)
      outcome.status = JobStatus::degraded;
  }
  return outcome;
}

}  // namespace

ScenarioPlan outcomes(const Deployment& d, const Catalog& catalog, const Scenario& scenario) {
  ScenarioPlan out;
  out.scenario = scenario;
  out.unreachable = unreachable_regions(catalog, scenario);
  classify_regions(d, catalog, out);
  out.data = std::make_shared<const DataRecovery>(
      data_recovery(d, Workload{}, out.unreachable, scenario.kind == ScenarioKind::geography));
  const auto moved = moved_secrets(d, out);
  for (const App& app : d.apps) {
    out.apps.push_back(app_outcome(d, catalog, app, out, moved));
  }
  for (const Job& job : d.jobs) {
    out.jobs.push_back(job_outcome(d, catalog, job, out));
  }
  out.lost_registries = lost_registries(catalog, out);
  if (!out.lost.empty())
    out.capacity = takeover_load(d, out.lost);
  return out;
}

WorldState scenario_state(const Deployment& d, const Catalog& catalog, const Scenario& scenario) {
  WorldState state = initial_state(d);
  lose(state, unreachable_regions(catalog, scenario));
  return state;
}

namespace {

// Every create, scale or restart of an app is a new revision of it.
std::vector<std::pair<std::string, std::int64_t>> revisions_by_region(const std::vector<Step>& steps) {
  std::vector<std::pair<std::string, std::int64_t>> out;
  for (const Step& step : steps) {
    for (const Action& action : step.actions) {
      if (action.kind != ActionKind::create_app && action.kind != ActionKind::scale_app &&
          action.kind != ActionKind::restart_app)
        continue;
      auto it = std::find_if(out.begin(), out.end(), [&](const auto& entry) { return entry.first == action.region; });
      if (it == out.end())
        it = out.insert(out.end(), {action.region, 0});
      ++it->second;
    }
  }
  return out;
}

}  // namespace

ScenarioPlan plan(const Deployment& d, const Catalog& catalog, const Scenario& scenario) {
  ScenarioPlan out = outcomes(d, catalog, scenario);
  const WorldState start = scenario_state(d, catalog, scenario);
  mark_lost_secrets(d, start, takeover_region(d, out.lost), out);
  Procedure procedure(d, catalog, start, out.steps);
  if (scenario.kind == ScenarioKind::zone && out.lost.empty()) {
    zone_steps(procedure, out);
  } else {
    region_steps(procedure, out);
  }
  Goal goal;
  for (const AppOutcome& app : out.apps) {
    if (app.status == AppStatus::down && (!app.data->lost.empty() || !app.lost_registry.empty() ||
                                          !app.lost_secret.empty() || takeover_region(d, out.lost).empty()))
      goal.down.insert(app.name);
  }
  out.unsafe = simulate(d, catalog, start, out.steps, goal);
  out.start = start;
  out.end = procedure.state();
  out.revisions = revisions_by_region(out.steps);
  return out;
}

std::string_view to_string(ScenarioKind kind) {
  switch (kind) {
    case ScenarioKind::zone: return "zone";
    case ScenarioKind::region: return "region";
    case ScenarioKind::geography: return "geography";
  }
  return "";
}

std::string_view to_string(AppStatus status) {
  switch (status) {
    case AppStatus::unaffected: return "unaffected";
    case AppStatus::auto_recovers: return "auto-recovers";
    case AppStatus::fails_over: return "fails-over";
    case AppStatus::manual_failover: return "manual-failover";
    case AppStatus::degraded: return "degraded";
    case AppStatus::down: return "down";
  }
  return "";
}

std::string_view to_string(JobStatus status) {
  switch (status) {
    case JobStatus::unaffected: return "unaffected";
    case JobStatus::auto_recovers: return "auto-recovers";
    case JobStatus::reschedule: return "reschedule";
    case JobStatus::degraded: return "degraded";
    case JobStatus::down: return "down";
  }
  return "";
}

}  // namespace ceplan
