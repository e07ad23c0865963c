#include "planner/procedure.hpp"

#include <algorithm>

#include <unordered_set>

#include <fmt/format.h>

#include "model/figures.hpp"
#include "planner/blocks.hpp"
#include "planner/ibmcloud.hpp"

namespace ceplan {

Action act(ActionKind kind, std::string region, std::string name) {
  Action out;
  out.kind = kind;
  out.region = std::move(region);
  out.name = std::move(name);
  return out;
}

std::string data_step_title(const DataStore& store, bool promote, std::string_view where) {
  const std::string& name = store.name.name;
  if (promote)
    return fmt::format("Promote the replica of data store {} in {}", name, where);
  if (store.backup_in)
    return fmt::format("Restore data store {} into {} from its backup copy in {}", name, where, store.backup_in->name);
  return fmt::format("Restore data store {} into {} from its cross-region backup copy", name, where);
}

Procedure::Procedure(const Deployment& deployment, const Catalog& catalog, WorldState state, std::vector<Step>& steps)
    : m_d(deployment), m_catalog(catalog), m_state(std::move(state)), m_steps(steps) {}

void Procedure::add(Step step) {
  step.command = planner::commands(m_d, step.actions);
  for (const Action& action : step.actions) {
    if (std::string effect = effect_text(action); !effect.empty())
      step.effects.push_back(std::move(effect));
    apply(m_state, m_d, action);
  }
  m_steps.push_back(std::move(step));
}

Step make_step(std::string id, std::string phase, std::string title, std::vector<Action> actions, std::string verify,
               std::string objective) {
  Step step;
  step.id = std::move(id);
  step.phase = std::move(phase);
  step.title = std::move(title);
  step.actions = std::move(actions);
  step.verify = std::move(verify);
  step.objective = std::move(objective);
  return step;
}

void Procedure::add(std::string id, std::string phase, std::string title, std::vector<Action> actions,
                    std::string verify, std::string objective) {
  add(make_step(std::move(id), std::move(phase), std::move(title), std::move(actions), std::move(verify),
                std::move(objective)));
}

std::string Procedure::rto(std::string_view what) const {
  const auto& rto = m_d.objectives.rto;
  return rto ? fmt::format("RTO {}: {}", format_duration(*rto), what) : std::string(what);
}

std::string Procedure::rpo(std::string_view otherwise) const {
  const auto& rpo = m_d.objectives.rpo;
  return rpo ? fmt::format("RPO {}: data no older than that", format_duration(*rpo)) : std::string(otherwise);
}

void Procedure::fence_traffic(const std::vector<std::string>& lost) {
  const auto& proxy = m_d.failover.edge_proxy;
  std::vector<std::string> pooled;
  std::vector<Action> actions;
  for (const std::string& region : lost) {
    const RegionState* state = m_state.find(region);
    if (state != nullptr && state->pool.value_or(false)) {
      pooled.push_back(region);
      actions.push_back(act(ActionKind::disable_pool, region));
    }
  }
  if (!proxy || pooled.empty())
    return;
  const std::string regions = fmt::format("{}", fmt::join(pooled, ", "));
  const std::string balancer = proxy->domain.empty() ? std::string("the global load balancer")
                                                     : fmt::format("the load balancer for {}", proxy->domain);
  std::string fallback;
  if (proxy->fallback && std::find(lost.begin(), lost.end(), proxy->fallback->name) != lost.end()) {
    const auto survivor = std::find_if(m_state.regions.begin(), m_state.regions.end(), [&](const auto& entry) {
      return entry.second.reachable && entry.second.pool.value_or(false);
    });
    if (survivor != m_state.regions.end())
      fallback = fmt::format(
          "; make the pool of {} the fallback pool, which CIS uses when every other pool is unhealthy, whatever its "
          "health (the API replaces the whole load balancer: read it with ibmcloud cis glb DNS_DOMAIN_ID GLB_ID -i "
          "CIS_INSTANCE --output json, change only fallback_pool, and send all of it back with ibmcloud cis "
          "glb-update DNS_DOMAIN_ID GLB_ID -i CIS_INSTANCE --json)",
          survivor->first);
  }
  add("fence-traffic", "fence",
      fmt::format("In CIS, disable the origin pool of {} in {}, so that no traffic returns there when it passes "
                  "health checks again{}",
                  regions, balancer, fallback),
      std::move(actions),
      fmt::format("the pool of {} shows as disabled; {} steering would otherwise send traffic back to stale data",
                  regions, to_string(proxy->steering)),
      "no traffic reaches a region before its data is reconciled");
}

void Procedure::stop_schedules(const std::string& region) {
  const RegionState* state = m_state.find(region);
  if (state == nullptr || state->crons.empty())
    return;
  std::vector<Action> deletes;
  for (const Job& job : m_d.jobs) {
    if (state->crons.contains(job.name.name))
      deletes.push_back(act(ActionKind::delete_cron, region, job.name.name));
  }
  Step step = make_step("stop-schedules-" + region, "fence",
                        fmt::format("Delete the cron subscriptions in {} as soon as the region answers, or confirm "
                                    "it is down: a partial outage can still fire them",
                                    region),
                        std::move(deletes),
                        fmt::format("{} in {} shows none of the project's schedules, or the region is confirmed down",
                                    planner::list_crons(), region),
                        "no job runs twice");
  step.when_region_answers = !m_state.reachable(region);
  add(std::move(step));
}

void Procedure::recover_data(const std::string& into, bool whole_geography) {
  std::vector<const DataStore*> recovered;
  for (const DataStore& store : m_d.data) {
    const StoreState& now = m_state.stores.at(store.name.name);
    if (m_state.reachable(now.writable_in))
      continue;
    const bool replica = now.replica_in && m_state.reachable(*now.replica_in);
    const bool backup = std::any_of(now.backups.begin(), now.backups.end(), [&](const std::string& region) {
      return region == "*" ? !whole_geography : m_state.reachable(region);
    });
    if (!replica && (!backup || into.empty()))
      continue;  // no copy survives: the apps that use it are down
    const std::string where = replica ? *now.replica_in : into;
    add("data-" + store.name.name, "restore data", data_step_title(store, replica, where),
        {act(replica ? ActionKind::promote_replica : ActionKind::restore_backup, where, store.name.name)},
        fmt::format("the store accepts writes in {}; note the time of the newest data it holds", where),
        rpo("data loss is bounded by the last backup"));
    recovered.push_back(&store);
  }
  repoint(recovered);
}

namespace {

// What happens to the apps that read a repointed secret: restarted, created later, or stuck
// because their image cannot be pulled.
std::string readers_clause(bool restarts, bool one, const std::vector<std::string>& stuck) {
  const std::string_view it = one ? "it" : "them";
  std::string out = restarts ? fmt::format(
                                   ", and restart the apps that read {}, in every region that runs them (an "
                                   "app reads a changed secret only in a new revision)",
                                   it)
                    : stuck.empty()
                        ? fmt::format("; the apps that read {} are created below and read {} as they start", it, it)
                        : std::string();
  if (!stuck.empty())
    out += fmt::format(
        "; app {} cannot restart, so keeps the old settings, until its image is in a registry that "
        "survives: should the old copy answer again, it would write there, so keep it from serving "
        "until then",
        fmt::join(stuck, ", "));
  return out;
}

// Where each secret's update reads its settings from (its Secrets Manager secret or its file):
// the new ones must be there first.
std::string settings_homes(const Deployment& d, const std::vector<std::string>& secrets) {
  std::vector<std::string> homes;
  for (const std::string& secret : secrets) {
    if (const Artifact* declared = d.secret(secret))
      homes.push_back(planner::secret_settings_home(*declared));
  }
  return fmt::format("{}", fmt::join(homes, ", "));
}

}  // namespace

void Procedure::repoint(const std::vector<const DataStore*>& stores) {
  std::vector<std::string> secrets;  // each updated once, however many stores it serves
  std::unordered_set<std::string_view> listed;
  for (const DataStore* store : stores) {
    const Artifact* secret = store_secret(m_d, *store);
    if (secret != nullptr && listed.insert(secret->name.name).second)
      secrets.push_back(secret->name.name);
  }
  if (secrets.empty())
    return;
  std::vector<Action> actions;
  bool restarts = false;
  std::vector<std::string> stuck;  // apps that cannot restart: their registry is lost
  for (const auto& [id, region] : m_state.regions) {
    if (!region.reachable || !region.project)
      continue;
    std::unordered_set<std::string_view> updated;
    for (const std::string& secret : secrets) {
      if (region.secrets.contains(secret)) {
        actions.push_back(act(ActionKind::update_secret, id, secret));
        updated.insert(secret);
      }
    }
    // An app reads a changed secret only in a new revision: restart each one that references one.
    for (const auto& [name, app] : region.apps) {
      const App* declared = m_d.app(name);
      const bool reads =
          declared != nullptr && (std::any_of(declared->secrets.begin(), declared->secrets.end(),
                                              [&](const Ref& ref) { return updated.contains(ref.name); }) ||
                                  (declared->registry_secret && updated.contains(declared->registry_secret->name)));
      if (reads && image_lost_in(m_state, m_catalog, app.image)) {
        stuck.push_back(fmt::format("{} in {}", name, id));
      } else if (reads) {
        actions.push_back(act(ActionKind::restart_app, id, name));
        restarts = true;
      }
    }
  }
  if (actions.empty())
    return;
  const std::string names = fmt::format("{}", fmt::join(secrets, ", "));
  std::vector<std::string> recovered;
  for (const DataStore* store : stores) recovered.push_back(store->name.name);
  const bool one = secrets.size() == 1;
  add(stores.size() == 1 ? "connect-" + stores.front()->name.name : std::string("connect-data"), "restore data",
      fmt::format("Point secret{} {} at the recovered data store{} {}{}. First write the copy's connection settings "
                  "into {}; the step deletes the files it reads",
                  one ? "" : "s", names, recovered.size() == 1 ? "" : "s", fmt::join(recovered, ", "),
                  readers_clause(restarts, one, stuck), settings_homes(m_d, secrets)),
      std::move(actions),
      fmt::format("{} shows the new connection settings in each region{}",
                  one ? fmt::format("ibmcloud ce secret get --name {}", planner::shell_word(names))
                      : std::string("ibmcloud ce secret get"),
                  restarts ? "; the apps' latest revisions are Ready" : ""),
      rpo("data loss is bounded by the last backup"));
}

void Procedure::fail_back_hint(const std::string& region, std::string_view id) {
  add(std::string(id), "fail back",
      fmt::format("When {} recovers: keep its origin pool disabled and its schedules deleted; reconcile its data "
                  "from the region that served meanwhile (a promoted replica cannot rejoin: re-seed it); only then "
                  "move back, with ceplan failback",
                  region),
      {},
      fmt::format("{} in {} shows no schedule that also runs elsewhere; its data matches the serving region's "
                  "before its pool is enabled",
                  planner::list_crons(), region),
      "no job runs twice; no traffic returns to stale data");
}

}  // namespace ceplan
