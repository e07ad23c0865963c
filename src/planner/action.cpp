#include "planner/action.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "model/registry.hpp"

namespace ceplan {
namespace {

using K = ActionKind;

const Workload* workload_named(const Deployment& d, const std::string& name, bool job) {
  return job ? static_cast<const Workload*>(d.job(name)) : static_cast<const Workload*>(d.app(name));
}

// A new revision (create, update, restart) pulls `image`: its registry must be reachable, and a
// workload that pulls with a registry secret needs that secret there, logged in to that server.
std::optional<std::string> pull_problem(const WorldState& state, const Catalog& catalog, const RegionState& region,
                                        const Workload& workload, const std::string& image) {
  if (const auto home = image_lost_in(state, catalog, image))
    return fmt::format("image {} is in the registry of {}, which is lost: it cannot be pulled", image, *home);
  if (workload.registry_secret) {
    const std::string& secret = workload.registry_secret->name;
    const auto server = region.servers.find(secret);
    if (!region.secrets.contains(secret) || server == region.servers.end())
      return fmt::format("registry secret {} is not there", secret);
    if (server->second != registry_host(image))
      return fmt::format("registry secret {} logs in to {}, not {}", secret, server->second, registry_host(image));
  }
  for (const Ref& ref : workload.secrets) {
    if (!region.secrets.contains(ref.name))
      return fmt::format("secret {} is not there", ref.name);
  }
  for (const Ref& ref : workload.configmaps) {
    if (!region.configmaps.contains(ref.name))
      return fmt::format("config map {} is not there", ref.name);
  }
  return std::nullopt;
}

std::optional<std::string> store_problem(const WorldState& state, const Action& a) {
  const auto it = state.stores.find(a.name);
  if (it == state.stores.end())
    return fmt::format("no data store {}", a.name);
  const StoreState& store = it->second;
  switch (a.kind) {
    case K::promote_replica:
      if (!store.replica_in || *store.replica_in != a.region || !state.reachable(a.region))
        return fmt::format("data store {} has no reachable replica in {}", a.name, a.region);
      return std::nullopt;
    case K::restore_backup:
      if (std::none_of(store.backups.begin(), store.backups.end(),
                       [&](const std::string& r) { return r == "*" || state.reachable(r); }))
        return fmt::format("data store {} has no reachable backup copy", a.name);
      return std::nullopt;
    default:
      if (!state.reachable(store.writable_in) || store.writable_in.empty())
        return fmt::format("data store {} has no writable copy to copy from", a.name);
      if (a.kind == K::switch_store && (!store.replica_in || *store.replica_in != a.region))
        return fmt::format("data store {} has no replica in {} to switch to", a.name, a.region);
      return std::nullopt;
  }
}

std::optional<std::string> project_problem(const WorldState& state, const Deployment& d, const Catalog& catalog,
                                           const RegionState& region, const Action& a) {
  const auto app = region.apps.find(a.name);
  switch (a.kind) {
    case K::create_app:
    case K::create_job: {
      const Workload* w = workload_named(d, a.name, a.kind == K::create_job);
      return w == nullptr ? std::nullopt : pull_problem(state, catalog, region, *w, a.image);
    }
    case K::scale_app:
    case K::restart_app: {
      if (app == region.apps.end())
        return fmt::format("app {} does not exist in {}", a.name, a.region);
      const Workload* w = workload_named(d, a.name, false);
      return w == nullptr ? std::nullopt : pull_problem(state, catalog, region, *w, app->second.image);
    }
    case K::delete_app:
    case K::check_app:
      if (app == region.apps.end())
        return fmt::format("app {} does not exist in {}", a.name, a.region);
      return std::nullopt;
    case K::create_cron:
    case K::check_job:
    case K::delete_job:
    case K::submit_jobrun:
      if (!region.jobs.contains(a.name))
        return fmt::format("job {} is not defined in {}", a.name, a.region);
      return std::nullopt;
    case K::update_secret:
    case K::check_secret:
      if (!region.secrets.contains(a.name))
        return fmt::format("secret {} is not in {}", a.name, a.region);
      return std::nullopt;
    case K::create_secret:
      if (const auto from = secret_source_lost(state, d, a.name))
        return fmt::format("secret {} is re-created from Secrets Manager in {}, which is lost", a.name, *from);
      return std::nullopt;
    case K::map_domain: {
      const std::string tls = d.tls_secret_name();
      if (app == region.apps.end() || !region.secrets.contains(tls))
        return fmt::format("the domain maps to app {} with secret {}, which are not both in {}", a.name, tls, a.region);
      return std::nullopt;
    }
    default: return std::nullopt;
  }
}

}  // namespace

bool in_project(ActionKind kind) {
  switch (kind) {
    case K::note:
    case K::disable_pool:
    case K::enable_pool:
    case K::remove_pool:
    case K::create_project:
    case K::promote_replica:
    case K::restore_backup:
    case K::reseed_store:
    case K::switch_store:
    case K::check_url:
    case K::check_certificate:
    case K::wait_dns: return false;
    default: return true;
  }
}

bool read_only(ActionKind kind) {
  switch (kind) {
    case K::note:
    case K::select_project:
    case K::check_secret:
    case K::check_configmap:
    case K::check_app:
    case K::check_job:
    case K::check_cron:
    case K::list_jobruns:
    case K::check_domain:
    case K::check_url:
    case K::check_certificate:
    case K::wait_dns: return true;
    default: return false;
  }
}

std::optional<std::string> precondition(const WorldState& state, const Deployment& d, const Catalog& catalog,
                                        const Action& a) {
  switch (a.kind) {
    case K::promote_replica:
    case K::restore_backup:
    case K::reseed_store:
    case K::switch_store: return store_problem(state, a);
    case K::create_project:
      if (const RegionState* region = state.find(a.region); region != nullptr && region->project)
        return fmt::format("project {} already exists in {}", d.project, a.region);
      return std::nullopt;
    default: break;
  }
  if (!in_project(a.kind))
    return std::nullopt;
  const RegionState* region = state.find(a.region);
  if (region == nullptr || !region->project)
    return fmt::format("project {} does not exist in {}", d.project, a.region);
  return project_problem(state, d, catalog, *region, a);
}

namespace {

void apply_store(WorldState& state, const Action& a) {
  StoreState& store = state.stores[a.name];
  switch (a.kind) {
    case K::promote_replica:
      store.writable_in = a.region;
      store.replica_in.reset();
      store.moved_at = ++state.tick;
      break;
    case K::restore_backup:
      store.writable_in = a.region;
      store.moved_at = ++state.tick;
      break;
    case K::reseed_store: store.replica_in = a.region; break;
    default:  // switch_store
      store.writable_in = a.region;
      store.replica_in.reset();
      store.moved_at = ++state.tick;
      break;
  }
}

void apply_app(WorldState& state, RegionState& region, const Action& a) {
  if (a.kind == K::delete_app) {
    region.apps.erase(a.name);
    return;
  }
  AppState& app = region.apps[a.name];
  if (a.kind == K::create_app) {
    app = AppState{a.image, a.min_scale, a.max_scale, 0};
  } else if (a.kind == K::scale_app) {
    app.min_scale = a.min_scale;
    app.max_scale = a.max_scale;
  }
  app.revision = ++state.tick;  // every create, update and restart is a new revision
}

}  // namespace

void apply(WorldState& state, const Deployment& d, const Action& a) {
  if (read_only(a.kind))
    return;
  if (a.kind == K::promote_replica || a.kind == K::restore_backup || a.kind == K::reseed_store ||
      a.kind == K::switch_store) {
    apply_store(state, a);
    return;
  }
  RegionState& region = state.at(a.region);
  switch (a.kind) {
    case K::disable_pool:
      if (region.pool)
        region.pool = false;
      break;
    case K::enable_pool: region.pool = true; break;
    case K::remove_pool: region.pool.reset(); break;
    case K::create_project: region.project = true; break;
    case K::create_secret:
    case K::update_secret: {
      // The secret takes the settings the team holds now: those of the stores' current copies.
      region.secrets.insert(a.name);
      if (!a.server.empty())
        region.servers[a.name] = a.server;
      const std::int64_t now = ++state.tick;
      for (const std::size_t store : d.stores_of_secret(a.name)) region.store_settings[d.data[store].name.name] = now;
      break;
    }
    case K::create_configmap: region.configmaps.insert(a.name); break;
    case K::create_job: region.jobs.insert(a.name); break;
    case K::delete_job:
      region.jobs.erase(a.name);
      region.crons.erase(a.name);
      break;
    case K::create_cron: region.crons.insert(a.name); break;
    case K::delete_cron: region.crons.erase(a.name); break;
    case K::map_domain: region.domain_mapping = true; break;
    case K::submit_jobrun: break;
    default: apply_app(state, region, a); break;
  }
}

std::string effect_text(const Action& a) {
  const std::string max = a.max_scale ? fmt::format(", max scale {}", *a.max_scale) : std::string();
  switch (a.kind) {
    case K::disable_pool: return fmt::format("origin pool of {} disabled", a.region);
    case K::enable_pool: return fmt::format("origin pool of {} enabled", a.region);
    case K::remove_pool: return fmt::format("origin pool of {} removed from the load balancer", a.region);
    case K::create_project: return fmt::format("project created in {}", a.region);
    case K::create_secret: return fmt::format("secret {} created in {}", a.name, a.region);
    case K::update_secret:
      return fmt::format("secret {} in {} holds the current settings of its data stores", a.name, a.region);
    case K::create_configmap: return fmt::format("config map {} created in {}", a.name, a.region);
    case K::create_app: return fmt::format("app {} created in {} (min scale {}{})", a.name, a.region, a.min_scale, max);
    case K::scale_app: return fmt::format("app {} in {} scaled to min scale {}{}", a.name, a.region, a.min_scale, max);
    case K::restart_app:
      return fmt::format("app {} in {} restarted: a new revision reads its secrets", a.name, a.region);
    case K::delete_app: return fmt::format("app {} deleted in {}", a.name, a.region);
    case K::create_job: return fmt::format("job {} defined in {}", a.name, a.region);
    case K::delete_job: return fmt::format("job {} deleted in {}", a.name, a.region);
    case K::create_cron: return fmt::format("schedule of job {} live in {}", a.name, a.region);
    case K::delete_cron: return fmt::format("schedule of job {} deleted in {}", a.name, a.region);
    case K::submit_jobrun: return fmt::format("job {} run once in {}", a.name, a.region);
    case K::map_domain: return fmt::format("custom domain mapped to app {} in {}", a.name, a.region);
    case K::promote_replica: return fmt::format("data store {} writable in {} (replica promoted)", a.name, a.region);
    case K::restore_backup: return fmt::format("data store {} restored and writable in {}", a.name, a.region);
    case K::reseed_store: return fmt::format("new replica of data store {} in {}, in sync", a.name, a.region);
    case K::switch_store: return fmt::format("data store {} writable in {} (after a write freeze)", a.name, a.region);
    default: return {};
  }
}

}  // namespace ceplan
