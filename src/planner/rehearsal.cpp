#include "planner/rehearsal.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "model/figures.hpp"
#include "model/registry.hpp"
#include "planner/ibmcloud.hpp"

namespace ceplan::planner {
namespace {

using K = ActionKind;

// The checks of one procedure, each once, and what the steps so far have created.
class Walk {
public:
  Walk(const Deployment& d, const WorldState& start) : m_d(d), m_start(start), m_state(start) {}

  std::vector<Check> step(const Step& step) {
    std::vector<Check> out;
    for (const Action& a : step.actions) {
      if (!step.when_region_answers && m_start.reachable(a.region))
        checks(a, out);
      apply(m_state, m_d, a);
    }
    return out;
  }

private:
  // True when `region` held it at the start and still does: the account must hold it now.
  bool held(const std::string& region, CheckKind kind, const std::string& name) const {
    const RegionState* before = m_start.find(region);
    const RegionState* now = m_state.find(region);
    if (before == nullptr || now == nullptr)
      return false;
    switch (kind) {
      case CheckKind::project: return before->project && now->project;
      case CheckKind::secret: return before->secrets.contains(name) && now->secrets.contains(name);
      case CheckKind::configmap: return before->configmaps.contains(name) && now->configmaps.contains(name);
      case CheckKind::app: return before->apps.contains(name) && now->apps.contains(name);
      case CheckKind::job: return before->jobs.contains(name) && now->jobs.contains(name);
      default: return false;
    }
  }

  void add(Check check, std::vector<Check>& out) {
    const auto key = std::make_tuple(check.kind, check.region, check.name);
    if (m_seen.insert(key).second)
      out.push_back(std::move(check));
  }

  void existing(CheckKind kind, const std::string& region, const std::string& name, std::vector<Check>& out) {
    if (held(region, kind, name))
      add({kind, region, name, {}}, out);
  }

  // A new revision pulls `image`: it must be in its registry, and an existing registry secret must
  // log in to that registry.
  void workload(const Workload& w, const Action& a, const std::string& image, std::vector<Check>& out) {
    for (const Ref& ref : w.secrets) existing(CheckKind::secret, a.region, ref.name, out);
    for (const Ref& ref : w.configmaps) existing(CheckKind::configmap, a.region, ref.name, out);
    if (!image.empty() && in_ibm_registry(image) && !public_sample_image(image))
      add({CheckKind::image, {}, image, {}}, out);
    if (w.registry_secret && held(a.region, CheckKind::secret, w.registry_secret->name))
      add({CheckKind::registry_server, a.region, w.registry_secret->name, std::string(registry_host(image))}, out);
  }

  // The image an app's new revision pulls where it already runs.
  std::string running_image(const Action& a) const {
    const RegionState* region = m_state.find(a.region);
    if (region == nullptr)
      return {};
    const auto app = region->apps.find(a.name);
    return app == region->apps.end() ? std::string() : app->second.image;
  }

  void checks(const Action& a, std::vector<Check>& out) {
    if (in_project(a.kind))
      existing(CheckKind::project, a.region, m_d.project, out);
    switch (a.kind) {
      case K::create_project:
        add({CheckKind::project_room, a.region, m_d.project, "20"}, out);
        add({CheckKind::project_free, a.region, m_d.project, {}}, out);
        add({CheckKind::project_unused, a.region, m_d.project, {}}, out);
        break;
      case K::create_app:
      case K::create_job: {
        const Workload* w = a.kind == K::create_app ? static_cast<const Workload*>(m_d.app(a.name)) : m_d.job(a.name);
        if (w != nullptr)
          workload(*w, a, a.image, out);
        break;
      }
      case K::scale_app:
      case K::restart_app:
        existing(CheckKind::app, a.region, a.name, out);
        if (const App* app = m_d.app(a.name); app != nullptr)
          workload(*app, a, running_image(a), out);
        break;
      case K::delete_app:
      case K::check_app: existing(CheckKind::app, a.region, a.name, out); break;
      case K::check_job:
      case K::create_cron:
      case K::submit_jobrun:
      case K::delete_job: existing(CheckKind::job, a.region, a.name, out); break;
      case K::update_secret:
      case K::check_secret: existing(CheckKind::secret, a.region, a.name, out); break;
      case K::check_configmap: existing(CheckKind::configmap, a.region, a.name, out); break;
      case K::map_domain: existing(CheckKind::secret, a.region, m_d.tls_secret_name(), out); break;
      case K::enable_pool:
      case K::disable_pool:
      case K::remove_pool:
        // A pool the step adds need not exist yet.
        if (const RegionState* before = m_start.find(a.region); before != nullptr && before->pool)
          add({CheckKind::pools, a.region, {}, {}}, out);
        break;
      default: break;
    }
  }

