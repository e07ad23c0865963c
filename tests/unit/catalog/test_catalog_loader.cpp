#include <catch2/catch.hpp>

#include "catalog/catalog_loader.hpp"
#include "catalog/embedded_catalog.hpp"
#include "test_util.hpp"

using ceplan::Catalog;
using ceplan::test::errors_of;
using Lines = std::vector<std::string>;

namespace {

const std::string header = "schema: ceplan.catalog/v1\nsla: 99.99\nbackup_endpoints: [EU]\nregions:\n";

std::string region(const std::string& id, const std::string& zones, const std::string& endpoint = "EU",
                   const std::string& availability = "MZR") {
  return "  - id: " + id + "\n    name: N\n    geography: Europe\n    availability: " + availability +
         "\n    zones: " + zones + "\n    backup_endpoint: " + endpoint + "\n";
}

Lines load_errors(const std::string& text) {
  return errors_of([&] { (void)ceplan::load_catalog(text, "c.yaml"); });
}

}  // namespace

TEST_CASE("the embedded catalog holds the seed's six regions and the five added since") {
  const Catalog catalog = ceplan::embedded_catalog();
  CHECK(catalog.regions().size() == 11);
  CHECK(catalog.sla() == 99.99);
  CHECK(catalog.backup_endpoints() == Lines{"AP", "BR", "CA", "EU", "US"});
  // The seed's table 2, exactly.
  CHECK(catalog.at("ca-tor").backup_endpoint == "CA");
  CHECK(catalog.at("eu-de").backup_endpoint == "EU");
  CHECK(catalog.at("eu-gb").backup_endpoint == "EU");
  CHECK(catalog.at("jp-osa").backup_endpoint == "AP");
  CHECK(catalog.at("jp-tok").backup_endpoint == "AP");
  CHECK(catalog.at("us-south").backup_endpoint == "US");
  // IBM: codeengine-ha-dr, Registry-registry_overview.
  CHECK(catalog.at("au-syd").backup_endpoint == "AP");
  CHECK(catalog.at("br-sao").backup_endpoint == "BR");
  CHECK(catalog.at("eu-es").backup_endpoint == "EU");
  CHECK(catalog.at("us-east").backup_endpoint == "US");
  CHECK_FALSE(catalog.at("in-che").backup_endpoint.has_value());
  CHECK_FALSE(catalog.at("us-east").registry.has_value());
  CHECK(catalog.at("jp-osa").campus == ceplan::Campus::single);
  CHECK(catalog.at("in-che").campus == ceplan::Campus::single);
  CHECK(catalog.at("us-south").zones == Lines{"us-south-1", "us-south-2", "us-south-3"});
  CHECK(catalog.at("us-south").geography == "North America");
  for (const auto& r : catalog.regions()) {
    CHECK(r.availability == ceplan::Availability::mzr);
    CHECK(r.zones.size() == 3);
  }
}

TEST_CASE("a valid catalog loads with its regions in order") {
  const Catalog catalog =
      ceplan::load_catalog(header + region("a-1", "[a1, a2, a3]") + region("b-1", "[b1]", "null", "SZR"), "c.yaml");
  CHECK(catalog.region_ids() == Lines{"a-1", "b-1"});
  CHECK(catalog.regions()[1].location.line == 11);
  CHECK(catalog.zone_owner("b1")->id == "b-1");
  CHECK(catalog.zone_owner("zz") == nullptr);
}

