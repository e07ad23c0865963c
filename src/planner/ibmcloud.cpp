#include "planner/ibmcloud.hpp"

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

std::string select(std::string_view region, std::string_view project) {
  return fmt::format("{}\n{}", target(region), select_project(project));
}

std::string in_region(std::string_view region, std::string_view project, std::string_view command) {
  return fmt::format("{}\n{}", select(region, project), command);
}

std::string select_project(std::string_view project) {
  return fmt::format("ibmcloud ce project select --name {}", shell_word(project));
}

std::string create_project(std::string_view project) {
  return fmt::format("ibmcloud ce project create --name {}\n{}", shell_word(project), select_project(project));
}

std::string get_project(std::string_view project) {
  return fmt::format("ibmcloud ce project get --name {}", shell_word(project));
}

std::string create_secret(const Artifact& secret) {
  const std::string name = shell_word(secret.name.name);
  if (secret.format == "tls") {
    return fmt::format("ibmcloud ce secret create --name {} --format tls --key-path {}.key --cert-chain-file {}.crt",
                       name, name, name);
  }
  const std::string format =
      secret.format.empty() || secret.format == "generic" ? std::string() : fmt::format(" --format {}", secret.format);
  return fmt::format("ibmcloud ce secret create --name {}{} --from-env-file {}.env", name, format, name);
}

std::string get_secret(const Artifact& secret) {
  return fmt::format("ibmcloud ce secret get --name {}", shell_word(secret.name.name));
}

std::string create_configmap(const Artifact& configmap) {
  const std::string name = shell_word(configmap.name.name);
  return fmt::format("ibmcloud ce configmap create --name {} --from-env-file {}.env", name, name);
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

std::string create_app(const App& app) {
  return fmt::format("ibmcloud ce application create --name {} --image {} --min-scale {}{}", shell_word(app.name.name),
                     shell_word(app.image.name), app.min_scale.value, references(app.secrets, app.configmaps));
}

std::string get_app(const App& app) {
  return fmt::format("ibmcloud ce application get --name {}", shell_word(app.name.name));
}

std::string create_job(const Job& job) {
  return fmt::format("ibmcloud ce job create --name {} --image {}{}", shell_word(job.name.name),
                     shell_word(job.image.name), references(job.secrets, job.configmaps));
}

std::string get_job(const Job& job) {
  return fmt::format("ibmcloud ce job get --name {}", shell_word(job.name.name));
}

std::string submit_jobrun(const Job& job) {
  return fmt::format("ibmcloud ce jobrun submit --job {}", shell_word(job.name.name));
}

std::string create_cron(const Job& job) {
  return fmt::format(
      "ibmcloud ce subscription cron create --name {} --destination {} --destination-type job --schedule {}",
      shell_word(cron_name(job)), shell_word(job.name.name), shell_word(job.schedule ? job.schedule->name : ""));
}

std::string get_cron(const Job& job) {
  return fmt::format("ibmcloud ce subscription cron get --name {}", shell_word(cron_name(job)));
}

std::string list_crons() {
  return "ibmcloud ce subscription cron list";
}

std::string delete_cron(const Job& job) {
  return fmt::format("ibmcloud ce subscription cron delete --name {}", shell_word(cron_name(job)));
}

std::string delete_schedules(std::string_view region, std::string_view project, const std::vector<const Job*>& jobs) {
  std::string deletes;
  for (const Job* job : jobs) {
    if (job->schedule) {
      deletes += deletes.empty() ? "" : "\n";
      deletes += delete_cron(*job);
    }
  }
  return deletes.empty() ? std::string() : in_region(region, project, deletes);
}

std::string create_domain_mapping(std::string_view domain, const App& app, std::string_view tls_secret) {
  return fmt::format("ibmcloud ce domainmapping create --domain-name {} --target {} --tls-secret {}",
                     shell_word(domain), shell_word(app.name.name), shell_word(tls_secret));
}

std::string get_domain_mapping(std::string_view domain) {
  return fmt::format("ibmcloud ce domainmapping get --domain-name {}", shell_word(domain));
}

}  // namespace ceplan::planner
