#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "catalog/embedded_catalog.hpp"
#include "model/deploy_loader.hpp"
#include "model/deploy_schema.hpp"
#include "render/json_schema.hpp"
#include "render/starter.hpp"
#include "rules/check.hpp"
#include "test_util.hpp"

TEST_CASE("starter regions are multi-campus, in two geographies, backing up to two endpoints") {
  const auto& catalog = ceplan::test::shared_catalog();
  const auto regions = ceplan::render::starter_regions(catalog);
  REQUIRE(regions.size() == 2);
  const auto& a = catalog.at(regions[0]);
  const auto& b = catalog.at(regions[1]);
  CHECK(a.campus == ceplan::Campus::multi);
  CHECK(b.campus == ceplan::Campus::multi);
  CHECK(a.geography != b.geography);
  CHECK(a.backup_endpoint != b.backup_endpoint);
}

TEST_CASE("every strategy's starter file validates without findings") {
  const auto& catalog = ceplan::test::shared_catalog();
  const auto regions = ceplan::render::starter_regions(catalog);
  for (auto strategy : {ceplan::Strategy::active_active, ceplan::Strategy::warm_standby, ceplan::Strategy::pilot_light,
                        ceplan::Strategy::backup_restore}) {
    INFO(ceplan::to_string(strategy));
    const std::string text = ceplan::render::starter_deploy_file(catalog, strategy, regions, "my-shop");
    const auto findings = ceplan::validate(text, "deploy.yaml", catalog);
    for (const auto& finding : findings) {
      UNSCOPED_INFO(finding.rule->id << " " << finding.message);
    }
    CHECK(findings.empty());
    CHECK(ceplan::load_deployment(text, "deploy.yaml").failover.strategy == strategy);
  }
}

TEST_CASE("the starter file takes its comments and defaults from the deploy-file table") {
  const auto& catalog = ceplan::test::shared_catalog();
  const std::string text = ceplan::render::starter_deploy_file(catalog, ceplan::Strategy::warm_standby,
                                                               ceplan::render::starter_regions(catalog), "shop");
  CHECK_THAT(text, Catch::Contains("# " + ceplan::schema::field("deploy", "project").description + "\nproject: shop"));
  CHECK_THAT(text, Catch::Contains("interval: 1m, retries: 2, timeout: 5s"));
  CHECK_THAT(text, Catch::Contains("strategy: warm-standby"));
}

TEST_CASE("the starter file links the schema as raw JSON, the address that is also its $id") {
  const auto& catalog = ceplan::test::shared_catalog();
  const std::string text = ceplan::render::starter_deploy_file(catalog, ceplan::Strategy::warm_standby,
                                                               ceplan::render::starter_regions(catalog), "my-shop");
  const std::string uri(ceplan::render::deploy_schema_uri);
  CHECK(uri == "https://raw.githubusercontent.com/ceplan/ceplan/main/docs/deploy.schema.json");
  CHECK(text.substr(0, text.find('\n')) == "# yaml-language-server: $schema=" + uri);
  CHECK(nlohmann::json::parse(ceplan::render::deploy_json_schema())["$id"] == uri);
}
