#include <catch2/catch.hpp>

#include "test_util.hpp"

#include "model/capacity.hpp"
#include "model/deploy_loader.hpp"

using Catch::Matchers::WithinAbs;
using Lines = std::vector<std::string>;

namespace {

std::vector<ceplan::RegionLoad> load_of(const std::string& text, const Lines& lost) {
  return ceplan::takeover_load(ceplan::load_deployment(text, "d.yaml"), lost);
}

}  // namespace

TEST_CASE("cpu and memory are read as the CLI takes them") {
  CHECK_THAT(*ceplan::parse_cpu("0.5"), WithinAbs(0.5, 1e-9));
  CHECK_THAT(*ceplan::parse_cpu("250m"), WithinAbs(0.25, 1e-9));
  CHECK_FALSE(ceplan::parse_cpu("one"));
  CHECK_FALSE(ceplan::parse_cpu("-1"));
  CHECK_THAT(*ceplan::parse_memory_gb("4G"), WithinAbs(4, 1e-9));
  CHECK_THAT(*ceplan::parse_memory_gb("512M"), WithinAbs(0.512, 1e-9));
  CHECK_THAT(*ceplan::parse_memory_gb("1Gi"), WithinAbs(1.073741824, 1e-9));
  CHECK_THAT(*ceplan::parse_memory_gb("2GB"), WithinAbs(2, 1e-9));
  CHECK_FALSE(ceplan::parse_memory_gb("4096"));
  CHECK_FALSE(ceplan::parse_memory_gb("G"));
  CHECK_FALSE(ceplan::parse_memory_gb("lots"));
}

TEST_CASE("a surviving region runs its own apps at max scale and its share of the lost region's") {
  const std::string text = R"(version: 1
project: p
regions: [us-south, eu-de, jp-tok]
apps:
  - { name: web, image: i, max_scale: 30, cpu: "0.5", memory: 2G, regions: { us-south: { max_scale: 40 }, eu-de: {}, jp-tok: {} } }
  - { name: api, image: i }
)";
  const auto loads = load_of(text, {"us-south"});
  REQUIRE(loads.size() == 2);
  CHECK(loads[0].region == "eu-de");
  CHECK(loads[0].takes_over);
  // web: 30 own + 40 / 2 taken over; api (defaults 10, 1 vCPU, 4 GB): 10 own + 10 / 2.
  CHECK(loads[0].instances == 50 + 15);
  CHECK_THAT(loads[0].vcpu, WithinAbs(50 * 0.5 + 15, 1e-9));
  CHECK_THAT(loads[0].memory_gb, WithinAbs(50 * 2 + 15 * 4, 1e-9));
  CHECK(loads[0].heaviest == "web");
  CHECK_FALSE(loads[0].over());
  CHECK(loads[1].region == "jp-tok");
}

TEST_CASE(
    "an app re-created in the takeover region needs the larger scale, and unbounded and unreadable apps are named") {
  const std::string text = ceplan::test::backup_restore_head + R"(apps:
  - { name: web, image: i, max_scale: 300, regions: { us-south: {}, eu-de: { max_scale: 20 } } }
  - { name: free, image: i, max_scale: 0 }
  - { name: odd, image: i, cpu: lots }
)";
  const auto loads = load_of(text, {"us-south"});
  REQUIRE(loads.size() == 1);
  CHECK(loads[0].region == "eu-de");
  CHECK(loads[0].instances == 300 + 10);
  CHECK(loads[0].over());
  CHECK(loads[0].unbounded == Lines{"free"});
  CHECK(loads[0].unknown == Lines{"odd"});
  CHECK(ceplan::takeover_region(ceplan::load_deployment(text, "d.yaml"), {"us-south"}) == "eu-de");
  CHECK(load_of(text, {"jp-tok"}).front().takes_over == false);
}
