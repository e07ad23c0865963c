#pragma once
// Every `ibmcloud` command line that plans and runbooks print is built here, and nowhere else.
// Each command and flag is in IBM's Code Engine CLI reference (IBM: codeengine-cli; tests check each
// against tests/schemas/ibmcloud-ce-cli.json).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/deployment.hpp"
#include "planner/action.hpp"

namespace ceplan::planner {

/// A word for a POSIX shell: as is when safe, else single-quoted.
[[nodiscard]] std::string shell_word(std::string_view word);
/// The name ceplan gives a job's cron subscription: "<job>-cron".
[[nodiscard]] std::string cron_name(const Job& job);

/// `ibmcloud target` (shows the targeted region).
[[nodiscard]] std::string show_target();
/// `ibmcloud target -r REGION`
[[nodiscard]] std::string target(std::string_view region);
/// `ibmcloud target -r REGION -g GROUP`, as before `project create`; without a resource group in
/// the file, GROUP is `"${RESOURCE_GROUP:?...}"`, which stops with a message until it is set.
[[nodiscard]] std::string target(std::string_view region, const std::optional<Ref>& resource_group);

/// `ibmcloud target --output json`: the target read back (IBM documents `.region.name`).
[[nodiscard]] std::string target_json();
/// `ibmcloud ce project current --output json`: the selected project and its region, read back.
[[nodiscard]] std::string current_project();
/// `ibmcloud iam oauth-tokens`: fails unless a session is logged in.
[[nodiscard]] std::string logged_in();
/// `ibmcloud plugin show code-engine`: fails unless the Code Engine plugin is installed.
[[nodiscard]] std::string code_engine_plugin();

/// `ibmcloud ce project list --all-resource-groups --regions REGION`: the projects of one region, in
/// every resource group, a row each (the 20-project limit counts them all).
[[nodiscard]] std::string list_projects(std::string_view region);
/// `ibmcloud ce reclamation list --all-resource-groups --regions REGION`: the region's soft-deleted
/// projects, which still count toward its 20 for 7 days.
[[nodiscard]] std::string list_reclamations(std::string_view region);
/// `ibmcloud cr image-inspect IMAGE`: fails unless the image is in its registry (IBM: the image
/// names its registry, `<dns>/<namespace>/<repo>:<tag>`).
[[nodiscard]] std::string inspect_image(std::string_view image);
/// `ibmcloud cis glb-pools --output json`: the CIS instance's origin pools (the instance set with
/// `ibmcloud cis instance-set`).
[[nodiscard]] std::string list_pools();

/// `ibmcloud ce project select --name PROJECT`
[[nodiscard]] std::string select_project(std::string_view project);
/// `ibmcloud ce project create --name PROJECT`
[[nodiscard]] std::string create_project(std::string_view project);
/// `ibmcloud ce project get --name PROJECT`
[[nodiscard]] std::string get_project(std::string_view project);

/// `ibmcloud ce secret create ...` with the data flags of the secret's format; a registry secret
/// logs in to `server` (the registry the region pulls from).
[[nodiscard]] std::string create_secret(const Artifact& secret, std::string_view server = {});
/// `ibmcloud ce secret update ...` with the data flags of the secret's format.
[[nodiscard]] std::string update_secret(const Artifact& secret, std::string_view server = {});
/// The files `secret create` and `secret update` read the secret's data from, named after it
/// (none for hmac, whose keys IBM's CLI prompts for).
[[nodiscard]] std::vector<std::string> secret_files(const Artifact& secret);
/// The commands that write a Secrets Manager secret (source: secrets-manager) to the files
/// `secret create` reads, readable by their owner only; empty for other sources and for hmac.
[[nodiscard]] std::vector<std::string> fetch_secret(const Artifact& secret);
/// Where the files of a secret's create or update come from, for the step's title: read from
/// Secrets Manager by the step, or a copy of the team's file, or written by hand; then deleted.
[[nodiscard]] std::string secret_origin(const Artifact& secret);
/// Where new connection settings go before a secret update reads them: the Secrets Manager
/// secret the step reads, or the file it reads.
[[nodiscard]] std::string secret_settings_home(const Artifact& secret);
/// `rm -f` of the files a secret was created from, so that no value outlives its step on disk;
/// empty when it has none.
[[nodiscard]] std::string delete_secret_files(const Artifact& secret);
/// The file `configmap create` reads: NAME.env.
[[nodiscard]] std::string configmap_file(const Artifact& configmap);
/// `ibmcloud ce secret get --name NAME`
[[nodiscard]] std::string get_secret(const Artifact& secret);
/// `ibmcloud ce secret get --name NAME --decode --output json`: a registry secret's settings,
/// decoded, its server included.
[[nodiscard]] std::string secret_json(std::string_view name);
/// `ibmcloud ce configmap create ...`
[[nodiscard]] std::string create_configmap(const Artifact& configmap);
/// `ibmcloud ce configmap get --name NAME`
[[nodiscard]] std::string get_configmap(const Artifact& configmap);

/// `ibmcloud ce application create ...` with `image` and scale, the app's settings, its registry
/// secret and references.
[[nodiscard]] std::string create_app(const App& app, std::string_view image, std::int64_t min_scale,
                                     std::optional<std::int64_t> max_scale);
/// `ibmcloud ce application update --name APP --min-scale N [--max-scale M]`.
[[nodiscard]] std::string scale_app(const App& app, std::int64_t min_scale, std::optional<std::int64_t> max_scale);
/// `ibmcloud ce application delete --name APP --force --ignore-not-found`
[[nodiscard]] std::string delete_app(const App& app);
/// `ibmcloud ce job delete --name JOB --force --ignore-not-found`
[[nodiscard]] std::string delete_job(const Job& job);
/// `ibmcloud ce application update --name APP`: a new revision, which reads changed secrets.
[[nodiscard]] std::string restart_app(const App& app);
/// `ibmcloud ce application get --name APP --output yaml`: IBM's export of the app's settings.
[[nodiscard]] std::string export_app(const App& app);
/// `ibmcloud ce job get --name JOB --output yaml`: IBM's export of the job's settings.
[[nodiscard]] std::string export_job(const Job& job);
/// `ibmcloud ce application get --name APP`
[[nodiscard]] std::string get_app(const App& app);
/// `ibmcloud ce job create ...` with `image`, its registry secret and references.
[[nodiscard]] std::string create_job(const Job& job, std::string_view image);
/// `ibmcloud ce job get --name JOB`
[[nodiscard]] std::string get_job(const Job& job);
/// `ibmcloud ce jobrun submit --job JOB`
[[nodiscard]] std::string submit_jobrun(const Job& job);

/// `ibmcloud ce jobrun list --job JOB`
[[nodiscard]] std::string list_jobruns(const Job& job);
/// `ibmcloud ce subscription cron create ...` for a scheduled job.
[[nodiscard]] std::string create_cron(const Job& job);
/// `ibmcloud ce subscription cron get --name ...` for a scheduled job.
[[nodiscard]] std::string get_cron(const Job& job);
/// `ibmcloud ce subscription cron list`
[[nodiscard]] std::string list_crons();
/// `ibmcloud ce subscription cron list --output json`: each subscription names the job it runs.
[[nodiscard]] std::string list_crons_json();
/// `ibmcloud ce subscription cron delete --name ... --force --ignore-not-found` for a scheduled job.
[[nodiscard]] std::string delete_cron(const Job& job);

/// `ibmcloud ce domainmapping create --domain-name DOMAIN --target APP --tls-secret SECRET`
[[nodiscard]] std::string create_domain_mapping(std::string_view domain, const App& app, std::string_view tls_secret);
/// `ibmcloud ce domainmapping get --domain-name DOMAIN`
[[nodiscard]] std::string get_domain_mapping(std::string_view domain);

/// `curl -fsS https://DOMAIN/PATH`: the service answers end to end through the custom domain.
[[nodiscard]] std::string check_url(std::string_view domain, std::string_view path);
/// The end date of the certificate `domain` serves (openssl).
[[nodiscard]] std::string certificate_expiry(std::string_view domain);
/// `ceplan runbook FILE --restore-to TO --from FROM`
[[nodiscard]] std::string run_runbook(std::string_view file, std::string_view to, std::string_view from);
/// `sleep N`, e.g. for DNS resolvers to honour a TTL.
[[nodiscard]] std::string wait_seconds(std::int64_t seconds);

}  // namespace ceplan::planner
