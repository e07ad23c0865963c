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

std::string target_json() {
  return "ibmcloud target --output json";
}

std::string current_project() {
  return "ibmcloud ce project current --output json";
}

std::string logged_in() {
  return "ibmcloud iam oauth-tokens";
}

std::string code_engine_plugin() {
  return "ibmcloud plugin show code-engine";
}

std::string list_projects(std::string_view region) {
  return fmt::format("ibmcloud ce project list --all-resource-groups --regions {}", shell_word(region));
}

std::string list_reclamations(std::string_view region) {
  return fmt::format("ibmcloud ce reclamation list --all-resource-groups --regions {}", shell_word(region));
}

std::string inspect_image(std::string_view image) {
  return fmt::format("ibmcloud cr image-inspect {}", shell_word(image));
}

std::string list_pools() {
  return "ibmcloud cis glb-pools --output json";
}

std::string select_project(std::string_view project) {
  return fmt::format("ibmcloud ce project select --name {}", shell_word(project));
}

std::string create_project(std::string_view project) {
  return fmt::format("ibmcloud ce project create --name {}", shell_word(project));
}

std::string get_project(std::string_view project) {
  return fmt::format("ibmcloud ce project get --name {}", shell_word(project));
}

std::vector<std::string> secret_files(const Artifact& secret) {
  const std::string& file = secret.name.name;
  if (secret.format == "tls")
    return {file + ".crt", file + ".key"};
  if (secret.format == "registry")
    return {file + ".apikey"};
  if (secret.format == "ssh")
    return {file + ".key"};
  if (secret.format == "basic_auth")
    return {file + ".username", file + ".password"};
  if (secret.format == "hmac")
    return {};
  return {file + ".env"};
}

namespace {

// One value of a Secrets Manager secret into a file, with IBM's CLI plug-in (secrets-manager-cli:
// `secret-by-name --secret-type --name --secret-group-name`, `--service-url`, `--output json`).
// pipefail and jq -e make an empty or failed read fail the step instead of writing an empty file;
// the sed turns escaped newlines of a PEM into lines, as IBM's certificate example does
// (secrets-manager-access-secrets).
std::string read_secret_value(const Artifact& secret, std::string_view type, std::string_view filter,
                              const std::string& file, bool pem) {
  return fmt::format(
      "(set -o pipefail && umask 077 && ibmcloud secrets-manager secret-by-name --secret-type {} --name {} "
      "--secret-group-name \"${{SECRET_GROUP:-default}}\" --service-url \"${{SECRETS_MANAGER_URL:?set "
      "SECRETS_MANAGER_URL to https://INSTANCE_ID.REGION.secrets-manager.appdomain.cloud}}\" --output json | jq -er "
      "{}{} > "
      "{})",
      type, shell_word(secret.name.name), shell_word(filter), pem ? " | sed 's/\\\\n/\\n/g'" : "", shell_word(file));
}

}  // namespace

// Where each format keeps its value in Secrets Manager (secrets-manager-what-is-secret): TLS as an
// imported certificate, a user and password as username_password, anything else as the payload of
// an arbitrary secret (an env file for generic secrets, the API key for registry ones).
std::vector<std::string> fetch_secret(const Artifact& secret) {
  if (secret.source != Source::secrets_manager || secret.format == "hmac")
    return {};
  const std::vector<std::string> files = secret_files(secret);
  if (secret.format == "tls")
    return {read_secret_value(secret, "imported_cert", ".certificate, (.intermediate // empty)", files[0], true),
            read_secret_value(secret, "imported_cert", ".private_key", files[1], true)};
  if (secret.format == "basic_auth")
    return {read_secret_value(secret, "username_password", ".username", files[0], false),
            read_secret_value(secret, "username_password", ".password", files[1], false)};
  return {read_secret_value(secret, "arbitrary", ".payload", files[0], false)};
}

