#include "planner/blocks.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "planner/ibmcloud.hpp"
#include "support/lists.hpp"

namespace ceplan::planner {
namespace {

const Artifact* find_artifact(const std::vector<Artifact>& list, const std::string& name) {
  const auto it = std::find_if(list.begin(), list.end(), [&](const Artifact& a) { return a.name.name == name; });
  return it == list.end() ? nullptr : &*it;
}

// Secret creates and updates read the secret's files.
bool reads_secret_files(ActionKind kind) {
  return kind == ActionKind::create_secret || kind == ActionKind::update_secret;
}

// A TLS secret the edge proxy names but the file does not declare is created from the CA's files.
Artifact secret_of(const Deployment& d, const std::string& name) {
  const Artifact* declared = d.secret(name);
  return declared != nullptr ? *declared : Artifact{Ref{name, {}}, Source::manual, {}, "tls", std::nullopt};
}

std::string app_command(const Deployment& d, const Action& a) {
  const App* app = d.app(a.name);
  if (app == nullptr)
    return {};
  switch (a.kind) {
    case ActionKind::create_app: return create_app(*app, a.image, a.min_scale, a.max_scale);
    case ActionKind::scale_app: return scale_app(*app, a.min_scale, a.max_scale);
    case ActionKind::restart_app: return restart_app(*app);
    case ActionKind::delete_app: return delete_app(*app);
    default: return get_app(*app);
  }
}

std::string job_command(const Deployment& d, const Action& a) {
  const Job* job = d.job(a.name);
  if (job == nullptr)
    return {};
  switch (a.kind) {
    case ActionKind::create_job: return create_job(*job, a.image);
    case ActionKind::check_job: return get_job(*job);
    case ActionKind::delete_job: return delete_job(*job);
    case ActionKind::create_cron: return create_cron(*job);
    case ActionKind::delete_cron: return delete_cron(*job);
    case ActionKind::check_cron: return get_cron(*job);
    case ActionKind::list_jobruns: return list_jobruns(*job);
    default: return submit_jobrun(*job);
  }
}

}  // namespace

std::string command_of(const Deployment& d, const Action& a) {
  switch (a.kind) {
    case ActionKind::create_secret: return create_secret(secret_of(d, a.name), a.server);
    case ActionKind::check_secret: return get_secret(secret_of(d, a.name));
    case ActionKind::select_project: return get_project(d.project);
    case ActionKind::update_secret: return update_secret(secret_of(d, a.name));
    case ActionKind::create_configmap:
    case ActionKind::check_configmap: {
      const Artifact* configmap = find_artifact(d.configmaps, a.name);
      if (configmap == nullptr)
        return {};
      return a.kind == ActionKind::create_configmap ? create_configmap(*configmap) : get_configmap(*configmap);
    }
    case ActionKind::create_app:
    case ActionKind::scale_app:
    case ActionKind::restart_app:
    case ActionKind::delete_app:
    case ActionKind::check_app: return app_command(d, a);
    case ActionKind::create_job:
    case ActionKind::check_job:
    case ActionKind::delete_job:
    case ActionKind::create_cron:
    case ActionKind::delete_cron:
    case ActionKind::check_cron:
    case ActionKind::list_jobruns:
    case ActionKind::submit_jobrun: return job_command(d, a);
    case ActionKind::map_domain: {
      const App* app = d.app(a.name);
      const auto& proxy = d.failover.edge_proxy;
      if (app == nullptr || !proxy)
        return {};
      return create_domain_mapping(proxy->domain, *app, d.tls_secret_name());
    }
    case ActionKind::check_domain:
      return d.failover.edge_proxy ? get_domain_mapping(d.failover.edge_proxy->domain) : std::string();
    case ActionKind::check_url:
      return d.failover.edge_proxy ? check_url(d.failover.edge_proxy->domain, d.failover.edge_proxy->health_check.path)
                                   : std::string();
    case ActionKind::check_certificate:
      return d.failover.edge_proxy ? certificate_expiry(d.failover.edge_proxy->domain) : std::string();
    case ActionKind::wait_dns:
      return d.failover.edge_proxy ? wait_seconds(d.failover.edge_proxy->ttl.value) : std::string();
    default: return {};
  }
}

std::vector<std::string> input_files(const Deployment& d, const Action& a) {
  if (reads_secret_files(a.kind)) {
    // A Secrets Manager secret is fetched by the step itself; the others' files must be there.
    const Artifact secret = secret_of(d, a.name);
    return secret.source == Source::secrets_manager ? std::vector<std::string>() : secret_files(secret);
  }
  const Artifact* configmap = a.kind == ActionKind::create_configmap ? find_artifact(d.configmaps, a.name) : nullptr;
  return configmap == nullptr ? std::vector<std::string>() : std::vector<std::string>{configmap_file(*configmap)};
}

std::string project_target(const Deployment& d, const std::string& region) {
  return d.resource_group ? target(region, d.resource_group) : target(region);
}

namespace {

// Each secret's files are deleted right after the step's last command that reads them: a step that
// updates a secret in two regions reads the same file twice.
void delete_secret_files_after_use(const Deployment& d, std::vector<Block>& blocks) {
  std::vector<std::string> done;
  for (std::size_t b = blocks.size(); b-- > 0;) {
    auto& commands = blocks[b].commands;
    for (std::size_t c = commands.size(); c-- > 0;) {
      const BlockCommand& used = commands[c];
      if (!reads_secret_files(used.kind) || contains(done, used.name))
        continue;
      done.push_back(used.name);
      if (std::string removal = delete_secret_files(secret_of(d, used.name)); !removal.empty())
        commands.insert(commands.begin() + static_cast<std::ptrdiff_t>(c) + 1,
                        BlockCommand{used.kind, std::move(removal), used.name});
    }
  }
}

}  // namespace

std::vector<Block> blocks(const Deployment& d, const std::vector<Action>& actions) {
  std::vector<Block> out;
  std::vector<std::string> fetched;
  for (const Action& a : actions) {
    const bool creates = a.kind == ActionKind::create_project;
    const bool project = in_project(a.kind) || creates;
    const std::string command = creates ? create_project(d.project) : command_of(d, a);
    if (command.empty())
      continue;
    if (!project || out.empty() || out.back().region != a.region || creates) {
      Block block;
      if (project) {
        block.region = a.region;
        block.target = creates ? target(a.region, d.resource_group) : project_target(d, a.region);
        if (!creates)
          block.commands.push_back({ActionKind::select_project, select_project(d.project), d.project});
      }
      out.push_back(std::move(block));
    }
    // A secret's value is read from Secrets Manager at its first use in the step.
    if (reads_secret_files(a.kind) && !contains(fetched, a.name)) {
      fetched.push_back(a.name);
      for (std::string& fetch : fetch_secret(secret_of(d, a.name)))
        out.back().commands.push_back({a.kind, std::move(fetch), a.name});
    }
    out.back().commands.push_back({a.kind, command, a.name});
    if (creates)
      out.back().commands.push_back({ActionKind::select_project, select_project(d.project), d.project});
  }
  delete_secret_files_after_use(d, out);
  return out;
}

// Each region's commands run as one chain: `ibmcloud target` (with `-g` where the project is
// created), the project's selection, then the commands, joined by `&&` so that a failed target or
// selection stops the block before anything runs in whatever project was selected before. The
// blocks of one step are one chain too: a schedule deleted in one region and created in another
// must not be created when the delete failed.
std::string commands(const Deployment& d, const std::vector<Action>& actions) {
  std::vector<std::string> lines;
  for (const Block& block : blocks(d, actions)) {
    if (!block.target.empty())
      lines.push_back(block.target);
    for (const BlockCommand& command : block.commands) lines.push_back(command.text);
  }
  return fmt::format("{}", fmt::join(lines, " &&\n"));
}

}  // namespace ceplan::planner