  const Deployment& m_d;
  const WorldState& m_start;
  WorldState m_state;
  std::set<std::tuple<CheckKind, std::string, std::string>> m_seen;
};

}  // namespace

std::vector<std::vector<Check>> rehearsal(const Deployment& d, const WorldState& start,
                                          const std::vector<Step>& steps) {
  Walk walk(d, start);
  std::vector<std::vector<Check>> out;
  out.reserve(steps.size());
  for (const Step& step : steps) out.push_back(walk.step(step));
  return out;
}

std::string check_command(const Deployment& d, const Check& c) {
  const Artifact named{Ref{c.name, {}}, Source::manual, {}, {}, std::nullopt};
  switch (c.kind) {
    case CheckKind::project: return get_project(c.name);
    case CheckKind::project_room: return fmt::format("{} && {}", list_projects(c.region), list_reclamations(c.region));
    case CheckKind::project_free: return get_project(c.name);
    case CheckKind::project_unused: return list_reclamations(c.region);
    case CheckKind::secret: return get_secret(named);
    case CheckKind::configmap: return get_configmap(named);
    case CheckKind::app: return d.app(c.name) != nullptr ? get_app(*d.app(c.name)) : std::string();
    case CheckKind::job: return d.job(c.name) != nullptr ? get_job(*d.job(c.name)) : std::string();
    case CheckKind::image: return inspect_image(c.name);
    case CheckKind::registry_server: return secret_json(c.name);
    case CheckKind::pools: return list_pools();
  }
  return {};
}

bool runs_in_project(const Check& c) {
  return c.kind == CheckKind::secret || c.kind == CheckKind::configmap || c.kind == CheckKind::app ||
         c.kind == CheckKind::job || c.kind == CheckKind::registry_server;
}

std::string check_text(const Check& c) {
  switch (c.kind) {
    case CheckKind::project: return fmt::format("project {} exists in {}", c.name, c.region);
    case CheckKind::project_room:
      return fmt::format("{} holds fewer than {} projects, soft-deleted ones included, so project {} can be created",
                         c.region, c.detail, c.name);
    case CheckKind::project_free: return fmt::format("no project {} exists in {} yet", c.name, c.region);
    case CheckKind::project_unused:
      return fmt::format("no soft-deleted project {} waits in {} (its name would be taken)", c.name, c.region);
    case CheckKind::secret: return fmt::format("secret {} exists in {}", c.name, c.region);
    case CheckKind::configmap: return fmt::format("config map {} exists in {}", c.name, c.region);
    case CheckKind::app: return fmt::format("app {} exists in {}", c.name, c.region);
    case CheckKind::job: return fmt::format("job {} exists in {}", c.name, c.region);
    case CheckKind::image: return fmt::format("image {} is in its registry", c.name);
    case CheckKind::registry_server:
      return fmt::format("registry secret {} in {} logs in to {}", c.name, c.region, c.detail);
    case CheckKind::pools: return fmt::format("the CIS load balancer has an origin pool for {}", c.region);
  }
  return {};
}

}  // namespace ceplan::planner
