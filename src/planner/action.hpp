#pragma once
// The typed actions a step is made of: each has preconditions on the world state, an effect on
// it, and a rendering (planner/ibmcloud.hpp prints the commands). Plan, runbook and fail-back are
// sequences of steps; the simulator replays them (planner/simulator.hpp).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "planner/world.hpp"

namespace ceplan {

/// What an action does. Those marked manual have no `ibmcloud ce` command: a person does them
/// (CIS changes, data promotion) or they only check something.
enum class ActionKind {
  note,               ///< manual: confirm, decide, read; changes nothing
  disable_pool,       ///< manual (CIS): the region's origin pool stops taking traffic
  enable_pool,        ///< manual (CIS): the region's origin pool takes traffic (added if absent)
  remove_pool,        ///< manual (CIS): the region's origin pool leaves the load balancer
  create_project,     ///< `project create` (after `target -g`)
  select_project,     ///< `project select`: the project must exist
  create_secret,      ///< `secret create`, with the data flags of its format
  check_secret,       ///< `secret get`
  update_secret,      ///< `secret update` of a store's secret: it holds the stores' current settings
  create_configmap,   ///< `configmap create`
  check_configmap,    ///< `configmap get`
  create_app,         ///< `application create` with an image and scale
  scale_app,          ///< `application update --min-scale --max-scale`: a new revision
  restart_app,        ///< `application update`: a new revision, which reads changed secrets
  delete_app,         ///< `application delete`
  check_app,          ///< `application get`
  create_job,         ///< `job create`
  check_job,          ///< `job get`
  delete_job,         ///< `job delete`
  create_cron,        ///< `subscription cron create`: the job's schedule is live there
  delete_cron,        ///< `subscription cron delete --force --ignore-not-found`
  check_cron,         ///< `subscription cron get`
  list_jobruns,       ///< `jobrun list`
  submit_jobrun,      ///< `jobrun submit`
  map_domain,         ///< `domainmapping create` for the proxy target
  check_domain,       ///< `domainmapping get`
  promote_replica,    ///< manual: the store's replica becomes its writable copy
  restore_backup,     ///< manual: the store is restored from a backup copy into the region
  reseed_store,       ///< manual: a new replica of the writable copy in the region, in sync
  switch_store,       ///< manual: write freeze, then that replica becomes the writable copy
  check_url,          ///< `curl` through the custom domain
  check_certificate,  ///< `openssl`: the certificate's end date
  wait_dns,           ///< `sleep` one DNS TTL
};

/// One action of a step.
struct Action {
  ActionKind kind = ActionKind::note;     ///< what it does
  std::string region;                     ///< where it acts
  std::string name;                       ///< the app, job, secret, config map or store it acts on
  std::string image;                      ///< create_app, create_job, scale_app: the image
  std::int64_t min_scale = 0;             ///< create_app, scale_app
  std::optional<std::int64_t> max_scale;  ///< create_app, scale_app; nullopt: Code Engine's default
  std::string server;                     ///< create_secret of a registry secret: the server
};

/// True for the actions that run an `ibmcloud ce` command in their region's project.
[[nodiscard]] bool in_project(ActionKind kind);
/// True for the actions that change nothing (checks and notes).
[[nodiscard]] bool read_only(ActionKind kind);

/// What is wrong with doing `action` in `state` (invariant 2: the project, every secret and config
/// map it references, the app it updates, a reachable registry and a registry secret for that
/// server), or nullopt.
[[nodiscard]] std::optional<std::string> precondition(const WorldState& state, const Deployment& deployment,
                                                      const Catalog& catalog, const Action& action);

/// Applies the action's effect to `state`.
void apply(WorldState& state, const Deployment& deployment, const Action& action);

/// The effect as one line ("app api created in eu-gb, min scale 2"); "" for read-only actions.
[[nodiscard]] std::string effect_text(const Action& action);

}  // namespace ceplan
