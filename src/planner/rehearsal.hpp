#pragma once
// A rehearsal: the read-only checks that a procedure's preconditions hold in the live account
// before anyone needs it (docs/runbook-scripts.md). Only what the procedure does not create
// itself is checked: the standby project and what it already holds, the images every new
// revision pulls, a registry secret's server, room for a new project, the CIS origin pools.

#include <string>
#include <vector>

#include "planner/step.hpp"

namespace ceplan::planner {

/// What one check looks at.
enum class CheckKind {
  project,          ///< the project exists in the region
  project_room,     ///< the region holds fewer than 20 projects (soft-deleted ones too), so one can be created
  project_free,     ///< no project of that name exists in the region yet
  project_unused,   ///< no soft-deleted project of that name waits in the region's reclamation
  secret,           ///< the secret exists in the region's project
  configmap,        ///< the config map exists in the region's project
  app,              ///< the app exists in the region's project
  job,              ///< the job exists in the region's project
  image,            ///< the image exists in its registry
  registry_server,  ///< the registry secret logs in to the server the image is pulled from
  pools,            ///< the CIS load balancer has an origin pool for the region
};

/// One read-only check.
struct Check {
  CheckKind kind = CheckKind::project;  ///< what it looks at
  std::string region;                   ///< where; "" for an image or the pools
  std::string name;                     ///< the secret, config map, app, job or image
  std::string detail;                   ///< registry_server: the server; project_room: the limit
};

/// The checks before each of `steps` (parallel to them), each once, replaying the steps from `start`:
/// a subject the procedure creates before it needs it is not checked, nor anything in a region
/// `start` has lost, nor a step deferred until its region answers.
[[nodiscard]] std::vector<std::vector<Check>> rehearsal(const Deployment& deployment, const WorldState& start,
                                                        const std::vector<Step>& steps);

/// The read-only command that makes the check (ibmcloud.hpp builds it); registry_server's output
/// must name the server, and project_room's must name the region on fewer rows than the limit.
[[nodiscard]] std::string check_command(const Deployment& deployment, const Check& check);
/// True for the checks that run in the region's targeted project.
[[nodiscard]] bool runs_in_project(const Check& check);
/// What the check confirms, one line: "secret db-creds exists in eu-gb".
[[nodiscard]] std::string check_text(const Check& check);

}  // namespace ceplan::planner
