#include <catch2/catch.hpp>

#include "catalog/catalog_loader.hpp"
#include "catalog/embedded_catalog.hpp"
#include "test_util.hpp"

using ceplan::Catalog;
using ceplan::RegionFilter;
using ceplan::test::errors_of;
using Lines = std::vector<std::string>;

namespace {

Lines ids(const std::vector<const ceplan::Region*>& regions) {
  Lines out;
  for (const auto* r : regions) {
    out.push_back(r->id);
  }
  return out;
}

}  // namespace

TEST_CASE("regions are found by id, with a suggestion for typos") {
  const Catalog catalog = ceplan::embedded_catalog();
  CHECK(catalog.find("eu-gb")->name == "London");
  CHECK(catalog.find("eu-gbb") == nullptr);
  CHECK(errors_of([&] { (void)catalog.at("eu-gbb"); }) ==
        Lines{"error: unknown region 'eu-gbb'; did you mean 'eu-gb' (London)?"});
  CHECK(errors_of([&] { (void)catalog.at("frankfurt"); }) ==
        Lines{"error: unknown region 'frankfurt'; did you mean 'eu-de' (Frankfurt)?"});
  CHECK(catalog.region_hint("eu-frankfurt") == "; did you mean 'eu-de' (Frankfurt)?");
  CHECK(catalog.region_hint("londn") == "; did you mean 'eu-gb' (London)?");
  CHECK(catalog.region_hint("mars").empty());
  CHECK(catalog.find_named("sao paulo")->id == "br-sao");
  CHECK(catalog.find_named("WASHINGTON DC")->id == "us-east");
  CHECK(catalog.find_named("atlantis") == nullptr);
  CHECK(errors_of([&] { (void)catalog.at("mars"); }) ==
        Lines{"error: unknown region 'mars'; expected one of in-che, jp-osa, au-syd, jp-tok, eu-de, eu-gb, eu-es, "
              "us-south, ca-tor, us-east, br-sao"});
}

TEST_CASE("filters select by geography and endpoint, case-insensitively") {
  const Catalog catalog = ceplan::embedded_catalog();
  CHECK(ids(catalog.select({})).size() == 11);
  CHECK(ids(catalog.select(RegionFilter{"europe", ""})) == Lines{"eu-de", "eu-gb", "eu-es"});
  CHECK(ids(catalog.select(RegionFilter{"", "AP"})) == Lines{"jp-osa", "au-syd", "jp-tok"});
  CHECK(ids(catalog.select(RegionFilter{"North America", "us"})) == Lines{"us-south", "us-east"});
  CHECK(errors_of([&] {
          (void)catalog.select(RegionFilter{"Europa", ""});
        }) == Lines{"error: unknown geography 'Europa'; did you mean 'Europe'?"});
  CHECK(errors_of([&] {
          (void)catalog.select(RegionFilter{"", "EUR"});
        }) == Lines{"error: unknown backup endpoint 'EUR'; did you mean 'EU'?"});
}

TEST_CASE("geographies are listed once each, in catalog order") {
  CHECK(ceplan::embedded_catalog().geographies() == Lines{"Asia Pacific", "Europe", "North America", "South America"});
  CHECK(ceplan::to_string(ceplan::Availability::szr) == "SZR");
  CHECK(ceplan::to_string(ceplan::Campus::single) == "single");
}
