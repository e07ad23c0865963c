#include <catch2/catch.hpp>

#include "model/deploy_loader.hpp"
#include "planner/ibmcloud.hpp"

TEST_CASE("shell words are quoted only when needed") {
  CHECK(ceplan::planner::shell_word("icr.io/ns/app:1.0") == "icr.io/ns/app:1.0");
  CHECK(ceplan::planner::shell_word("0 2 * * *") == "'0 2 * * *'");
  CHECK(ceplan::planner::shell_word("it's") == "'it'\\''s'");
  CHECK(ceplan::planner::shell_word("") == "''");
}

TEST_CASE("each secret format gets its own data flags, and only generic secrets read an env file") {
  ceplan::Artifact secret{{"db", {}}, ceplan::Source::secrets_manager, {}, ""};
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
  CHECK(ceplan::planner::select("eu-gb", "shop") == "ibmcloud target -r eu-gb\nibmcloud ce project select --name shop");
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
  CHECK(ceplan::planner::create_app(d.apps[0], "eu-gb") ==
        "ibmcloud ce application create --name api --image uk.icr.io/p/api:1 --min-scale 1 --registry-secret pull");
  CHECK(ceplan::planner::create_app(d.apps[0], "us-east") ==
        "ibmcloud ce application create --name api --image icr.io/p/api:1 --min-scale 2 --registry-secret pull");
  CHECK(ceplan::planner::create_job(d.jobs[0], "eu-gb") ==
        "ibmcloud ce job create --name j --image uk.icr.io/p/j:1 --registry-secret pull");
  CHECK(ceplan::planner::create_cron(d.jobs[0]) ==
        "ibmcloud ce subscription cron create --name j-cron --destination j --destination-type job --schedule "
        "'0 1 * * *' --time-zone Europe/London");
}
