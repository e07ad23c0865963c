#include "planner/dependencies.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "model/registry.hpp"
#include "support/lists.hpp"

namespace ceplan {
namespace {

// "a, b and c", or the first three and how many more: a title stays one readable line.
std::string short_list(const std::vector<std::string>& names) {
  constexpr std::size_t shown = 3;
  if (names.size() <= shown)
    return fmt::format("{}", fmt::join(names, ", "));
  return fmt::format("{} and {} more", fmt::join(names.begin(), names.begin() + shown, ", "), names.size() - shown);
}

// The registry domain of each project region that survives, to push copies to: each region pulls
// best from its own.
std::string surviving_registry(const Deployment& d, const Catalog& catalog, const WorldState& state) {
  std::vector<std::string> out;
  for (const ProjectRegion& entry : d.regions) {
    const Region* region = catalog.find(entry.id.name);
    if (region != nullptr && region->registry && state.reachable(region->id))
      add_once(out, fmt::format("{} for {}", *region->registry, region->id));
  }
  return short_list(out);
}

}  // namespace

std::vector<std::string> unreachable_regions(const Catalog& catalog, const Scenario& scenario) {
  std::vector<std::string> lost;
  for (const Region& region : catalog.regions()) {
    const bool zone = std::find(region.zones.begin(), region.zones.end(), scenario.target) != region.zones.end();
    if ((scenario.kind == ScenarioKind::region && region.id == scenario.target) ||
        (scenario.kind == ScenarioKind::geography && region.geography == scenario.target) ||
        (scenario.kind == ScenarioKind::zone && zone && region.availability != Availability::mzr))
      lost.push_back(region.id);
  }
  for (const RegistryOnlyRegion& region : registry_only_regions()) {
    if ((scenario.kind == ScenarioKind::region && region.id == scenario.target) ||
        (scenario.kind == ScenarioKind::geography && region.geography == scenario.target))
      lost.emplace_back(region.id);
  }
  return lost;
}

std::optional<std::string> lost_registry(const Workload& workload, const std::vector<std::string>& regions,
                                         const Catalog& catalog, const std::vector<std::string>& unreachable) {
  if (unreachable.empty())
    return std::nullopt;
  for (const std::string& region : regions) {
    const std::string& image = workload.image_in(region).name;
    if (const auto home = registry_region(image, catalog); home && contains(unreachable, *home))
      return std::string(registry_host(image));
  }
  return std::nullopt;
}

std::vector<std::string> lost_registries(const Catalog& catalog, const ScenarioPlan& plan) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  auto note = [&](const std::string& host) {
    if (host.empty() || !seen.insert(host).second)
      return;
    const auto home = registry_host_region(host, catalog);
    out.push_back(fmt::format("{} ({})", host, home.value_or("?")));
  };
  for (const AppOutcome& app : plan.apps) note(app.lost_registry);
  for (const JobOutcome& job : plan.jobs) note(job.lost_registry);
  return out;
}

std::vector<Scenario> dependency_scenarios(const Deployment& d, const Catalog& catalog) {
  std::set<std::string> own;
  for (const ProjectRegion& region : d.regions) own.insert(region.id.name);
  std::vector<std::string> geographies;
  auto geography_of = [&](const std::string& id) {
    if (const Region* region = catalog.find(id))
      add_once(geographies, region->geography);
    else if (const RegistryOnlyRegion* other = find_registry_only_region(id))
      add_once(geographies, std::string(other->geography));
  };
  for (const ProjectRegion& region : d.regions) geography_of(region.id.name);
  std::vector<std::string> others;  // at most the registries IBM has: each look-up is short
  auto pulls_from = [&](const std::string& image) {
    if (auto home = registry_region(image, catalog); home && !own.contains(*home) && !contains(others, *home)) {
      geography_of(*home);
      others.push_back(std::move(*home));
    }
  };
  auto pulls = [&](const Workload& workload) {
    pulls_from(workload.image.name);
    for (const Ref& region : workload.regions) pulls_from(workload.image_in(region.name).name);
  };
  for (const App& app : d.apps) pulls(app);
  for (const Job& job : d.jobs) pulls(job);
  std::vector<Scenario> out;
  for (std::string& id : others) out.push_back(Scenario{ScenarioKind::region, std::move(id)});
  for (std::string& geography : geographies) out.push_back(Scenario{ScenarioKind::geography, std::move(geography)});
  return out;
}

