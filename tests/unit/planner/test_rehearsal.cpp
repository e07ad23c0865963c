#include <catch2/catch.hpp>

#include "model/deploy_loader.hpp"
#include "planner/rehearsal.hpp"
#include "planner/runbook.hpp"
#include "test_util.hpp"

using ceplan::planner::Check;
using ceplan::planner::CheckKind;
using Lines = std::vector<std::string>;

namespace {

// The checks of a runbook into `to`, one line each, as the rehearsal reports them.
Lines checks_of(const std::string& yaml, const std::string& to) {
  const auto d = ceplan::load_deployment(yaml, "d.yaml");
  const auto runbook = ceplan::restore_runbook(d, ceplan::test::shared_catalog(), to, "");
  Lines out;
  for (const auto& step : ceplan::planner::rehearsal(d, runbook.start, runbook.steps)) {
    for (const Check& check : step) out.push_back(ceplan::planner::check_text(check));
  }
  return out;
}

const std::string standby =
    "version: 1\nproject: p\nregions:\n  - { id: us-south, role: primary }\n  - { id: ca-tor, role: standby }\n"
    "failover: { strategy: pilot-light }\n"
    "secrets: [{ name: pull, format: registry }, { name: db }]\nconfigmaps: [{ name: cfg }]\n"
    "apps: [{ name: api, image: us.icr.io/p/api:1, registry_secret: pull, secrets: [db], configmaps: [cfg] }]\n";

}  // namespace

TEST_CASE("a rehearsal checks what the standby already holds, and each image once") {
  CHECK(checks_of(standby, "ca-tor") == Lines{"project p exists in ca-tor", "secret pull exists in ca-tor",
                                              "secret db exists in ca-tor", "config map cfg exists in ca-tor",
                                              "image us.icr.io/p/api:1 is in its registry",
                                              "registry secret pull in ca-tor logs in to us.icr.io"});
}

TEST_CASE("a rehearsal checks room for a project the runbook creates, and nothing it creates itself") {
  CHECK(checks_of(ceplan::test::backup_restore_head + "secrets: [{ name: db }]\n"
                                                      "apps: [{ name: api, image: icr.io/p/api:1, secrets: [db] }]\n",
                  "eu-gb") ==
        Lines{"eu-gb holds fewer than 20 projects, soft-deleted ones included, so project p can be created",
              "no project p exists in eu-gb yet", "no soft-deleted project p waits in eu-gb (its name would be taken)",
              "image icr.io/p/api:1 is in its registry"});
}

TEST_CASE("each check is one read-only command") {
  const auto d = ceplan::load_deployment(standby, "d.yaml");
  using ceplan::planner::check_command;
  CHECK(check_command(d, {CheckKind::project, "ca-tor", "p", {}}) == "ibmcloud ce project get --name p");
  CHECK(check_command(d, {CheckKind::project_room, "ca-tor", "p", "20"}) ==
        "ibmcloud ce project list --all-resource-groups --regions ca-tor && ibmcloud ce reclamation list "
        "--all-resource-groups --regions ca-tor");
  CHECK(check_command(d, {CheckKind::project_free, "ca-tor", "p", {}}) == "ibmcloud ce project get --name p");
  CHECK(check_command(d, {CheckKind::project_unused, "ca-tor", "p", {}}) ==
        "ibmcloud ce reclamation list --all-resource-groups --regions ca-tor");
  CHECK(check_command(d, {CheckKind::secret, "ca-tor", "db", {}}) == "ibmcloud ce secret get --name db");
  CHECK(check_command(d, {CheckKind::configmap, "ca-tor", "cfg", {}}) == "ibmcloud ce configmap get --name cfg");
  CHECK(check_command(d, {CheckKind::app, "ca-tor", "api", {}}) == "ibmcloud ce application get --name api");
  CHECK(check_command(d, {CheckKind::image, {}, "us.icr.io/p/api:1", {}}) ==
        "ibmcloud cr image-inspect us.icr.io/p/api:1");
  CHECK(check_command(d, {CheckKind::registry_server, "ca-tor", "pull", "us.icr.io"}) ==
        "ibmcloud ce secret get --name pull --decode --output json");
  CHECK(check_command(d, {CheckKind::pools, "ca-tor", {}, {}}) == "ibmcloud cis glb-pools --output json");
  CHECK(ceplan::planner::check_text({CheckKind::pools, "ca-tor", {}, {}}) ==
        "the CIS load balancer has an origin pool for ca-tor");
  CHECK(ceplan::planner::runs_in_project({CheckKind::secret, "ca-tor", "db", {}}));
  CHECK_FALSE(ceplan::planner::runs_in_project({CheckKind::project, "ca-tor", "p", {}}));
}
