// `ceplan runbook`: re-create the project in another region, step by step (docs/planner.md). Code
// Engine backs up project metadata but does not restore workloads: this is that restore.
#include "planner/runbook.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "model/figures.hpp"
#include "planner/simulator.hpp"
#include "planner/takeover.hpp"

namespace ceplan {
namespace {

constexpr std::string_view serves_again = "the project serves again";

// confirm, decide, check images, fence, re-create the project, recover the data, bring up the
// workloads, move schedules, cut over, verify, fail back: every step that changes something comes
// after the decision, and traffic after the data.
void build(const Deployment& d, const Catalog& catalog, Runbook& out) {
  WorldState state = initial_state(d);
  lose(state, {out.from});
  Procedure p(d, catalog, std::move(state), out.steps);
  const Region* from = catalog.find(out.from);
  p.add("confirm-outage", "preflight",
        fmt::format("Confirm that {} is unavailable on the IBM Cloud status page", out.from), {},
        "the status page lists the region as unavailable, or the team has declared a disaster", p.rto(serves_again));
  const std::string endpoint = from != nullptr && from->backup_endpoint ? *from->backup_endpoint : "";
  p.add("decide", "decide",
        fmt::format("Decide to restore project {} into {}: IBM backs up its metadata{}, but does not restore workloads",
                    d.project, out.to,
                    endpoint.empty() ? std::string(" (no published cross-regional endpoint for this region)")
                                     : fmt::format(" to the {} cross-regional endpoint", endpoint)),
        {}, "the incident lead has approved the restore and noted the time; every later step changes something",
        p.rto(serves_again));
  Takeover takeover{out.to, {out.from}, {}, {}, true};
  for (const App& app : d.apps) takeover.apps.push_back(&app);
  for (const Job& job : d.jobs) takeover.jobs.push_back(&job);
  if (const auto lost = check_images(p, takeover); !lost.empty())
    out.notes.push_back(
        fmt::format("{} cannot be pulled: its registry's region is lost. Push a copy to a registry "
                    "that survives and name it in the deploy file (restore: {{ {}: {{ image: ... }} }} of the "
                    "workload) before re-creating anything",
                    fmt::join(lost, ", "), out.to));
  std::vector<std::string> unreachable;
  for (const Artifact& secret : d.secrets) {
    if (secret_source_lost(p.state(), d, secret.name.name))
      unreachable.push_back(secret.name.name);
  }
  if (!unreachable.empty())
    out.notes.push_back(
        fmt::format("secret {} is re-created from Secrets Manager in {}, which is lost: create it "
                    "from a copy the team keeps elsewhere instead of the step below",
                    fmt::join(unreachable, ", "), out.from));
  p.fence_traffic({out.from});
  p.stop_schedules(out.from);
  prepare_project(p, takeover);
  p.recover_data(out.to, false);
  pause_orphaned_schedules(p);
  bring_up_workloads(p, takeover);
  move_schedules(p, takeover);
  cut_over(p, takeover);
  verify(p, takeover);
  p.fail_back_hint(out.from, "fail-back");
  out.end = p.state();
}

std::string region_ids(const Deployment& d) {
  std::vector<std::string> ids;
  for (const ProjectRegion& region : d.regions) ids.push_back(region.id.name);
  return fmt::format("{}", fmt::join(ids, ", "));
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

std::string objectives_text(const Deployment& d) {
  std::vector<std::string> parts;
  if (d.objectives.rto)
    parts.push_back("RTO " + format_duration(*d.objectives.rto));
  if (d.objectives.rpo)
    parts.push_back("RPO " + format_duration(*d.objectives.rpo));
  return fmt::format("{}", fmt::join(parts, ", "));
}

Runbook restore_runbook(const Deployment& d, const Catalog& catalog, const std::string& to, const std::string& from) {
  Runbook out;
  out.project = d.project;
  out.to = catalog.at(to).id;
  if (!from.empty()) {
    out.from = catalog.at(from).id;
    if (d.region(out.from) == nullptr) {
      throw usage_error(fmt::format("project {} is not in {}; --from must be one of its regions: {}", d.project,
                                    out.from, region_ids(d)));
    }
  } else if (const ProjectRegion* primary = d.first_with_role(Role::primary)) {
    out.from = primary->id.name;
  } else if (!d.regions.empty()) {
    out.from = d.regions.front().id.name;
  }
  if (out.from == out.to) {
    throw usage_error(
        fmt::format("cannot restore from {} into the same region; choose --restore-to another region", out.to));
  }
  out.objectives = objectives_text(d);
  out.estimate = estimate_text(d, out.from);
  build(d, catalog, out);
  WorldState start = initial_state(d);
  lose(start, {out.from});
  Goal goal;
  goal.kind = Goal::Kind::runbook;
  goal.restore_to = out.to;
  out.start = start;
  out.unsafe = simulate(d, catalog, std::move(start), out.steps, goal);
  return out;
}

}  // namespace ceplan