void freeze_deploys(Procedure& p, const ScenarioPlan& plan) {
  if (plan.lost_registries.empty())
    return;
  std::vector<std::string> workloads;
  for (const AppOutcome& app : plan.apps) {
    if (!app.lost_registry.empty())
      workloads.push_back("app " + app.name);
  }
  for (const JobOutcome& job : plan.jobs) {
    if (!job.lost_registry.empty())
      workloads.push_back("job " + job.name);
  }
  p.add("freeze-deploys", "fence",
        fmt::format("Freeze deploys, restarts and scale changes of {}: {} cannot be reached, so no new instance "
                    "can pull an image from it (a new revision, a scale-up, a zone move, a job run); the instances "
                    "running now keep serving only until Code Engine relocates them, which IBM says can happen at "
                    "any time (to apply security fixes) and fails without the image, so get the images into a "
                    "surviving registry soon",
                    short_list(workloads), short_list(plan.lost_registries)),
        {},
        "the pipeline's deploys to the project are paused, and the team knows not to update, restart or scale "
        "these workloads until the registry is back",
        "no step causes an outage of its own");
}

void copy_images(Procedure& p, const ScenarioPlan& plan) {
  if (plan.lost_registries.empty())
    return;
  std::vector<std::string> images;
  for (std::size_t i = 0; i < plan.apps.size(); ++i) {
    if (!plan.apps[i].lost_registry.empty())
      add_once(images, p.deployment().apps[i].image.name);
  }
  for (std::size_t i = 0; i < plan.jobs.size(); ++i) {
    if (!plan.jobs[i].lost_registry.empty())
      add_once(images, p.deployment().jobs[i].image.name);
  }
  const std::string target = surviving_registry(p.deployment(), p.catalog(), p.state());
  p.add("copy-images", "restore",
        fmt::format("If the outage lasts: push {} to a registry that survives{} by rebuilding or from the pipeline "
                    "(the lost registry cannot be read, so nothing can be copied from it), then name the copy in "
                    "the deploy file (regions: or restore: {{ REGION: {{ image: ... }} }}); the copy should have "
                    "existed before the outage (CE306)",
                    short_list(images), target.empty() ? std::string() : fmt::format(", such as {},", target)),
        {}, "the surviving registry lists each image and tag, and each workload's image names it",
        "apps can scale and restart again");
}

namespace {

// The first secret `workload` needs in `region` that is not there and cannot be re-created.
std::string unavailable_secret(const Deployment& d, const WorldState& state, const RegionState* region,
                               const Workload& workload) {
  auto missing = [&](const std::string& name) -> std::string {
    if (region != nullptr && region->secrets.contains(name))
      return {};
    const auto from = secret_source_lost(state, d, name);
    return from ? fmt::format("{} (Secrets Manager in {})", name, *from) : std::string();
  };
  for (const Ref& ref : workload.secrets) {
    if (std::string lost = missing(ref.name); !lost.empty())
      return lost;
  }
  return workload.registry_secret ? missing(workload.registry_secret->name) : std::string();
}

}  // namespace

void mark_lost_secrets(const Deployment& d, const WorldState& start, const std::string& takeover, ScenarioPlan& plan) {
  if (takeover.empty())
    return;
  const RegionState* region = start.find(takeover);
  for (std::size_t i = 0; i < plan.apps.size(); ++i) {
    if (plan.apps[i].status == AppStatus::down)
      plan.apps[i].lost_secret = unavailable_secret(d, start, region, d.apps[i]);
  }
  for (std::size_t i = 0; i < plan.jobs.size(); ++i) {
    if (plan.jobs[i].status == JobStatus::down)
      plan.jobs[i].lost_secret = unavailable_secret(d, start, region, d.jobs[i]);
  }
}

void secret_sources(Procedure& p, const ScenarioPlan& plan, const std::string& takeover) {
  std::vector<std::string> secrets;
  std::vector<std::string> workloads;
  for (const AppOutcome& app : plan.apps) {
    if (!app.lost_secret.empty()) {
      add_once(secrets, app.lost_secret);
      workloads.push_back("app " + app.name);
    }
  }
  for (const JobOutcome& job : plan.jobs) {
    if (!job.lost_secret.empty()) {
      add_once(secrets, job.lost_secret);
      workloads.push_back("job " + job.name);
    }
  }
  if (secrets.empty())
    return;
  p.add("secret-sources", "restore",
        fmt::format("Leave {} down: {} needs secret {}, which {} does not hold and whose Secrets Manager instance "
                    "is lost. Create it there from a copy the team keeps elsewhere (a Secrets Manager replica in "
                    "another region), then re-create them with ceplan runbook",
                    short_list(workloads), workloads.size() == 1 ? "it" : "each", short_list(secrets), takeover),
        {}, "the secret exists in the region that takes over, with the expected keys", "the project serves again");
}

}  // namespace ceplan
