#include <catch2/catch.hpp>

#include "model/deploy_loader.hpp"
#include "planner/blocks.hpp"
#include "planner/procedure.hpp"

TEST_CASE("each region's commands run as one chain, so a failed target or selection stops the block") {
  const auto d = ceplan::load_deployment(
      "version: 1\nproject: 'my shop'\nresource_group: prod\nregions: [us-east, eu-gb]\n"
      "apps: [{ name: api, image: icr.io/p/api:1 }]\nsecrets: [{ name: db, source: file }]\n",
      "d.yaml");
  using ceplan::act;
  using K = ceplan::ActionKind;
  CHECK(ceplan::planner::commands(
            d, {act(K::create_project, "eu-gb"), act(K::create_secret, "eu-gb", "db"), act(K::disable_pool, "us-east"),
                act(K::restart_app, "us-east", "api"), act(K::check_url, "")}) ==
        "ibmcloud target -r eu-gb -g prod &&\n"
        "ibmcloud ce project create --name 'my shop' &&\n"
        "ibmcloud ce project select --name 'my shop' &&\n"
        "ibmcloud ce secret create --name db --from-env-file db.env &&\nrm -f db.env &&\n"
        "ibmcloud target -r us-east -g prod &&\n"
        "ibmcloud ce project select --name 'my shop' &&\n"
        "ibmcloud ce application update --name api");
}

TEST_CASE("a script's blocks keep each project's target, selection and commands apart") {
  const auto d = ceplan::load_deployment(
      "version: 1\nproject: shop\nregions: [us-east, eu-gb]\napps: [{ name: api, image: icr.io/p/api:1 }]\n", "d.yaml");
  using ceplan::act;
  using K = ceplan::ActionKind;
  const auto blocks = ceplan::planner::blocks(
      d, {act(K::create_project, "eu-gb"), act(K::restart_app, "us-east", "api"), act(K::delete_app, "us-east", "api"),
          act(K::disable_pool, "us-east"), act(K::wait_dns, "")});
  REQUIRE(blocks.size() == 2);
  CHECK(blocks[0].region == "eu-gb");
  CHECK(blocks[0].target ==
        "ibmcloud target -r eu-gb -g \"${RESOURCE_GROUP:?set RESOURCE_GROUP to the resource group of "
        "the project}\"");
  REQUIRE(blocks[0].commands.size() == 2);
  CHECK(blocks[0].commands[0].kind == K::create_project);
  CHECK(blocks[0].commands[1].kind == K::select_project);
  CHECK(blocks[1].region == "us-east");
  CHECK(blocks[1].target == "ibmcloud target -r us-east");
  REQUIRE(blocks[1].commands.size() == 3);
  CHECK(blocks[1].commands[0].text == "ibmcloud ce project select --name shop");
  CHECK(blocks[1].commands[2].kind == K::delete_app);
}
