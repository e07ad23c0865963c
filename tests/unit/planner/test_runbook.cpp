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

// A step's commands without the `ibmcloud target` and `project select` lines that open each
// region's chain, and without the `&&` that join them.
std::string body(const std::string& command) {
  std::string out;
  std::size_t start = 0;
  while (start < command.size()) {
    const std::size_t end = std::min(command.find('\n', start), command.size());
    std::string line = command.substr(start, end - start);
    if (line.size() > 3 && line.compare(line.size() - 3, 3, " &&") == 0)
      line.resize(line.size() - 3);
    if (line.rfind("ibmcloud target ", 0) != 0 && line.rfind("ibmcloud ce project select ", 0) != 0)
      out += (out.empty() ? "" : "\n") + line;
    start = end + 1;
  }
  return out;
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
  CHECK(position(runbook, "stop-schedules-us-south") < position(runbook, "cron-report"));
  // The TLS secret and the domain mapping come before the edge proxy is pointed at the origin.
  CHECK(position(runbook, "secret-shop-tls") < position(runbook, "domain-mapping"));
  CHECK(position(runbook, "domain-mapping") < position(runbook, "edge-proxy-origin"));
  CHECK(position(runbook, "edge-proxy-origin") < position(runbook, "verify-app-web"));
  CHECK(runbook.steps.back().id == "fail-back");
}

TEST_CASE("commands are exact, and manual steps have none") {
  const auto runbook = runbook_for("eu-gb");
  CHECK(body(runbook.steps[position(runbook, "app-web")].command) ==
        "ibmcloud ce application create --name web --image icr.io/s/web:1 --min-scale 0 --env-from-secret db "
        "--env-from-configmap cfg");
  CHECK(body(runbook.steps[position(runbook, "cron-report")].command) ==
        "ibmcloud ce subscription cron create --name report-cron --destination report --destination-type job "
        "--schedule '0 1 * * *'");
  CHECK(body(runbook.steps[position(runbook, "secret-shop-tls")].command)
            .ends_with("ibmcloud ce secret create --name shop-tls --format tls --cert-chain-file shop-tls.crt "
                       "--private-key-file shop-tls.key\nrm -f shop-tls.crt shop-tls.key"));
  CHECK(runbook.steps[position(runbook, "edge-proxy-origin")].command.empty());
  // A non-idempotent job is checked, never run, during verification.
  CHECK(body(runbook.steps[position(runbook, "verify-job-report")].command) == "ibmcloud ce job get --name report");
}

TEST_CASE("runbook regions are checked") {
  using Lines = std::vector<std::string>;
  CHECK(errors_of([] { (void)runbook_for("eu-gbb"); }) ==
        Lines{"error: unknown region 'eu-gbb'; did you mean 'eu-gb' (London)?"});
  CHECK(errors_of([] { (void)runbook_for("us-south"); }) ==
        Lines{"error: cannot restore from us-south into the same region; choose --restore-to another region"});
  CHECK(runbook_for("eu-de", "eu-gb").from == "eu-gb");
}

TEST_CASE("the incident flow: confirm, decide, fence, data, re-create, cut over, verify, fail back") {
  const auto deployment = ceplan::load_deployment(
      file + "data:\n  - { name: orders, region: us-south, backup_in: eu-gb, secret: db }\n", "d.yaml");
  const auto runbook = ceplan::restore_runbook(deployment, ceplan::embedded_catalog(), "eu-gb");
  const std::size_t decide = position(runbook, "decide");
  CHECK(position(runbook, "confirm-outage") < decide);
  // Nothing that changes anything comes before the decision.
  for (std::size_t i = 0; i < decide; ++i) {
    CHECK(runbook.steps[i].command.empty());
  }
  CHECK(decide < position(runbook, "fence-traffic"));
  CHECK(position(runbook, "fence-traffic") < position(runbook, "data-orders"));
  CHECK(position(runbook, "data-orders") < position(runbook, "connect-orders"));
  CHECK(position(runbook, "connect-orders") < position(runbook, "app-web"));
  CHECK(position(runbook, "app-web") < position(runbook, "domain-mapping"));
  CHECK(position(runbook, "domain-mapping") < position(runbook, "verify-domain"));
  // web is created in eu-gb only after the data (app-web): it reads the secret as it starts, and
  // `application update` before then would fail on an app that does not exist.
  // db comes from Secrets Manager (the default source): the step reads it into db.env, updates
  // the secret from it, and deletes the file.
  const std::string connect = body(runbook.steps[position(runbook, "connect-orders")].command);
  CHECK(connect.find("ibmcloud secrets-manager secret-by-name --secret-type arbitrary --name db ") <
        connect.find("ibmcloud ce secret update --name db --from-env-file db.env\nrm -f db.env"));
  CHECK(connect.ends_with("ibmcloud ce secret update --name db --from-env-file db.env\nrm -f db.env"));
  CHECK(runbook.steps[position(runbook, "verify-domain")].command == "curl -fsS https://shop.example.com/");
  CHECK(runbook.estimate == "at least 1h to recover orders, then the 1 app and 1 job");
}

