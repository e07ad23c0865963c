#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

#include "model/deploy_loader.hpp"
#include "planner/ibmcloud.hpp"
#include "planner/procedure.hpp"
#include "procedures.hpp"
#include "shell_oracle.hpp"
#include "test_util.hpp"

TEST_CASE("shell words are quoted only when needed") {
  CHECK(ceplan::planner::shell_word("icr.io/ns/app:1.0") == "icr.io/ns/app:1.0");
  CHECK(ceplan::planner::shell_word("0 2 * * *") == "'0 2 * * *'");
  CHECK(ceplan::planner::shell_word("it's") == "'it'\\''s'");
  CHECK(ceplan::planner::shell_word("") == "''");
}

TEST_CASE("each secret format gets its own data flags, and only generic secrets read an env file") {
  ceplan::Artifact secret{{"db", {}}, ceplan::Source::secrets_manager, {}, "", std::nullopt};
  CHECK(ceplan::planner::create_secret(secret) == "ibmcloud ce secret create --name db --from-env-file db.env");
  secret.format = "tls";
  CHECK(ceplan::planner::create_secret(secret) ==
        "ibmcloud ce secret create --name db --format tls --cert-chain-file db.crt --private-key-file db.key");
  secret.format = "registry";
  CHECK(ceplan::planner::create_secret(secret, "uk.icr.io") ==
        "ibmcloud ce secret create --name db --format registry --server uk.icr.io --username iamapikey "
        "--password-from-file db.apikey");
  secret.format = "ssh";
  CHECK(ceplan::planner::create_secret(secret) == "ibmcloud ce secret create --name db --format ssh --key-path db.key");
  secret.format = "basic_auth";
  CHECK(ceplan::planner::create_secret(secret) ==
        "ibmcloud ce secret create --name db --format basic_auth --username \"$(cat db.username)\" "
        "--password-from-file db.password");
  secret.format = "hmac";
  CHECK(ceplan::planner::create_secret(secret) ==
        "ibmcloud ce secret create --name db --format hmac --access-key-id-prompt --secret-access-key-prompt");
}

TEST_CASE("a Secrets Manager secret is read into its files by the step, which deletes them afterwards") {
  using ceplan::planner::fetch_secret;
  ceplan::Artifact secret{{"db", {}}, ceplan::Source::secrets_manager, {}, "", ceplan::Ref{"eu-de", {}}};
  const std::string head = "(set -o pipefail && umask 077 && ibmcloud secrets-manager secret-by-name --secret-type ";
  const std::string group =
      " --secret-group-name \"${SECRET_GROUP:-default}\" --service-url \"${SECRETS_MANAGER_URL:?set "
      "SECRETS_MANAGER_URL "
      "to https://INSTANCE_ID.REGION.secrets-manager.appdomain.cloud}\" --output json | jq -er ";
  CHECK(fetch_secret(secret) == std::vector<std::string>{head + "arbitrary --name db" + group + ".payload > db.env)"});
  CHECK(ceplan::planner::delete_secret_files(secret) == "rm -f db.env");
  CHECK(ceplan::planner::secret_origin(secret) ==
        "from Secrets Manager: the step reads secret db, an arbitrary secret whose payload is the env file of "
        "KEY=value lines, in group $SECRET_GROUP (else default) of instance $SECRETS_MANAGER_URL (one outside the "
        "lost region), into db.env and deletes it afterwards; should a command fail first, delete it by hand: rm -f "
        "db.env");
  secret.format = "tls";
  CHECK(fetch_secret(secret) ==
        std::vector<std::string>{
            head + "imported_cert --name db" + group +
                "'.certificate, (.intermediate // empty)' | sed 's/\\\\n/\\n/g' > db.crt)",
            head + "imported_cert --name db" + group + ".private_key | sed 's/\\\\n/\\n/g' > db.key)"});
  CHECK(ceplan::planner::delete_secret_files(secret) == "rm -f db.crt db.key");
  secret.format = "basic_auth";
  CHECK(fetch_secret(secret).size() == 2);
  CHECK(fetch_secret(secret)[1] == head + "username_password --name db" + group + ".password > db.password)");
  secret.format = "hmac";  // IBM's CLI prompts for its keys: nothing to read or delete
  CHECK(fetch_secret(secret).empty());
  CHECK(ceplan::planner::delete_secret_files(secret).empty());
  secret.format = "";
  secret.source = ceplan::Source::file;
  CHECK(fetch_secret(secret).empty());
  CHECK(ceplan::planner::secret_origin(secret) ==
        "from db.env: copy it here from where the team keeps it (source: file); the step deletes the copy "
        "afterwards; should a command fail first, delete it by hand: rm -f db.env");
  secret.source = ceplan::Source::manual;
  CHECK(ceplan::planner::secret_origin(secret) ==
        "from db.env: write it here from the value the team keeps (source: manual); the step deletes it "
        "afterwards; should a command fail first, delete it by hand: rm -f db.env");
  CHECK(ceplan::planner::secret_settings_home(secret) == "db.env");
}

