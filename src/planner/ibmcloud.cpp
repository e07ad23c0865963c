#include "planner/ibmcloud.hpp"

#include <cctype>

#include <algorithm>

#include <fmt/format.h>

namespace ceplan::planner {

std::string shell_word(std::string_view word) {
  const bool safe = !word.empty() && word.find_first_not_of(
                                         "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                         "0123456789._/:=@%+-") == std::string_view::npos;
  if (safe) {
    return std::string(word);
  }
  std::string out = "'";
  for (char c : word) {
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return out + "'";
}

std::string cron_name(const Job& job) {
  return job.name.name + "-cron";
}

std::string show_target() {
  return "ibmcloud target";
}

std::string target(std::string_view region) {
  return fmt::format("ibmcloud target -r {}", shell_word(region));
}

std::string target(std::string_view region, const std::optional<Ref>& resource_group) {
  // Without a resource group in the file, the command stops with a message until one is set. The
  // message is ceplan's own text: inside double quotes, a value from the file could expand.
  const std::string group =
      resource_group ? shell_word(resource_group->name)
                     : std::string("\"${RESOURCE_GROUP:?set RESOURCE_GROUP to the resource group of the project}\"");
  return fmt::format("{} -g {}", target(region), group);
}

std::string select_project(std::string_view project) {
  return fmt::format("ibmcloud ce project select --name {}", shell_word(project));
}

std::string create_project(std::string_view project) {
  return fmt::format("ibmcloud ce project create --name {} &&\n{}", shell_word(project), select_project(project));
}

std::string get_project(std::string_view project) {
  return fmt::format("ibmcloud ce project get --name {}", shell_word(project));
}

// The data flags depend on the format (IBM's `secret create` reference, codeengine-cli): only generic
// secrets take --from-env-file. Values that must stay out of shell history come from files named
// after the secret, or from IBM's own prompts.
namespace {

// `secret create` and `secret update` share the data flags; only create takes --format.
std::string secret_command(std::string_view verb, const Artifact& secret, std::string_view server) {
  const std::string name = shell_word(secret.name.name);
  const std::string format = verb == "create" && !secret.format.empty() && secret.format != "generic"
                                 ? fmt::format(" --format {}", shell_word(secret.format))
                                 : std::string();
  const std::string head = fmt::format("ibmcloud ce secret {} --name {}{}", verb, name, format);
  const std::string file = secret.name.name;
  if (secret.format == "tls") {
    return fmt::format("{} --cert-chain-file {} --private-key-file {}", head, shell_word(file + ".crt"),
                       shell_word(file + ".key"));
  }
  if (secret.format == "registry") {
    return fmt::format("{} --server {} --username iamapikey --password-from-file {}", head,
                       shell_word(server.empty() ? "icr.io" : server), shell_word(file + ".apikey"));
  }
  if (secret.format == "ssh") {
    return fmt::format("{} --key-path {}", head, shell_word(file + ".key"));
  }
  if (secret.format == "basic_auth") {
    return fmt::format("{} --username \"$(cat {})\" --password-from-file {}", head, shell_word(file + ".username"),
                       shell_word(file + ".password"));
  }
  if (secret.format == "hmac") {
    return fmt::format("{} --access-key-id-prompt --secret-access-key-prompt", head);
  }
  return fmt::format("{} --from-env-file {}", head, shell_word(file + ".env"));
}

}  // namespace

std::string create_secret(const Artifact& secret, std::string_view server) {
  return secret_command("create", secret, server);
}

std::string update_secret(const Artifact& secret, std::string_view server) {
  return secret_command("update", secret, server);
}

std::string get_secret(const Artifact& secret) {
  return fmt::format("ibmcloud ce secret get --name {}", shell_word(secret.name.name));
}

std::string create_configmap(const Artifact& configmap) {
  return fmt::format("ibmcloud ce configmap create --name {} --from-env-file {}", shell_word(configmap.name.name),
                     shell_word(configmap.name.name + ".env"));
}

std::string get_configmap(const Artifact& configmap) {
  return fmt::format("ibmcloud ce configmap get --name {}", shell_word(configmap.name.name));
}

namespace {

std::string references(const std::vector<Ref>& secrets, const std::vector<Ref>& configmaps) {
  std::string out;
  for (const Ref& secret : secrets) {
    out += fmt::format(" --env-from-secret {}", shell_word(secret.name));
  }
  for (const Ref& configmap : configmaps) {
    out += fmt::format(" --env-from-configmap {}", shell_word(configmap.name));
  }
  return out;
}

}  // namespace

namespace {

// --max-scale, --port, --cpu, --memory and --visibility where the file sets them.
std::string app_settings(const App& app, std::optional<std::int64_t> max_scale) {
  std::string out;
  if (max_scale) {
    out += fmt::format(" --max-scale {}", *max_scale);
  }
  if (app.port) {
    out += fmt::format(" --port {}", app.port->value);
  }
  const std::pair<const char*, const std::optional<Ref>*> texts[] = {
      {"--cpu", &app.cpu}, {"--memory", &app.memory}, {"--visibility", &app.visibility}};
  for (const auto& [flag, value] : texts) {
    if (*value) {
      out += fmt::format(" {} {}", flag, shell_word((*value)->name));
    }
  }
  return out;
}

}  // namespace

std::string create_app(const App& app, std::string_view image, std::int64_t min_scale,
                       std::optional<std::int64_t> max_scale) {
  const std::string registry =
      app.registry_secret ? fmt::format(" --registry-secret {}", shell_word(app.registry_secret->name)) : "";
  return fmt::format("ibmcloud ce application create --name {} --image {} --min-scale {}{}{}{}",
                     shell_word(app.name.name), shell_word(image), min_scale, app_settings(app, max_scale), registry,
                     references(app.secrets, app.configmaps));
}

std::string scale_app(const App& app, std::int64_t min_scale, std::optional<std::int64_t> max_scale) {
  return fmt::format("ibmcloud ce application update --name {} --min-scale {}{}", shell_word(app.name.name), min_scale,
                     max_scale ? fmt::format(" --max-scale {}", *max_scale) : "");
}

std::string delete_app(const App& app) {
  return fmt::format("ibmcloud ce application delete --name {} --force --ignore-not-found", shell_word(app.name.name));
}

std::string delete_job(const Job& job) {
  return fmt::format("ibmcloud ce job delete --name {} --force --ignore-not-found", shell_word(job.name.name));
}

std::string restart_app(const App& app) {
  return fmt::format("ibmcloud ce application update --name {}", shell_word(app.name.name));
}

std::string export_app(const App& app) {
  return fmt::format("ibmcloud ce application get --name {} --output yaml", shell_word(app.name.name));
}

std::string export_job(const Job& job) {
  return fmt::format("ibmcloud ce job get --name {} --output yaml", shell_word(job.name.name));
}

std::string get_app(const App& app) {
  return fmt::format("ibmcloud ce application get --name {}", shell_word(app.name.name));
}

std::string create_job(const Job& job, std::string_view image) {
  const std::string registry =
      job.registry_secret ? fmt::format(" --registry-secret {}", shell_word(job.registry_secret->name)) : "";
  return fmt::format("ibmcloud ce job create --name {} --image {}{}{}", shell_word(job.name.name), shell_word(image),
                     registry, references(job.secrets, job.configmaps));
}

std::string get_job(const Job& job) {
  return fmt::format("ibmcloud ce job get --name {}", shell_word(job.name.name));
}

std::string submit_jobrun(const Job& job) {
  return fmt::format("ibmcloud ce jobrun submit --job {}", shell_word(job.name.name));
}

std::string create_cron(const Job& job) {
  const std::string zone = job.time_zone ? fmt::format(" --time-zone {}", shell_word(job.time_zone->name)) : "";
  return fmt::format(
      "ibmcloud ce subscription cron create --name {} --destination {} --destination-type job --schedule {}{}",
      shell_word(cron_name(job)), shell_word(job.name.name), shell_word(job.schedule ? job.schedule->name : ""), zone);
}

std::string get_cron(const Job& job) {
  return fmt::format("ibmcloud ce subscription cron get --name {}", shell_word(cron_name(job)));
}

std::string list_crons() {
  return "ibmcloud ce subscription cron list";
}

// --force: without it the command prompts, and the prompt eats the next pasted line;
// --ignore-not-found: a region where the job was never scheduled is not an error.
std::string delete_cron(const Job& job) {
  return fmt::format("ibmcloud ce subscription cron delete --name {} --force --ignore-not-found",
                     shell_word(cron_name(job)));
}

std::string list_jobruns(const Job& job) {
  return fmt::format("ibmcloud ce jobrun list --job {}", shell_word(job.name.name));
}

std::string create_domain_mapping(std::string_view domain, const App& app, std::string_view tls_secret) {
  return fmt::format("ibmcloud ce domainmapping create --domain-name {} --target {} --tls-secret {}",
                     shell_word(domain), shell_word(app.name.name), shell_word(tls_secret));
}

std::string get_domain_mapping(std::string_view domain) {
  return fmt::format("ibmcloud ce domainmapping get --domain-name {}", shell_word(domain));
}

namespace {

// `text` with every byte outside `keep` percent-encoded.
std::string percent_encoded(std::string_view text, std::string_view keep) {
  std::string out;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) != 0 || keep.find(c) != std::string_view::npos)
      out += c;
    else
      out += fmt::format("%{:02X}", byte);
  }
  return out;
}

}  // namespace