TEST_CASE("the project is created in a resource group, named or asked for") {
  const auto runbook = runbook_for("eu-gb");
  CHECK_THAT(runbook.steps[position(runbook, "create-project")].command,
             Catch::StartsWith("ibmcloud target -r eu-gb -g \"${RESOURCE_GROUP:?set RESOURCE_GROUP to the resource "
                               "group of the project}\" &&\nibmcloud ce project create --name shop &&\n"));
  const auto named = ceplan::restore_runbook(
      ceplan::load_deployment("version: 1\nproject: p\nresource_group: prod\nregions: [us-south]\n", "d.yaml"),
      ceplan::embedded_catalog(), "eu-gb");
  CHECK_THAT(named.steps[position(named, "create-project")].command,
             Catch::StartsWith("ibmcloud target -r eu-gb -g prod &&\n"));
}

TEST_CASE("a schedule live in a healthy region is never created again") {
  const std::string three = R"(version: 1
project: p
regions: [us-south, eu-de, jp-tok]
failover: { edge_proxy: { domain: p.example.com } }
apps:
  - { name: web, image: icr.io/p/web:1 }
jobs:
  - { name: report, image: icr.io/p/r:1, schedule: "0 1 * * *", scheduled_in: [eu-de] }
  - { name: sweep, image: icr.io/p/s:1, schedule: "0 3 * * *", scheduled_in: [us-south] }
  - { name: local, image: icr.io/p/l:1, schedule: "0 4 * * *", scheduled_in: [jp-tok] }
)";
  const auto deployment = ceplan::load_deployment(three, "d.yaml");
  const auto runbook = ceplan::restore_runbook(deployment, ceplan::embedded_catalog(), "jp-tok", "us-south");
  // report lives in eu-de, which is healthy: no cron in jp-tok.
  CHECK(runbook.steps[position(runbook, "cron-report")].command.empty());
  CHECK_THAT(runbook.steps[position(runbook, "cron-report")].title, Catch::Contains("Leave the schedule"));
  // sweep was live in the lost region: it moves, and its missed runs are reconciled.
  CHECK_THAT(runbook.steps[position(runbook, "cron-sweep")].command,
             Catch::Contains("subscription cron create --name sweep-cron"));
  CHECK(body(runbook.steps[position(runbook, "reconcile-sweep")].command) == "ibmcloud ce jobrun list --job sweep");
  // local is already live in the target: it is only checked.
  CHECK(body(runbook.steps[position(runbook, "cron-local")].command) ==
        "ibmcloud ce subscription cron get --name local-cron");
  // Only the lost region's schedules are stopped, and without a prompt.
  CHECK(runbook.steps[position(runbook, "stop-schedules-us-south")].command ==
        "ibmcloud target -r us-south &&\nibmcloud ce project select --name p &&\n"
        "ibmcloud ce subscription cron delete --name sweep-cron --force --ignore-not-found");
}

TEST_CASE("a DNS-only proxy makes the runbook wait one TTL before verifying") {
  const auto deployment = ceplan::load_deployment(
      "version: 1\nproject: p\nregions: [us-south]\nfailover: { edge_proxy: { domain: p.example.com, proxied: "
      "false, ttl: 2m } }\napps:\n  - { name: web, image: icr.io/p/web:1, port: 8080, cpu: '0.5', memory: 1G, "
      "max_scale: 5, visibility: public }\n",
      "d.yaml");
  const auto runbook = ceplan::restore_runbook(deployment, ceplan::embedded_catalog(), "eu-gb");
  CHECK(runbook.steps[position(runbook, "wait-dns")].command == "sleep 120");
  CHECK(position(runbook, "wait-dns") < position(runbook, "verify-domain"));
  CHECK(body(runbook.steps[position(runbook, "app-web")].command) ==
        "ibmcloud ce application create --name web --image icr.io/p/web:1 --min-scale 0 --max-scale 5 --port 8080 "
        "--cpu 0.5 --memory 1G --visibility public");
}

TEST_CASE("the region restored from must be a region of the project") {
  CHECK(errors_of([] { (void)runbook_for("eu-de", "jp-tok"); }) ==
        std::vector<std::string>{
            "error: project shop is not in jp-tok; --from must be one of its regions: us-south, eu-gb"});
}

