#include <catch2/catch.hpp>

#include <algorithm>

#include "catalog/embedded_catalog.hpp"
#include "model/deploy_loader.hpp"
#include "planner/runbook.hpp"
#include "test_util.hpp"

using ceplan::test::errors_of;

namespace {

const std::string file = R"(version: 1
project: shop
regions:
  - { id: us-south, role: primary }
  - { id: eu-gb, role: recovery }
failover:
  strategy: backup-restore
  edge_proxy: { domain: shop.example.com, tls_secret: shop-tls }
apps:
  - { name: web, image: icr.io/s/web:1, regions: [us-south], secrets: [db], configmaps: [cfg] }
jobs:
  - { name: report, image: icr.io/s/r:1, regions: [us-south], schedule: "0 1 * * *", secrets: [db] }
secrets:
  - { name: shop-tls, format: tls }
  - { name: db }
configmaps:
  - { name: cfg, source: file }
)";

std::size_t position(const ceplan::Runbook& runbook, const std::string& id) {
  const auto it = std::find_if(runbook.steps.begin(), runbook.steps.end(), [&](const auto& s) { return s.id == id; });
  REQUIRE(it != runbook.steps.end());
  return static_cast<std::size_t>(it - runbook.steps.begin());
}

ceplan::Runbook runbook_for(const std::string& to, const std::string& from = {}) {
  const auto deployment = ceplan::load_deployment(file, "d.yaml");
  return ceplan::restore_runbook(deployment, ceplan::embedded_catalog(), to, from);
}

}  // namespace

TEST_CASE("the runbook restores from the primary by default") {
  const auto runbook = runbook_for("eu-gb");
  CHECK(runbook.project == "shop");
  CHECK(runbook.from == "us-south");
  CHECK(runbook.to == "eu-gb");
}

TEST_CASE("steps follow the file's references") {
  const auto runbook = runbook_for("eu-gb");
  CHECK(position(runbook, "create-project") < position(runbook, "secret-db"));
  CHECK(position(runbook, "secret-db") < position(runbook, "app-web"));
  CHECK(position(runbook, "configmap-cfg") < position(runbook, "app-web"));
  CHECK(position(runbook, "secret-db") < position(runbook, "job-report"));
  CHECK(position(runbook, "job-report") < position(runbook, "cron-report"));
  CHECK(position(runbook, "app-web") < position(runbook, "cron-report"));
  // No schedule is created before the source's schedules are confirmed stopped.
  CHECK(position(runbook, "stop-source-schedules") < position(runbook, "cron-report"));
  // The TLS secret and the domain mapping come before the edge proxy is pointed at the origin.
  CHECK(position(runbook, "secret-shop-tls") < position(runbook, "domain-mapping"));
  CHECK(position(runbook, "domain-mapping") < position(runbook, "edge-proxy-origin"));
  CHECK(position(runbook, "edge-proxy-origin") < position(runbook, "verify-app-web"));
  CHECK(runbook.steps.back().id == "fail-back");
}

TEST_CASE("commands are exact, and manual steps have none") {
  const auto runbook = runbook_for("eu-gb");
  CHECK(runbook.steps[position(runbook, "app-web")].command ==
        "ibmcloud ce application create --name web --image icr.io/s/web:1 --min-scale 0 --env-from-secret db "
        "--env-from-configmap cfg");
  CHECK(runbook.steps[position(runbook, "cron-report")].command ==
        "ibmcloud ce subscription cron create --name report-cron --destination report --destination-type job "
        "--schedule '0 1 * * *'");
  CHECK(runbook.steps[position(runbook, "secret-shop-tls")].command ==
        "ibmcloud ce secret create --name shop-tls --format tls --cert-chain-file shop-tls.crt --private-key-file "
        "shop-tls.key");
  CHECK(runbook.steps[position(runbook, "edge-proxy-origin")].command.empty());
  // A non-idempotent job is checked, never run, during verification.
  CHECK(runbook.steps[position(runbook, "verify-job-report")].command == "ibmcloud ce job get --name report");
}

TEST_CASE("runbook regions are checked") {
  using Lines = std::vector<std::string>;
  CHECK(errors_of([] { (void)runbook_for("eu-gbb"); }) ==
        Lines{"error: unknown region 'eu-gbb'; did you mean 'eu-gb'?"});
  CHECK(errors_of([] { (void)runbook_for("us-south"); }) ==
        Lines{"error: cannot restore from us-south into the same region; choose --restore-to another region"});
  CHECK(runbook_for("eu-de", "eu-gb").from == "eu-gb");
}