// Whatever the file held, the URL names DOMAIN as its host: an '@', '/', '?' or '#' in the domain is
// encoded (and curl refuses the host), and the path starts with '/' and encodes '@', so that no
// user-info part can move the request to another host.
std::string check_url(std::string_view domain, std::string_view path) {
  // fmt rather than "/" + path: GCC 12 warns of an overlapping copy in that operator+ (-Wrestrict).
  const std::string absolute = !path.empty() && path.front() == '/' ? std::string(path) : fmt::format("/{}", path);
  return fmt::format("curl -fsS {}", shell_word(fmt::format("https://{}{}", percent_encoded(domain, ".-:"),
                                                            percent_encoded(absolute, "-._~!$&'()*+,;=:%/?"))));
}

std::string certificate_expiry(std::string_view domain) {
  const std::string host = shell_word(domain);
  return fmt::format(
      "echo | openssl s_client -connect {}:443 -servername {} 2>/dev/null | openssl x509 -noout -enddate", host, host);
}

std::string run_runbook(std::string_view file, std::string_view to, std::string_view from) {
  return fmt::format("ceplan runbook {} --restore-to {} --from {}", shell_word(file), shell_word(to), shell_word(from));
}

std::string wait_seconds(std::int64_t seconds) {
  return fmt::format("sleep {}", seconds);
}

}  // namespace ceplan::planner