namespace {

std::string secrets_manager_kind(const Artifact& secret) {
  if (secret.format == "tls")
    return "an imported certificate (imported_cert)";
  if (secret.format == "basic_auth")
    return "a username_password secret";
  return fmt::format("an arbitrary secret whose payload is {}", secret.format == "registry" ? "the API key"
                                                                : secret.format == "ssh"
                                                                    ? "the private key"
                                                                    : "the env file of KEY=value lines");
}

}  // namespace

std::string secret_origin(const Artifact& secret) {
  const std::vector<std::string> files = secret_files(secret);
  const std::string listed = fmt::format("{}", fmt::join(files, " and "));
  const bool one = files.size() == 1;
  if (secret.source == Source::secrets_manager && files.empty())
    return fmt::format("from Secrets Manager: type the values of secret {} when prompted", secret.name.name);
  if (files.empty())
    return fmt::format("from the values the team keeps (source: {})", to_string(secret.source));
  const std::string pronoun = one ? "it" : "them";
  // A failed command stops the chain before its `rm -f`: the engineer deletes the files then.
  const std::string cleanup =
      fmt::format("should a command fail first, delete {} by hand: {}", pronoun, delete_secret_files(secret));
  if (secret.source == Source::secrets_manager)
    return fmt::format(
        "from Secrets Manager: the step reads secret {}, {}, in group $SECRET_GROUP (else default) of "
        "instance $SECRETS_MANAGER_URL (one outside the lost region), into {} and deletes {} "
        "afterwards; {}",
        secret.name.name, secrets_manager_kind(secret), listed, pronoun, cleanup);
  if (secret.source == Source::file)
    return fmt::format(
        "from {}: copy {} here from where the team keeps {} (source: file); the step deletes the copy "
        "afterwards; {}",
        listed, pronoun, pronoun, cleanup);
  return fmt::format(
      "from {}: write {} here from the value the team keeps (source: manual); the step deletes {} "
      "afterwards; {}",
      listed, pronoun, pronoun, cleanup);
}

std::string secret_settings_home(const Artifact& secret) {
  if (secret.source == Source::secrets_manager)
    return fmt::format("Secrets Manager secret {} (the step reads it)", secret.name.name);
  return fmt::format("{}", fmt::join(secret_files(secret), " and "));
}

std::string delete_secret_files(const Artifact& secret) {
  std::vector<std::string> quoted;
  for (const std::string& file : secret_files(secret)) quoted.push_back(shell_word(file));
  return quoted.empty() ? std::string() : fmt::format("rm -f {}", fmt::join(quoted, " "));
}

std::string configmap_file(const Artifact& configmap) {
  return configmap.name.name + ".env";
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
  const std::vector<std::string> files = secret_files(secret);
  if (secret.format == "tls") {
    return fmt::format("{} --cert-chain-file {} --private-key-file {}", head, shell_word(files[0]),
                       shell_word(files[1]));
  }
  if (secret.format == "registry") {
    return fmt::format("{} --server {} --username iamapikey --password-from-file {}", head,
                       shell_word(server.empty() ? "icr.io" : server), shell_word(files[0]));
  }
  if (secret.format == "ssh") {
    return fmt::format("{} --key-path {}", head, shell_word(files[0]));
  }
  if (secret.format == "basic_auth") {
    return fmt::format("{} --username \"$(cat {})\" --password-from-file {}", head, shell_word(files[0]),
                       shell_word(files[1]));
  }
  if (secret.format == "hmac") {
    return fmt::format("{} --access-key-id-prompt --secret-access-key-prompt", head);
  }
  return fmt::format("{} --from-env-file {}", head, shell_word(files[0]));
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

std::string secret_json(std::string_view name) {
  return fmt::format("ibmcloud ce secret get --name {} --decode --output json", shell_word(name));
}

std::string create_configmap(const Artifact& configmap) {
  return fmt::format("ibmcloud ce configmap create --name {} --from-env-file {}", shell_word(configmap.name.name),
                     shell_word(configmap_file(configmap)));
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

std::string list_crons_json() {
  return "ibmcloud ce subscription cron list --output json";
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