TEST_CASE("apps and jobs are created as they run in the target region, with their registry secret") {
  const auto d = ceplan::load_deployment(
      "version: 1\nproject: p\nregions: [us-east, eu-gb]\n"
      "apps:\n  - { name: api, image: icr.io/p/api:1, min_scale: 2, registry_secret: pull,\n"
      "      regions: { us-east: {}, eu-gb: { image: uk.icr.io/p/api:1, min_scale: 1 } } }\n"
      "jobs:\n  - { name: j, image: icr.io/p/j:1, registry_secret: pull, schedule: '0 1 * * *', time_zone: "
      "Europe/London,\n"
      "      regions: { us-east: {}, eu-gb: { image: uk.icr.io/p/j:1 } } }\n",
      "d.yaml");
  CHECK(ceplan::planner::create_app(d.apps[0], "uk.icr.io/p/api:1", 1, std::nullopt) ==
        "ibmcloud ce application create --name api --image uk.icr.io/p/api:1 --min-scale 1 --registry-secret pull");
  CHECK(ceplan::planner::create_app(d.apps[0], "icr.io/p/api:1", 2, 5) ==
        "ibmcloud ce application create --name api --image icr.io/p/api:1 --min-scale 2 --max-scale 5 "
        "--registry-secret pull");
  CHECK(ceplan::planner::create_job(d.jobs[0], "uk.icr.io/p/j:1") ==
        "ibmcloud ce job create --name j --image uk.icr.io/p/j:1 --registry-secret pull");
  CHECK(ceplan::planner::create_cron(d.jobs[0]) ==
        "ibmcloud ce subscription cron create --name j-cron --destination j --destination-type job --schedule "
        "'0 1 * * *' --time-zone Europe/London");
}

namespace {

// The first unsafe line of `lines`, with what is wrong, or "" when every line is safe.
std::string first_unsafe(const std::vector<std::string>& lines) {
  for (const std::string& line : lines) {
    if (auto problem = fuzz::unsafe_command(line))
      return *problem + ": " + line;
  }
  return "";
}

}  // namespace

