#include <catch2/catch.hpp>

#include "model/deploy_loader.hpp"
#include "planner/world.hpp"
#include "render/world_json.hpp"
#include "test_util.hpp"

TEST_CASE("the world state as JSON names what each region holds, in Code Engine's terms") {
  const auto d = ceplan::load_deployment(ceplan::test::backup_restore_head +
                                             "secrets: [{ name: pull, format: registry }]\n"
                                             "apps: [{ name: api, image: de.icr.io/p/api:1, registry_secret: pull, "
                                             "min_scale: 2, max_scale: 4 }]\n",
                                         "d.yaml");
  ceplan::WorldState state = ceplan::initial_state(d);
  ceplan::lose(state, {"us-south"});
  const auto json = ceplan::render::world_json(state);
  const auto& region = json["regions"]["us-south"];
  CHECK(region["reachable"] == false);
  CHECK(region["project"] == true);
  CHECK(region["secrets"] == nlohmann::json::array({"pull"}));
  CHECK(region["servers"]["pull"] == "de.icr.io");
  CHECK(region["apps"]["api"]["image"] == "de.icr.io/p/api:1");
  CHECK(region["apps"]["api"]["min_scale"] == 2);
  CHECK(region["apps"]["api"]["max_scale"] == 4);
  CHECK(region["pool"].is_null());
  CHECK(json["regions"]["eu-de"]["project"] == false);
  const auto both = ceplan::render::world_json(state, ceplan::initial_state(d));
  CHECK(both["before"]["regions"]["us-south"]["reachable"] == false);
  CHECK(both["after"]["regions"]["us-south"]["reachable"] == true);
}
