// `ceplan plan`: what survives a zone, region or geography outage, and the checklist for it.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "planner/scenario.hpp"

#include "planner/ibmcloud.hpp"
#include "support/spellcheck.hpp"

namespace ceplan {
namespace {

bool contains(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::vector<std::string> names_of(const std::vector<Ref>& refs) {
  std::vector<std::string> out;
  for (const Ref& ref : refs) {
    if (!contains(out, ref.name))
      out.push_back(ref.name);
  }
  return out;
}

// Where a lost region's workloads should go: a surviving standby or recovery region first,
// then any other surviving project region.
std::string takeover_region(const Deployment& d, const std::vector<std::string>& lost) {
  for (Role role : {Role::standby, Role::recovery, Role::primary, Role::active, Role::none}) {
    for (const ProjectRegion& region : d.regions) {
      if (region.role == role && !contains(lost, region.id.name))
        return region.id.name;
    }
  }
  return {};
}

// How an outage touches a workload's regions.
struct Impact {
  std::vector<std::string> survivors;  // its regions that are not lost, in file order
  bool hit = false;                    // one of its regions is lost
  bool zone_hit = false;               // a surviving region loses a zone
};

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

void zone_steps(const Deployment& d, const ScenarioPlan& plan, Checklist& out) {
  if (plan.degraded.empty()) {
    out.add("confirm-unaffected", "verify", "Confirm the zone is outside every region of the project", "",
            "the zone's region is not one the project lists", "no action needed");
    return;
  }
  const std::string& region = plan.degraded.front();
  out.add("confirm-zone-outage", "preflight",
          fmt::format("Confirm the outage of zone {} on the IBM Cloud status page", plan.scenario.target), "",
          "the status page lists the zone as degraded", "decide on facts, not alarms");
  for (const App& app : d.apps) {
    if (app.runs_in(region)) {
      out.add("check-app-" + app.name.name, "verify",
              fmt::format("Check that Code Engine re-created app {} in another zone of {}", app.name.name, region),
              planner::in_region(region, d.project, planner::get_app(app)),
              "the application reports Ready and its URL answers", out.rto(apps_serve));
    }
  }
  for (const Job& job : d.jobs) {
    if (job.runs_in(region)) {
      out.add("check-job-" + job.name.name, "verify",
              fmt::format("Check that job {} is still defined in {}", job.name.name, region),
              planner::in_region(region, d.project, planner::get_job(job)),
              "the job definition is listed; Code Engine replicates definitions across zones",
              "jobs keep running on schedule");
    }
  }
}

// What the region steps share: the deployment, the plan, the lost regions as a phrase and the
// region that takes over.
struct RegionOutage {
  const Deployment& d;
  const ScenarioPlan& plan;
  std::string lost;
  std::string takeover;
};

// True if the app runs smaller where it now serves than its own scale (a warm standby).
bool scaled_down(const App& app, const AppOutcome& outcome) {
  if (outcome.serving_regions.empty())
    return false;
  const RegionOverrides* local = app.overrides_in(outcome.serving_regions.front());
  return local != nullptr && ((local->min_scale && local->min_scale->value < app.min_scale.value) ||
                              (local->max_scale && app.max_scale && local->max_scale->value < app.max_scale->value));
}

void app_steps(const RegionOutage& o, Checklist& out) {
  for (std::size_t i = 0; i < o.plan.apps.size(); ++i) {
    const AppOutcome& outcome = o.plan.apps[i];
    const App& app = o.d.apps[i];
    const std::string serving = fmt::format("{}", fmt::join(outcome.serving_regions, ", "));
    switch (outcome.status) {
      case AppStatus::fails_over:
        out.add("check-failover-" + app.name.name, "cut over",
                fmt::format("Check that the edge proxy moved app {}'s traffic to {}{}", app.name.name, serving,
                            scaled_down(app, outcome) ? ", and scale it there to take all traffic" : ""),
                scaled_down(app, outcome)
                    ? planner::in_region(outcome.serving_regions.front(), o.d.project, planner::scale_app(app))
                    : std::string(),
                fmt::format("in the CIS load balancer, the origin pools of {} are unhealthy and {} serve; the domain "
                            "answers within {}s",
                            o.lost, serving, outcome.failover ? outcome.failover->total() : 0),
                out.rto(apps_serve));
        break;
      case AppStatus::manual_failover:
        out.add(
            "switch-traffic-" + app.name.name, "cut over",
            fmt::format("Send app {}'s users to {}: nothing switches traffic automatically", app.name.name, serving),
            planner::in_region(outcome.serving_regions.front(), o.d.project, planner::get_app(app)),
            "clients reach the URL that application get shows", out.rto(apps_serve));
        break;
      case AppStatus::down:
        out.add("restore-app-" + app.name.name, "restore",
                fmt::format("Re-create app {} in {}: run the restore runbook", app.name.name,
                            o.takeover.empty() ? std::string("a surviving region") : o.takeover),
                o.takeover.empty() ? std::string() : planner::run_runbook(o.d.source, o.takeover, o.plan.lost.front()),
                "every step of the runbook is checked off", out.rto(apps_serve));
        break;
      default: break;
    }
  }
}

void job_steps(const RegionOutage& o, Checklist& out) {
  for (std::size_t i = 0; i < o.plan.jobs.size(); ++i) {
    const JobOutcome& outcome = o.plan.jobs[i];
    const Job& job = o.d.jobs[i];
    if (outcome.status == JobStatus::reschedule) {
      out.add("reschedule-" + job.name.name, "restore",
              fmt::format("Move job {}'s schedule to {}, now that its live schedule was in {} (only after the "
                          "schedules there are stopped and its data is back)",
                          job.name.name, outcome.regions.front(), o.lost),
              planner::in_region(outcome.regions.front(), o.d.project, planner::create_cron(job)),
              fmt::format("{} shows the schedule {}", planner::get_cron(job), job.schedule->name),
              "scheduled work continues; the lost region's schedule cannot fire while it is down");
      out.add("reconcile-" + job.name.name, "restore",
              fmt::format("Reconcile runs of job {} missed or cut short during the outage", job.name.name),
              planner::in_region(outcome.regions.front(), o.d.project, planner::list_jobruns(job)),
              job.idempotent ? "re-run what was missed (the job is idempotent)"
                             : "check the job's own output before re-running anything (it is not idempotent)",
              "no job runs twice; no run is lost");
    } else if (outcome.status == JobStatus::down) {
      out.add("restore-job-" + job.name.name, "restore",
              fmt::format("Re-create job {} in {}: run the restore runbook", job.name.name,
                          o.takeover.empty() ? std::string("a surviving region") : o.takeover),
              "", "the runbook's job steps are checked off", "scheduled work continues");
    }
  }
}

// Recover each store of a lost region, then give the apps that now serve its new settings.
void data_steps(const RegionOutage& o, Checklist& out) {
  for (const DataStore& store : o.d.data) {
    if (!contains(o.plan.lost, store.region.name))
      continue;
    std::vector<std::string> serving;
    for (std::size_t i = 0; i < o.plan.apps.size(); ++i) {
      if (!o.d.apps[i].uses_data(store.name.name))
        continue;
      for (const std::string& region : o.plan.apps[i].serving_regions) {
        if (!contains(serving, region))
          serving.push_back(region);
      }
    }
    out.recover_data(store, {}, serving, [](const App& app, std::string_view region) { return app.runs_in(region); });
  }
}

// One deliberate, data-first fail-back per lost region: each has its own schedules to stop.
void fail_back_steps(const RegionOutage& o, Checklist& out) {
  for (const std::string& region : o.plan.lost) {
    out.fail_back(region, o.plan.lost.size() == 1 ? std::string("fail-back") : "fail-back-" + region);
  }
}

void region_steps(const Deployment& d, const ScenarioPlan& plan, Checklist& out) {
  if (plan.lost.empty()) {
    out.add("confirm-unaffected", "verify", "Confirm no region of the project is in the outage", "",
            "every project region is outside it", "no action needed");
    return;
  }
  const RegionOutage outage{d, plan, fmt::format("{}", fmt::join(plan.lost, ", ")), takeover_region(d, plan.lost)};
  out.add("confirm-outage", "preflight",
          fmt::format("Confirm the outage of {} on the IBM Cloud status page", outage.lost), "",
          "the status page lists the region as unavailable", "decide on facts, not alarms");
  out.add("decide", "decide", fmt::format("Decide to run the project without {} until it is back", outage.lost), "",
          "the incident lead has approved and noted the time; every later step changes something", out.rto(apps_serve));
  out.fence_traffic(plan.lost);
  for (const std::string& region : plan.lost) {
    out.stop_schedules(region);
  }
  data_steps(outage, out);
  app_steps(outage, out);
  job_steps(outage, out);
  fail_back_steps(outage, out);
}

}  // namespace

std::vector<Scenario> parse_scenarios(std::string_view text, const Deployment& deployment, const Catalog& catalog) {
  if (text == "all") {
    std::vector<Scenario> all;
    for (const ProjectRegion& region : deployment.regions) {
      all.push_back(Scenario{ScenarioKind::region, region.id.name});
    }
    return all;
  }
  const auto colon = text.find(':');
  const std::string_view kind = text.substr(0, colon);
  const std::string target(colon == std::string_view::npos ? std::string_view() : text.substr(colon + 1));
  if (kind == "zone" && !target.empty()) {
    std::vector<std::string> zones;
    for (const Region& region : catalog.regions()) zones.insert(zones.end(), region.zones.begin(), region.zones.end());
    if (catalog.zone_owner(target) == nullptr)
      throw InputError(Diagnostic{
          {}, {}, fmt::format("unknown zone '{}'{}", target, [&] {
            std::string hint = did_you_mean(target, zones);
            return hint.empty() ? std::string("; zones are named REGION-1, -2, -3 (ceplan region ID lists them)")
                                : hint;
          }())});
    return {Scenario{ScenarioKind::zone, target}};
  }
  if (kind == "region" && !target.empty()) {
    (void)catalog.at(target);
    return {Scenario{ScenarioKind::region, target}};
  }
  if (kind == "geography" && !target.empty()) {
    const auto selected = catalog.select(RegionFilter{target, {}});
    return {Scenario{ScenarioKind::geography, selected.front()->geography}};
  }
  throw InputError(Diagnostic{
      {}, {}, fmt::format("unknown scenario '{}'; expected zone:ZONE, region:ID, geography:NAME or all", text)});
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

AppOutcome app_outcome(const Deployment& d, const Catalog& catalog, const App& app, const ScenarioPlan& plan) {
  AppOutcome outcome{
      app.name.name, AppStatus::unaffected, {}, std::nullopt, composite_availability(d, app, catalog), false, {}};
  Impact impact = impact_on(app.regions, plan);
  outcome.serving_regions = serving_during(d, impact.survivors);
  outcome.data = data_recovery(d, app, plan.lost, plan.scenario.kind == ScenarioKind::geography);
  const bool served_from_lost = std::any_of(app.regions.begin(), app.regions.end(), [&](const Ref& region) {
    return contains(plan.lost, region.name) && d.serves(region.name);
  });
  const bool zone_hit = std::any_of(outcome.serving_regions.begin(), outcome.serving_regions.end(),
                                    [&](const std::string& region) { return contains(plan.degraded, region); });
  if (!outcome.data.lost.empty() || (impact.hit && outcome.serving_regions.empty())) {
    outcome.status = AppStatus::down;
  } else if (served_from_lost) {
    outcome.status = d.failover.edge_proxy.has_value() ? AppStatus::fails_over : AppStatus::manual_failover;
    if (outcome.status == AppStatus::fails_over)
      outcome.failover = failover_time(d, app, outcome.serving_regions.front(), outcome.data);
  } else if (outcome.data.seconds > 0) {
    // The app stays where it is; only the data it uses moves.
    outcome.status = AppStatus::fails_over;
    outcome.failover = FailoverTime{0, 0, 0, outcome.data.seconds};
  } else if (impact.hit) {
    outcome.redundancy_lost = true;  // only an idle standby is gone; traffic never moves
  } else if (zone_hit) {
    outcome.status = AppStatus::auto_recovers;
  }
  return outcome;
}

JobOutcome job_outcome(const Job& job, const ScenarioPlan& plan) {
  JobOutcome outcome{job.name.name, JobStatus::unaffected, {}};
  Impact impact = impact_on(job.regions, plan);
  outcome.regions = std::move(impact.survivors);
  const auto live = names_of(job.scheduled_in);
  const bool schedule_lost = job.schedule && !live.empty() && std::all_of(live.begin(), live.end(), [&](const auto& r) {
                               return contains(plan.lost, r);
                             });
  if (impact.hit && outcome.regions.empty()) {
    outcome.status = JobStatus::down;
  } else if (schedule_lost) {
    outcome.status = JobStatus::reschedule;
  } else if (impact.zone_hit) {
    outcome.status = JobStatus::auto_recovers;
  }
  return outcome;
}

}  // namespace

ScenarioPlan outcomes(const Deployment& d, const Catalog& catalog, const Scenario& scenario) {
  ScenarioPlan out;
  out.scenario = scenario;
  classify_regions(d, catalog, out);
  for (const App& app : d.apps) {
    out.apps.push_back(app_outcome(d, catalog, app, out));
  }
  for (const Job& job : d.jobs) {
    out.jobs.push_back(job_outcome(job, out));
  }
  return out;
}

ScenarioPlan plan(const Deployment& d, const Catalog& catalog, const Scenario& scenario) {
  ScenarioPlan out = outcomes(d, catalog, scenario);
  Checklist checklist(d, out.steps);
  if (scenario.kind == ScenarioKind::zone && out.lost.empty()) {
    zone_steps(d, out, checklist);
  } else {
    region_steps(d, out, checklist);
  }
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
    case AppStatus::down: return "down";
  }
  return "";
}

std::string_view to_string(JobStatus status) {
  switch (status) {
    case JobStatus::unaffected: return "unaffected";
    case JobStatus::auto_recovers: return "auto-recovers";
    case JobStatus::reschedule: return "reschedule";
    case JobStatus::down: return "down";
  }
  return "";
}

}  // namespace ceplan
