#include <catch2/catch.hpp>

#include "planner/ibmcloud.hpp"

TEST_CASE("shell words are quoted only when needed") {
  CHECK(ceplan::planner::shell_word("icr.io/ns/app:1.0") == "icr.io/ns/app:1.0");
  CHECK(ceplan::planner::shell_word("0 2 * * *") == "'0 2 * * *'");
  CHECK(ceplan::planner::shell_word("it's") == "'it'\\''s'");
  CHECK(ceplan::planner::shell_word("") == "''");
}

TEST_CASE("each secret format gets its own data flags; only generic secrets read an env file") {
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
