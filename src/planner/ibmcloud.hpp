#pragma once
// Every `ibmcloud` command line that plans and runbooks print is built here, and nowhere else.
// Each command and flag is in IBM's Code Engine CLI reference (FACTS §7; tests check each
// against tests/schemas/ibmcloud-ce-cli.json).

#include <string>
#include <string_view>
#include <vector>

#include "model/deployment.hpp"

namespace ceplan::planner {

/// A word for a POSIX shell: as is when safe, else single-quoted.
[[nodiscard]] std::string shell_word(std::string_view word);
/// The name ceplan gives a job's cron subscription: "<job>-cron".
[[nodiscard]] std::string cron_name(const Job& job);

/// `ibmcloud target` (shows the targeted region).
[[nodiscard]] std::string show_target();
/// `ibmcloud target -r REGION`
[[nodiscard]] std::string target(std::string_view region);
/// `ibmcloud target -r REGION` then `ibmcloud ce project select --name PROJECT`.
[[nodiscard]] std::string select(std::string_view region, std::string_view project);
/// `command` (one or more lines) run in `project` in `region`: select() first.
[[nodiscard]] std::string in_region(std::string_view region, std::string_view project, std::string_view command);

/// `ibmcloud ce project select --name PROJECT`
[[nodiscard]] std::string select_project(std::string_view project);
/// `ibmcloud ce project create --name PROJECT`, then select it.
[[nodiscard]] std::string create_project(std::string_view project);
/// `ibmcloud ce project get --name PROJECT`
[[nodiscard]] std::string get_project(std::string_view project);

/// `ibmcloud ce secret create ...` with the data flags of the secret's format; a registry secret
/// logs in to `server` (the registry the region pulls from).
[[nodiscard]] std::string create_secret(const Artifact& secret, std::string_view server = {});
/// `ibmcloud ce secret get --name NAME`
[[nodiscard]] std::string get_secret(const Artifact& secret);
/// `ibmcloud ce configmap create ...`
[[nodiscard]] std::string create_configmap(const Artifact& configmap);
/// `ibmcloud ce configmap get --name NAME`
[[nodiscard]] std::string get_configmap(const Artifact& configmap);

/// `ibmcloud ce application create ...` as the app runs in `region`: its image and scale there,
/// its registry secret and references.
[[nodiscard]] std::string create_app(const App& app, std::string_view region);
/// `ibmcloud ce application get --name APP`
[[nodiscard]] std::string get_app(const App& app);
/// `ibmcloud ce job create ...` with the image it pulls in `region`, its registry secret and references.
[[nodiscard]] std::string create_job(const Job& job, std::string_view region);
/// `ibmcloud ce job get --name JOB`
[[nodiscard]] std::string get_job(const Job& job);
/// `ibmcloud ce jobrun submit --job JOB`
[[nodiscard]] std::string submit_jobrun(const Job& job);

/// `ibmcloud ce subscription cron create ...` for a scheduled job.
[[nodiscard]] std::string create_cron(const Job& job);
/// `ibmcloud ce subscription cron get --name ...` for a scheduled job.
[[nodiscard]] std::string get_cron(const Job& job);
/// `ibmcloud ce subscription cron list`
[[nodiscard]] std::string list_crons();
/// `ibmcloud ce subscription cron delete --name ...` for a scheduled job.
[[nodiscard]] std::string delete_cron(const Job& job);
/// Selects the project in `region` and deletes the cron subscription of each scheduled job in
/// `jobs`; empty when none has a schedule.
[[nodiscard]] std::string delete_schedules(std::string_view region, std::string_view project,
                                           const std::vector<const Job*>& jobs);

/// `ibmcloud ce domainmapping create --domain-name DOMAIN --target APP --tls-secret SECRET`
[[nodiscard]] std::string create_domain_mapping(std::string_view domain, const App& app, std::string_view tls_secret);
/// `ibmcloud ce domainmapping get --domain-name DOMAIN`
[[nodiscard]] std::string get_domain_mapping(std::string_view domain);

}  // namespace ceplan::planner