namespace ceplan::planner {
namespace {

const Artifact* find_artifact(const std::vector<Artifact>& list, const std::string& name) {
  const auto it = std::find_if(list.begin(), list.end(), [&](const Artifact& a) { return a.name.name == name; });
  return it == list.end() ? nullptr : &*it;
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

// Each region's commands run as one chain: `ibmcloud target` (with `-g` where the project is
// created), the project's selection, then the commands, joined by `&&` so that a failed target or
// selection stops the block before anything runs in whatever project was selected before.
std::string commands(const Deployment& d, const std::vector<Action>& actions) {
  std::vector<std::string> blocks;
  std::string region;
  std::vector<std::string> lines;
  auto flush = [&] {
    if (!lines.empty())
      blocks.push_back(fmt::format("{}", fmt::join(lines, " &&\n")));
    lines.clear();
  };
  for (const Action& a : actions) {
    const bool project = in_project(a.kind) || a.kind == ActionKind::create_project;
    const std::string command = a.kind == ActionKind::create_project ? create_project(d.project) : command_of(d, a);
    if (command.empty())
      continue;
    if (!project || a.region != region || a.kind == ActionKind::create_project) {
      flush();
      region = project ? a.region : std::string();
      if (a.kind == ActionKind::create_project) {
        lines.push_back(target(a.region, d.resource_group));
      } else if (project) {
        // A project name is unique only within its resource group: target it when the file names it.
        lines.push_back(d.resource_group ? target(a.region, d.resource_group) : target(a.region));
        lines.push_back(select_project(d.project));
      }
    }
    lines.push_back(command);
  }
  flush();
  // The blocks of one step are one chain too: a schedule deleted in one region and created in
  // another must not be created when the delete failed.
  return fmt::format("{}", fmt::join(blocks, " &&\n"));
}

}  // namespace ceplan::planner
