#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "render/catalog.hpp"
#include "test_util.hpp"

using ceplan::Catalog;
using ceplan::render::CatalogFormat;
using ceplan::test::errors_of;

TEST_CASE("regions as JSON: an object with a regions array carrying every field") {
  const Catalog catalog = ceplan::embedded_catalog();
  const auto all = catalog.select({});
  const auto json = nlohmann::json::parse(ceplan::render::regions(all, CatalogFormat::json));
  REQUIRE(json["regions"].size() == 11);
  for (const auto& region : json["regions"]) {
    for (const char* key :
         {"id", "name", "geography", "availability", "campus", "zones", "backup_endpoint", "registry"}) {
      CHECK(region.contains(key));
    }
  }
  CHECK(json["regions"][0]["id"] == "in-che");
  CHECK(json["regions"][0]["backup_endpoint"].is_null());
}

TEST_CASE("backup endpoints say 'not published' where IBM publishes none") {
  const Catalog catalog = ceplan::embedded_catalog();
  const std::vector<const ceplan::Region*> regions{&catalog.at("eu-gb"), &catalog.at("in-che")};
  CHECK(ceplan::render::backup_endpoints(regions, CatalogFormat::text) == "eu-gb → EU\nin-che → not published\n");
  CHECK(ceplan::render::backup_endpoints(regions, CatalogFormat::yaml) ==
        "backup_endpoints:\n  - region: \"eu-gb\"\n    backup_endpoint: \"EU\"\n"
        "  - region: \"in-che\"\n    backup_endpoint: null\n");
}

TEST_CASE("one region in text shows zones, campus and endpoint") {
  const std::string text = ceplan::render::region(ceplan::embedded_catalog().at("jp-osa"), CatalogFormat::text);
  CHECK_THAT(text, Catch::StartsWith("Osaka (jp-osa)\n"));
  CHECK_THAT(text, Catch::Contains("zones:           jp-osa-1, jp-osa-2, jp-osa-3\n"));
  CHECK_THAT(text, Catch::Contains("single campus"));
  CHECK_THAT(text, Catch::Contains("backup endpoint: AP\n"));
}

TEST_CASE("format names are checked") {
  CHECK(ceplan::render::parse_catalog_format("yaml") == CatalogFormat::yaml);
  CHECK(errors_of([] { (void)ceplan::render::parse_catalog_format("xml"); }) ==
        std::vector<std::string>{"error: unknown format 'xml'; expected text, json or yaml"});
}
