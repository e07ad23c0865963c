#include "planner/takeover.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "model/capacity.hpp"
#include "model/figures.hpp"
#include "model/registry.hpp"
#include "planner/ibmcloud.hpp"

namespace ceplan {
namespace {

using K = ActionKind;

constexpr std::string_view serves_again = "the project serves again";
constexpr std::string_view work_can_run = "scheduled and on-demand work can run";

// The secrets or config maps the region needs, in the order the workloads first use them (all
// declared ones for a whole project, unused ones last). Each workload's references are looked up
// by name, so that many workloads and many artifacts cost their sum.
std::vector<const Artifact*> needed(const Deployment& d, const Takeover& t, bool secrets) {
  std::vector<const Artifact*> out;
  const auto& declared = secrets ? d.secrets : d.configmaps;
  std::unordered_map<std::string_view, std::size_t> position;
  for (std::size_t i = declared.size(); i-- > 0;) position[declared[i].name.name] = i;
  std::unordered_set<std::string_view> seen;
  auto use = [&](const Artifact& artifact) {
    if (seen.insert(artifact.name.name).second)
      out.push_back(&artifact);
  };
  auto use_all = [&](const Workload& w) {
    std::vector<std::size_t> used;
    for (const Ref& ref : secrets ? w.secrets : w.configmaps) {
      if (const auto it = position.find(ref.name); it != position.end())
        used.push_back(it->second);
    }
    if (secrets && w.registry_secret) {
      if (const auto it = position.find(w.registry_secret->name); it != position.end())
        used.push_back(it->second);
    }
    std::sort(used.begin(), used.end());
    for (const std::size_t i : used) use(declared[i]);
  };
  for (const App* app : t.apps) use_all(*app);
  for (const Job* job : t.jobs) use_all(*job);
  const App* target = d.proxy_target();
  const bool fronts = target != nullptr && std::find(t.apps.begin(), t.apps.end(), target) != t.apps.end();
  for (const Artifact& artifact : declared) {
    const bool tls = secrets && fronts && d.failover.edge_proxy->tls_secret &&
                     d.failover.edge_proxy->tls_secret->name == artifact.name.name;
    if (t.whole_project || tls)
      use(artifact);
  }
  return out;
}

// The registry a registry secret logs in to: where the first workload pulling with it pulls from
// in the region.
std::string server_for(const Deployment& d, const Takeover& t, const std::string& secret) {
  for (const App& app : d.apps) {
    if (app.registry_secret && app.registry_secret->name == secret)
      return std::string(registry_host(app.image_in(t.region).name));
  }
  for (const Job& job : d.jobs) {
    if (job.registry_secret && job.registry_secret->name == secret)
      return std::string(registry_host(job.image_in(t.region).name));
  }
  return {};
}

void prepare_artifacts(Procedure& p, const Takeover& t, bool secrets) {
  const Deployment& d = p.deployment();
  const RegionState* region = p.state().find(t.region);
  for (const Artifact* artifact : needed(d, t, secrets)) {
    const std::string& name = artifact->name.name;
    const bool present = region != nullptr && (secrets ? region->secrets : region->configmaps).contains(name);
    const std::string what = secrets ? "secret" : "config map";
    const std::string id = (secrets ? "secret-" : "configmap-") + name;
    if (present) {
      // An existing registry secret may log in to another server than the one the region pulls from.
      const bool registry = secrets && artifact->format == "registry";
      if (t.whole_project || registry)
        p.add(id, "restore", fmt::format("Check that {} {} exists in {}", what, name, t.region),
              {act(secrets ? K::check_secret : K::check_configmap, t.region, name)},
              registry ? fmt::format("the secret is listed and its server is {}", server_for(d, t, name))
                       : fmt::format("the {} is listed with the expected keys", what),
              p.rto(serves_again));
      continue;
    }
    Action create = act(secrets ? K::create_secret : K::create_configmap, t.region, name);
    if (secrets && artifact->format == "registry")
      create.server = server_for(d, t, name);
    p.add(id, "restore",
          secrets ? fmt::format("Create secret {} in {} {}{}", name, t.region, planner::secret_origin(*artifact),
                                artifact->format == "hmac" ? ". The command prompts for the access key ID and the "
                                                             "secret access key: paste this block on its own and type "
                                                             "them"
                                                           : "")
                  : fmt::format("Create config map {} in {} from {}", name, t.region,
                                artifact->source == Source::manual ? "the value the team keeps (source: manual)"
                                                                   : std::string(to_string(artifact->source))),
          {create}, fmt::format("{} {} shows the expected keys", what, name), p.rto(serves_again));
  }
}

// The scale an app needs in the region: its own there, raised to that of each lost region it ran in.
std::pair<std::int64_t, std::optional<std::int64_t>> floor_scale(const Procedure& p, const Takeover& t, const App& app,
                                                                 std::int64_t min, std::optional<std::int64_t> max) {
  for (const std::string& lost : t.lost) {
    const RegionState* region = p.state().find(lost);
    if (region == nullptr || !region->apps.contains(app.name.name))
      continue;
    const AppState& before = region->apps.at(app.name.name);
    min = std::max(min, before.min_scale);
    // Without max_scale Code Engine runs at most 10 (limits.md); 0 is no limit but the caps.
    const std::int64_t mine = max.value_or(caps::app_max_scale);
    const std::int64_t theirs = before.max_scale.value_or(caps::app_max_scale);
    if (mine != 0 && (theirs == 0 || theirs > mine))
      max = theirs;
  }
  return {min, max};
}

std::optional<std::int64_t> max_in(const App& app, const std::string& region) {
  const std::optional<Setting>& max = app.max_scale_in(region);
  return max ? std::optional<std::int64_t>(max->value) : std::nullopt;
}

void bring_up_app(Procedure& p, const Takeover& t, const App& app) {
  const std::string& name = app.name.name;
  const RegionState* region = p.state().find(t.region);
  if (region != nullptr && region->apps.contains(name)) {
    const AppState& now = region->apps.at(name);
    const auto [min, max] = floor_scale(p, t, app, now.min_scale, now.max_scale);
    if (min != now.min_scale || max != now.max_scale) {
      Action scale = act(K::scale_app, t.region, name);
      scale.min_scale = min;
      scale.max_scale = max;
      p.add("app-" + name, "restore",
            fmt::format("Scale app {} in {} to the load of {}", name, t.region, fmt::join(t.lost, ", ")), {scale},
            fmt::format("{} shows the application Ready at min scale {}", planner::get_app(app), min),
            p.rto(serves_again));
    } else if (t.whole_project) {
      p.add("app-" + name, "restore", fmt::format("Check that app {} runs in {}", name, t.region),
            {act(K::check_app, t.region, name)}, "the application is Ready at its full scale", p.rto(serves_again));
    }
    return;
  }
  const auto [min, max] = floor_scale(p, t, app, app.min_scale_in(t.region).value, max_in(app, t.region));
  Action create = act(K::create_app, t.region, name);
  create.image = app.image_in(t.region).name;
  create.min_scale = min;
  create.max_scale = max;
  p.add("app-" + name, "restore", fmt::format("Create app {} in {}", name, t.region), {create},
        fmt::format("{} shows the application Ready; settings the deploy file does not hold (env, probes, "
                    "concurrency) come from IBM's export, {}, taken where it still runs or before the outage",
                    planner::get_app(app), planner::export_app(app)),
        p.rto(serves_again));
}

}  // namespace

std::vector<std::string> check_images(Procedure& p, const Takeover& t) {
  std::vector<std::string> images;
  std::vector<std::string> lost;
  std::unordered_set<std::string> seen;
  auto note = [&](const Workload& workload) {
    const std::string& image = workload.image_in(t.region).name;
    if (!seen.insert(image).second)
      return;
    images.push_back(image);
    if (image_lost_in(p.state(), p.catalog(), image))
      lost.push_back(image);
  };
  for (const App* app : t.apps) note(*app);
  for (const Job* job : t.jobs) note(*job);
  if (images.empty())
    return lost;
  std::string title =
      fmt::format("Check that every image {} pulls is in its registry: {}", t.region, fmt::join(images, ", "));
  if (!lost.empty())
    title += fmt::format(
        ". Stop first: {} cannot be pulled, its registry's region is lost; push {} to a registry "
        "that survives (rebuild, or push from the pipeline) and name the copy in the deploy file: under "
        "regions: {{ {}: {{ image: ... }} }} of a workload that runs there, else under restore: {{ {}: {{ image: ... "
        "}} }}",
        fmt::join(lost, ", "), lost.size() == 1 ? "it" : "them", t.region, t.region);
  p.add("check-images", "preflight", title, {},
        "the registry lists each image and tag (IBM does not copy images between registries)", p.rto(serves_again));
  return lost;
}

void prepare_project(Procedure& p, const Takeover& t) {
  const Deployment& d = p.deployment();
  const RegionState* region = p.state().find(t.region);
  if (region == nullptr || !region->project) {
    const std::string group = d.resource_group ? fmt::format(" (resource group {})", d.resource_group->name)
                                               : std::string(" (set RESOURCE_GROUP to its resource group first)");
    // Code Engine allows 20 projects per region, and a project deleted in the last 7 days still counts.
    p.add("create-project", "restore",
          fmt::format("Create project {} in {}{}; the region holds at most {} projects, those deleted in the last 7 "
                      "days included",
                      d.project, t.region, group, caps::projects),
          {act(K::create_project, t.region)},
          fmt::format("{} shows region {}; {} shows status active", planner::show_target(), t.region,
                      planner::get_project(d.project)),
          p.rto(serves_again));
  } else if (t.whole_project) {
    p.add("select-project", "restore",
          fmt::format("Select project {}, which already exists in {}", d.project, t.region),
          {act(K::select_project, t.region)}, fmt::format("{} shows status active", planner::get_project(d.project)),
          p.rto(serves_again));
  }
  prepare_artifacts(p, t, true);
  prepare_artifacts(p, t, false);
}

void bring_up_workloads(Procedure& p, const Takeover& t) {
  for (const App* app : t.apps) bring_up_app(p, t, *app);
  for (const Job* job : t.jobs) {
    const std::string& name = job->name.name;
    const RegionState* region = p.state().find(t.region);
    if (region != nullptr && region->jobs.contains(name)) {
      if (t.whole_project)
        p.add("job-" + name, "restore", fmt::format("Check that job {} is defined in {}", name, t.region),
              {act(K::check_job, t.region, name)}, "the job definition is listed", std::string(work_can_run));
      continue;
    }
    Action create = act(K::create_job, t.region, name);
    create.image = job->image_in(t.region).name;
    p.add("job-" + name, "restore", fmt::format("Create job {} in {}", name, t.region), {create},
          fmt::format("{} shows the definition; settings the deploy file does not hold (cpu, memory, array size, "
                      "retries, timeout) come from IBM's export, {}, taken before the outage",
                      planner::get_job(*job), planner::export_job(*job)),
          std::string(work_can_run));
  }
}

namespace {

// The stores a job uses that have no writable copy now.
// "a, b and c", or the first three and how many more: a step's title stays short however many
// stores a workload uses.
std::string store_names(const std::vector<const DataStore*>& stores) {
  constexpr std::size_t shown = 3;
  std::vector<std::string_view> names;
  for (std::size_t i = 0; i < stores.size() && i < shown; ++i) names.push_back(stores[i]->name.name);
  const std::string more = stores.size() > shown ? fmt::format(" and {} more", stores.size() - shown) : "";
  return fmt::format("{}{}", fmt::join(names, ", "), more);
}

std::vector<std::string> live_in(const WorldState& state, const std::string& job) {
  std::vector<std::string> out;
  for (const auto& [id, region] : state.regions) {
    if (region.reachable && region.crons.contains(job))
      out.push_back(id);
  }
  return out;
}

}  // namespace

void pause_orphaned_schedules(Procedure& p) {
  const auto unwritable = stores_without_writable_copy(p.deployment(), p.state());
  for (const Job& job : p.deployment().jobs) {
    const std::vector<const DataStore*> stores = used_by(p.deployment(), job, unwritable);
    if (stores.empty())
      continue;
    for (const std::string& region : live_in(p.state(), job.name.name)) {
      p.add("pause-" + job.name.name + "-" + region, "fence",
            fmt::format("Delete the schedule of job {} in {}: data store {} has no writable copy, so every run "
                        "would fail or write nowhere",
                        job.name.name, region, store_names(stores)),
            {act(K::delete_cron, region, job.name.name)},
            fmt::format("{} in {} no longer lists it", planner::list_crons(), region),
            "no job runs on data that is not there");
    }
  }
}

namespace {

// Moves a schedule that was live only in lost regions (`where`) to the takeover region, then has
// the missed runs reconciled where their records are: in the lost regions, as soon as they answer.
void move_schedule(Procedure& p, const Takeover& t, const Job& job, const std::vector<std::string>& where) {
  const std::string& name = job.name.name;
  p.add("cron-" + name, "restore",
        fmt::format("Create the schedule of job {} in {}, only once its schedule in {} is deleted or that region "
                    "is confirmed down (then delete it there as soon as it answers), and its data is writable",
                    name, t.region, fmt::join(where, ", ")),
        {act(K::create_cron, t.region, name)},
        fmt::format("{} shows schedule {}", planner::get_cron(job), job.schedule->name),
        "no job runs twice; scheduled work continues");
  std::vector<Action> lists;
  for (const std::string& lost : where) lists.push_back(act(K::list_jobruns, lost, name));
  Step reconcile = make_step(
      "reconcile-" + name, "restore",
      fmt::format("Reconcile runs of job {} missed or cut short during the outage: list its runs in {} as soon as "
                  "the region answers, and compare with the job's own output",
                  name, fmt::join(where, ", ")),
      std::move(lists),
      job.idempotent ? "re-run what was missed (the job is idempotent)"
                     : "check the job's own output before re-running anything (it is not idempotent)",
      "no job runs twice; no run is lost");
  reconcile.when_region_answers = true;
  p.add(std::move(reconcile));
}

}  // namespace

void move_schedules(Procedure& p, const Takeover& t) {
  const auto unwritable = stores_without_writable_copy(p.deployment(), p.state());
  for (const Job& job : p.deployment().jobs) {
    if (!job.schedule)
      continue;
    const std::string& name = job.name.name;
    const std::vector<std::string> live = live_in(p.state(), name);
    std::vector<std::string> where;  // the lost regions where it was live
    for (const Ref& region : job.scheduled_in) {
      if (std::find(t.lost.begin(), t.lost.end(), region.name) != t.lost.end())
        where.push_back(region.name);
    }
    const RegionState* target = p.state().find(t.region);
    const bool defined = target != nullptr && target->jobs.contains(name);
    if (std::find(live.begin(), live.end(), t.region) != live.end()) {
      if (t.whole_project)
        p.add("cron-" + name, "restore",
              fmt::format("Check the schedule of job {}, already live in {}", name, t.region),
              {act(K::check_cron, t.region, name)}, fmt::format("it shows schedule {}", job.schedule->name),
              "scheduled work continues; no job runs twice");
    } else if (!live.empty()) {
      if (t.whole_project)
        p.add("cron-" + name, "restore",
              fmt::format("Leave the schedule of job {} where it is live ({}): creating it in {} would run it twice",
                          name, fmt::join(live, ", "), t.region),
              {}, "no cron subscription for it in the target region", "no job runs twice");
    } else if (!where.empty() && defined && used_by(p.deployment(), job, unwritable).empty()) {
      move_schedule(p, t, job, where);
    }
  }
}

}  // namespace ceplan