TEST_CASE("the shell oracle finds every way a value can escape a command line") {
  CHECK_FALSE(fuzz::unsafe_command("ibmcloud ce project select --name 'shop $(id)'"));
  CHECK_FALSE(fuzz::unsafe_command("ibmcloud ce secret create --name db --username \"$(cat 'it'\\''s.username')\""));
  CHECK_FALSE(fuzz::unsafe_command(
      "echo | openssl s_client -connect a.example:443 -servername a.example 2>/dev/null | openssl x509 -noout "
      "-enddate"));
  CHECK(fuzz::unsafe_command("ibmcloud ce project select --name shop$(id)"));
  CHECK(fuzz::unsafe_command("ibmcloud target -r eu-de -g \"${RESOURCE_GROUP:?project shop$(id)}\""));
  CHECK(fuzz::unsafe_command("ibmcloud target -r eu-de -g --output=x"));
  CHECK(fuzz::unsafe_command("ibmcloud ce project select --name shop; id"));
  CHECK(fuzz::unsafe_command("ibmcloud ce project select --name shop --force-all"));
  CHECK(fuzz::unsafe_command("ibmcloud ce project select --name shop extra"));
  CHECK(fuzz::unsafe_command("curl -fsS https://shop.example.com@evil.example/x"));
  CHECK(fuzz::unsafe_command("ibmcloud ce project select --name 'shop"));
  CHECK(fuzz::unsafe_command("ibmcloud ce project select --name shop | sh"));
}

TEST_CASE("values that validation would refuse are still quoted, so quoting alone keeps commands safe") {
  auto d = ceplan::load_deployment(
      "version: 1\nproject: shop\nregions: [{id: us-south, role: primary}, {id: eu-de, role: standby}]\n"
      "failover: {strategy: pilot-light, edge_proxy: {domain: shop.example.com, tls_secret: tls}}\n"
      "apps: [{name: web, image: icr.io/s/web:1, secrets: [db], configmaps: [cfg], registry_secret: pull}]\n"
      "jobs: [{name: nightly, image: icr.io/s/j:1, schedule: '0 2 * * *', idempotent: false}]\n"
      "secrets: [{name: db, format: basic_auth}, {name: tls, format: tls}, {name: pull, format: registry},\n"
      "          {name: key, format: ssh}, {name: gen}]\n"
      "configmaps: [{name: cfg}]\n"
      "data: [{name: pg, region: us-south, replica_in: eu-de, secret: db}]\n",
      "d.yaml");
  const std::string hostile = "x'\"$(id>pwned)`id`;|&<>*?~#!{}\\ --force";
  d.project = "shop" + hostile;
  d.resource_group.reset();
  for (ceplan::Artifact& secret : d.secrets) secret.name.name = secret.name.name + hostile;
  d.configmaps[0].name.name += hostile;
  d.apps[0].name.name += hostile;
  d.apps[0].image.name += hostile;
  d.apps[0].cpu = ceplan::Ref{hostile, {}};
  d.jobs[0].name.name += hostile;
  d.jobs[0].schedule->name += hostile;
  d.jobs[0].time_zone = ceplan::Ref{hostile, {}};
  d.failover.edge_proxy->domain += hostile;
  d.failover.edge_proxy->health_check.path = "@evil.example/" + hostile;
  const auto lines = fuzz::every_command_line(d, ceplan::test::shared_catalog());
  CHECK(lines.size() > 40);
  CHECK(first_unsafe(lines) == "");
  d.resource_group = ceplan::Ref{hostile, {}};
  CHECK(first_unsafe(fuzz::every_command_line(d, ceplan::test::shared_catalog())) == "");
  // Quoting cannot stop a value that starts with '-' from reading as an option: the loader refuses
  // those (test_deploy_loader), and the oracle catches one that gets through.
  d.resource_group = ceplan::Ref{"--output=x", {}};
  CHECK(first_unsafe(fuzz::every_command_line(d, ceplan::test::shared_catalog())) ==
        "an option's value that reads as an option: --output=x: ibmcloud target -r eu-de -g --output=x &&");
}

TEST_CASE("every command line of every example is one the shell runs as printed") {
  for (const char* name : {"shop-active-active.yaml", "api-warm-standby.yaml", "backup-restore.yaml", "risky.yaml"}) {
    INFO(name);
    std::ifstream in(std::string("../../examples/") + name);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    REQUIRE_FALSE(text.empty());
    const auto d = ceplan::load_deployment(text, name);
    CHECK(first_unsafe(fuzz::every_command_line(d, ceplan::test::shared_catalog())) == "");
  }
}
