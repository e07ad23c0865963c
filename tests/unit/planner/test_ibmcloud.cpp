#include <catch2/catch.hpp>

#include "planner/ibmcloud.hpp"

TEST_CASE("shell words are quoted only when needed") {
  CHECK(ceplan::planner::shell_word("icr.io/ns/app:1.0") == "icr.io/ns/app:1.0");
  CHECK(ceplan::planner::shell_word("0 2 * * *") == "'0 2 * * *'");
  CHECK(ceplan::planner::shell_word("it's") == "'it'\\''s'");
  CHECK(ceplan::planner::shell_word("") == "''");
}

TEST_CASE("secrets are created from env files, TLS ones from a key and chain") {
  ceplan::Artifact plain{{"db", {}}, ceplan::Source::secrets_manager, {}, ""};
  CHECK(ceplan::planner::create_secret(plain) == "ibmcloud ce secret create --name db --from-env-file db.env");
  plain.format = "basic_auth";
  CHECK(ceplan::planner::create_secret(plain) ==
        "ibmcloud ce secret create --name db --format basic_auth --from-env-file db.env");
  CHECK(ceplan::planner::select("eu-gb", "shop") == "ibmcloud target -r eu-gb\nibmcloud ce project select --name shop");
}
