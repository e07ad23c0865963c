#include <catch2/catch.hpp>

#include "model/deploy_loader.hpp"
#include "planner/checklist.hpp"

namespace {

const std::string file = R"(version: 1
project: p
objectives: { rto: 15m, rpo: 1h }
regions: [us-south, eu-de]
failover: { edge_proxy: { domain: p.example.com } }
apps:
  - { name: web, image: i, secrets: [db] }
  - { name: other, image: i }
jobs:
  - { name: report, image: i, schedule: "0 1 * * *", scheduled_in: [eu-de] }
secrets:
  - { name: db }
data:
  - { name: orders, region: us-south, replica_in: eu-de, secret: db }
  - { name: files, region: us-south, backup_in: eu-de }
  - { name: logs, region: us-south }
)";

}  // namespace

TEST_CASE("objectives are worded from the file's RTO and RPO") {
  const auto d = ceplan::load_deployment(file, "d.yaml");
  std::vector<ceplan::Step> steps;
  const ceplan::Checklist list(d, steps);
  CHECK(list.rto("apps serve again") == "RTO 15m: apps serve again");
  CHECK(list.rpo("bounded") == "RPO 1h: data no older than that");
}

TEST_CASE("data steps say how each store comes back") {
  const auto d = ceplan::load_deployment(file, "d.yaml");
  CHECK(ceplan::data_step_title(d.data[0]) == "Promote the replica of data store orders in eu-de");
  CHECK(ceplan::data_step_title(d.data[1], "eu-gb") ==
        "Restore data store files into eu-gb from its backup copy in eu-de");
  CHECK(ceplan::data_step_title(d.data[2]) == "Restore data store logs from its latest backup, if one left us-south");
}

TEST_CASE("recovering a store repoints its secret and restarts only the apps that read it") {
  const auto d = ceplan::load_deployment(file, "d.yaml");
  std::vector<ceplan::Step> steps;
  ceplan::Checklist list(d, steps);
  list.recover_data(d.data[0], {}, {"eu-de"}, [](const ceplan::App&, std::string_view) { return true; });
  REQUIRE(steps.size() == 2);
  CHECK(steps[1].command ==
        "ibmcloud target -r eu-de\nibmcloud ce project select --name p\n"
        "ibmcloud ce secret update --name db --from-env-file db.env\nibmcloud ce application update --name web");
}

TEST_CASE("recovering a store restarts no app that is not running yet: it reads the secret as it is created") {
  const auto d = ceplan::load_deployment(file, "d.yaml");
  std::vector<ceplan::Step> steps;
  ceplan::Checklist list(d, steps);
  list.recover_data(d.data[0], "eu-de", {}, [](const ceplan::App&, std::string_view) { return false; });
  REQUIRE(steps.size() == 2);
  CHECK(steps[1].command == "ibmcloud ce secret update --name db --from-env-file db.env");
  CHECK(steps[1].title ==
        "Point secret db at the recovered data store orders; the apps that read it are created below and read it as "
        "they start");
}

TEST_CASE("schedules are stopped where they are live, and only there") {
  const auto d = ceplan::load_deployment(file, "d.yaml");
  CHECK(ceplan::jobs_scheduled_in(d, "us-south").empty());
  CHECK(ceplan::jobs_scheduled_in(d, "eu-de").size() == 1);
  std::vector<ceplan::Step> steps;
  ceplan::Checklist list(d, steps);
  list.stop_schedules("us-south");
  CHECK(steps.empty());
  list.stop_schedules("eu-de");
  REQUIRE(steps.size() == 1);
  CHECK(steps[0].id == "stop-schedules-eu-de");
  list.fence_traffic({"us-south"});
  CHECK(steps.back().id == "fence-traffic");
}