TEST_CASE("catalog errors are pinned with message and location") {
  CHECK(load_errors(header + region("a-1", "[a1, a2, a3]") + region("a-1", "[b1, b2, b3]")) ==
        Lines{"c.yaml:11:9: error: duplicate region id 'a-1' (first at line 5)"});
  CHECK(load_errors(header + region("a-1", "[a1, a2, a3]") + region("b-1", "[b1, b2, a2]")) ==
        Lines{"c.yaml:15:21: error: duplicate zone id 'a2' (first listed by region 'a-1')"});
  CHECK(load_errors(header + region("a-1", "[a1, a1, a3]")) ==
        Lines{"c.yaml:9:17: error: duplicate zone id 'a1' (first listed by region 'a-1')"});
  CHECK(load_errors(header + region("a-1", "[a1, a2]")) ==
        Lines{"c.yaml:9:12: error: region 'a-1' is an MZR but lists 2 zones; a multizone region has at least 3"});
  CHECK(load_errors(header + region("a-1", "[a1, a2, a3]", "EUU")) ==
        Lines{"c.yaml:10:22: error: backup endpoint 'EUU' of region 'a-1' is not listed in 'backup_endpoints'; "
              "did you mean 'EU'?"});
  CHECK(load_errors("schema: ceplan.catalog/v1\nsla: 0\nbackup_endpoints: []\nregions: []\n") ==
        Lines{"c.yaml:2:6: error: 'sla' must be above 0 and at most 100, not 0",
              "c.yaml:4:10: error: the catalog lists no regions"});
  CHECK(load_errors("schema: ceplan.catalog/v2\nsla: 100\nbackup_endpoints: []\nregions: []\n").front() ==
        "c.yaml:1:9: error: unsupported catalog schema 'ceplan.catalog/v2'; expected 'ceplan.catalog/v1'");
  CHECK(load_errors("- a\n") == Lines{"c.yaml:1:1: error: the catalog must be a mapping, not a sequence"});
  CHECK(load_errors("") == Lines{"c.yaml:1:1: error: the catalog must be a mapping, not null"});
  CHECK(load_errors("schema: ceplan.catalog/v1\n") ==
        Lines{"c.yaml:1:1: error: the catalog is missing required key 'sla'",
              "c.yaml:1:1: error: the catalog is missing required key 'backup_endpoints'",
              "c.yaml:1:1: error: the catalog is missing required key 'regions'"});
  CHECK(load_errors(header + "  - id: a-1\n    nmae: N\n") ==
        Lines{"c.yaml:5:5: error: a catalog region is missing required key 'geography'",
              "c.yaml:5:5: error: a catalog region is missing required key 'availability'",
              "c.yaml:5:5: error: a catalog region is missing required key 'zones'",
              "c.yaml:5:5: error: a catalog region is missing required key 'backup_endpoint'",
              "c.yaml:6:5: error: unknown key 'nmae' in a catalog region; did you mean 'name'?"});
}

TEST_CASE("the catalog says when and from where its facts were read") {
  const ceplan::Catalog catalog = ceplan::embedded_catalog();
  const auto& provenance = catalog.provenance();
  CHECK(provenance.as_of == "2026-11");
  REQUIRE_FALSE(provenance.sources.empty());
  CHECK(provenance.sources.front() == "https://cloud.ibm.com/docs/codeengine?topic=codeengine-ha-dr");
}

TEST_CASE("region and zone ids are shaped as IBM spells them, so no id can run as code in a script") {
  const std::string rule =
      "must be lower-case letters and digits joined by single '-', starting with a letter, at most 32 characters";
  CHECK(load_errors(header + region("'in-che$(touch pwned)'", "[in-che-1, in-che-2, 'x;y']")) ==
        Lines{"c.yaml:5:9: error: region id 'in-che$(touch pwned)' " + rule,
              "c.yaml:9:33: error: zone id 'x;y' " + rule});
  CHECK(load_errors(header + region("EU-DE", "[eu-de-1, eu-de-2, eu-de--3]")) ==
        Lines{"c.yaml:5:9: error: region id 'EU-DE' " + rule, "c.yaml:9:31: error: zone id 'eu-de--3' " + rule});
  CHECK(load_errors(header + "  - id: eu-de\n    name: \"Frankfurt\\u202e\"\n    geography: Europe\n"
                             "    availability: MZR\n    zones: [a-1, a-2, a-3]\n    backup_endpoint: EU\n") ==
        Lines{"c.yaml:5:5: error: region 'eu-de' has a name, city or geography with control or invisible characters"});
  CHECK(load_errors(header + region("eu-de", "[eu-de-1, eu-de-2, eu-de-3]")) == Lines{"no error"});
}