TEST_CASE("a standby that takes over is scaled to the app's full load, and keeps its resource group") {
  const auto deployment = ceplan::load_deployment(
      "version: 1\nproject: p\nregions:\n  - { id: us-east, role: primary }\n  - { id: eu-gb, role: standby }\n"
      "failover: { strategy: warm-standby }\napps:\n  - { name: api, image: icr.io/p/a:1, min_scale: 3, max_scale: 9,\n"
      "      regions: { us-east: {}, eu-gb: { min_scale: 1, max_scale: 2 } } }\n",
      "d.yaml");
  const auto runbook = ceplan::restore_runbook(deployment, ceplan::embedded_catalog(), "eu-gb");
  CHECK(body(runbook.steps[position(runbook, "app-api")].command) ==
        "ibmcloud ce application update --name api --min-scale 3 --max-scale 9");
  // The project exists there: no resource group is needed to select it.
  CHECK_THAT(runbook.steps[position(runbook, "select-project")].command,
             Catch::StartsWith("ibmcloud target -r eu-gb &&\nibmcloud ce project select --name p"));
}

TEST_CASE("a restore whose images live in the lost region's registry says so before re-creating anything") {
  const std::string east = R"(version: 1
project: pay
regions:
  - { id: us-east, role: primary }
  - { id: eu-gb, role: standby }
failover: { strategy: warm-standby }
apps:
  - name: api
    image: icr.io/pay/api:5
    regions: { us-east: {}, eu-gb: { image: uk.icr.io/pay/api:5 } }
)";
  const auto deployment = ceplan::load_deployment(east, "d.yaml");
  const auto& catalog = ceplan::test::shared_catalog();
  const auto into_de = ceplan::restore_runbook(deployment, catalog, "eu-de");
  REQUIRE(into_de.notes.size() == 1);
  CHECK(into_de.notes.front() ==
        "icr.io/pay/api:5 cannot be pulled: its registry's region is lost. Push a copy to a registry that survives "
        "and name it in the deploy file (restore: { eu-de: { image: ... } } of the workload) before re-creating "
        "anything");
  // The image check comes before anything changes, and the procedure is marked unsafe.
  CHECK(position(into_de, "check-images") < position(into_de, "create-project"));
  CHECK_THAT(into_de.steps[position(into_de, "check-images")].title,
             Catch::Contains(". Stop first: icr.io/pay/api:5 cannot be pulled, its registry's region is lost"));
  CHECK(into_de.steps[position(into_de, "app-api")].violations ==
        std::vector<std::string>{"invariant 2 (preconditions): image icr.io/pay/api:5 is in the registry of us-east, "
                                 "which is lost: it cannot be pulled"});
  const auto into_gb = ceplan::restore_runbook(deployment, catalog, "eu-gb");
  CHECK(into_gb.notes.empty());
  CHECK(into_gb.unsafe.empty());
  // Done as the note says, the restore into eu-de is safe and pulls the copy, at the scale named.
  auto named = east;
  named += "    restore: { eu-de: { image: de.icr.io/pay/api:5, min_scale: 2 } }\n";
  const auto copied = ceplan::restore_runbook(ceplan::load_deployment(named, "d.yaml"), catalog, "eu-de");
  CHECK(copied.notes.empty());
  CHECK(copied.unsafe.empty());
  CHECK_THAT(copied.steps[position(copied, "app-api")].command,
             Catch::Contains("application create --name api --image de.icr.io/pay/api:5 --min-scale 2"));
}

TEST_CASE("a runbook from the region of a secret's Secrets Manager says so, and the simulator flags its creation") {
  // The secret's instance is in `instance`; the runbook restores from us-south into eu-de.
  const auto restore = [](const std::string& instance) {
    const std::string text = ceplan::test::backup_restore_head + R"(apps:
  - { name: a, image: de.icr.io/p/a:1, secrets: [db] }
secrets:
  - { name: db, source: secrets-manager, source_region: )" +
                             instance + " }\n";
    return ceplan::restore_runbook(ceplan::load_deployment(text, "d.yaml"), ceplan::embedded_catalog(), "eu-de",
                                   "us-south");
  };
  const auto runbook = restore("eu-gb");
  CHECK(runbook.notes.empty());
  CHECK(runbook.steps[position(runbook, "secret-db")].violations.empty());
  const auto lost = restore("us-south");
  CHECK(std::find(lost.notes.begin(), lost.notes.end(),
                  "secret db is re-created from Secrets Manager in us-south, which is lost: create it from a copy the "
                  "team keeps elsewhere instead of the step below") != lost.notes.end());
  const auto& step = lost.steps[position(lost, "secret-db")];
  REQUIRE(step.violations.size() == 1);
  CHECK(step.violations[0] ==
        "invariant 2 (preconditions): secret db is re-created from Secrets Manager in us-south, which is lost");
}
