#pragma once
// The part of the one planner that brings workloads up in a region: the project, its secrets and
// config maps, the images, the apps at the scale of the regions they replace, the jobs and their
// schedules, the custom domain and the origin pool, and the checks. The runbook runs it for every
// workload; a plan runs it for the workloads no surviving region runs.

#include <string>
#include <vector>

#include "planner/procedure.hpp"

namespace ceplan {

/// What to bring up where.
struct Takeover {
  std::string region;             ///< where the workloads go
  std::vector<std::string> lost;  ///< the regions they come from (their scale is the floor)
  std::vector<const App*> apps;   ///< the apps to run there
  std::vector<const Job*> jobs;   ///< the jobs to define there
  bool whole_project = false;     ///< runbook: every secret and config map too, and every check
};

/// Before anything changes: every image the region will pull is in a registry that survives.
/// Returns the images that cannot be pulled (their registry's region is lost).
std::vector<std::string> check_images(Procedure& procedure, const Takeover& takeover);
/// The project, its secrets and config maps in the region.
void prepare_project(Procedure& procedure, const Takeover& takeover);
/// The apps (created, or scaled to the load they take over) and the jobs.
void bring_up_workloads(Procedure& procedure, const Takeover& takeover);
/// Deletes each live schedule of a job whose data store has no writable copy (invariant 3).
void pause_orphaned_schedules(Procedure& procedure);
/// Each schedule that was live only in lost regions goes live in the region (after the data):
/// unless it is live in a reachable region already, or its data has no writable copy.
void move_schedules(Procedure& procedure, const Takeover& takeover);
/// The custom domain and the origin pool of the region, once its data is writable.
void cut_over(Procedure& procedure, const Takeover& takeover);
/// End-to-end checks: the domain, its certificate, each app, each job.
void verify(Procedure& procedure, const Takeover& takeover);

}  // namespace ceplan
