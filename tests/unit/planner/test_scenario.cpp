#include <algorithm>

#include <catch2/catch.hpp>

#include "catalog/embedded_catalog.hpp"
#include "model/deploy_loader.hpp"
#include "planner/scenario.hpp"
#include "test_util.hpp"

using ceplan::AppStatus;
using ceplan::JobStatus;
using ceplan::test::errors_of;
using Lines = std::vector<std::string>;

namespace {

const ceplan::Catalog& catalog() {
  return ceplan::test::shared_catalog();
}

const std::string warm_standby = R"(version: 1
project: api
regions:
  - { id: us-south, role: primary }
  - { id: ca-tor, role: standby }
failover:
  strategy: warm-standby
  edge_proxy:
    proxied: true
    health_check: { interval: 15s, retries: 1, timeout: 5s }
apps:
  - { name: api, image: icr.io/a/api:1, min_scale: 1 }
jobs:
  - { name: nightly, image: icr.io/a/n:1, schedule: "0 2 * * *" }
  - { name: adhoc, image: icr.io/a/x:1, regions: [us-south] }
)";

ceplan::ScenarioPlan plan_for(const std::string& text, ceplan::ScenarioKind kind, const std::string& target) {
  const auto deployment = ceplan::load_deployment(text, "d.yaml");
  return ceplan::plan(deployment, catalog(), ceplan::Scenario{kind, target});
}

}  // namespace

TEST_CASE("warm-standby: losing the primary fails the app over in 25 s") {
  const auto plan = plan_for(warm_standby, ceplan::ScenarioKind::region, "us-south");
  CHECK(plan.lost == Lines{"us-south"});
  REQUIRE(plan.apps.size() == 1);
  CHECK(plan.apps[0].status == AppStatus::fails_over);
  CHECK(plan.apps[0].serving_regions == Lines{"ca-tor"});
  REQUIRE(plan.apps[0].failover);
  CHECK(plan.apps[0].failover->detection == 25);
  CHECK(plan.apps[0].failover->propagation == 0);
  CHECK(plan.apps[0].failover->warmup == 0);
  CHECK(plan.apps[0].failover->total() == 25);
  // The schedule was live in the primary only: it must move. The ad-hoc job is gone.
  CHECK(plan.jobs[0].status == JobStatus::reschedule);
  CHECK(plan.jobs[0].regions == Lines{"ca-tor"});
  CHECK(plan.jobs[1].status == JobStatus::down);
}

TEST_CASE("losing the standby leaves the app serving and the schedule in place") {
  const auto plan = plan_for(warm_standby, ceplan::ScenarioKind::region, "ca-tor");
  // Under ordered (failover) steering the standby takes no traffic: nothing moves.
  CHECK(plan.apps[0].status == AppStatus::unaffected);
  CHECK(plan.apps[0].redundancy_lost);
  CHECK(plan.apps[0].serving_regions == Lines{"us-south"});
  CHECK_FALSE(plan.apps[0].failover);
  CHECK(plan.jobs[0].status == JobStatus::unaffected);
  CHECK(plan.jobs[1].status == JobStatus::unaffected);
}

TEST_CASE("a geography that holds every region of an app takes it down") {
  const auto plan = plan_for(warm_standby, ceplan::ScenarioKind::geography, "North America");
  CHECK(plan.lost == Lines{"us-south", "ca-tor"});
  CHECK(plan.apps[0].status == AppStatus::down);
  CHECK(plan.apps[0].serving_regions.empty());
  CHECK_FALSE(plan.apps[0].failover);
  CHECK(plan.jobs[0].status == JobStatus::down);
}

TEST_CASE("a zone outage in an MZR auto-recovers, and elsewhere nothing happens") {
  const auto plan = plan_for(warm_standby, ceplan::ScenarioKind::zone, "us-south-2");
  CHECK(plan.lost.empty());
  CHECK(plan.degraded == Lines{"us-south"});
  CHECK(plan.apps[0].status == AppStatus::auto_recovers);
  CHECK(plan.jobs[0].status == JobStatus::auto_recovers);
  const auto far = plan_for(warm_standby, ceplan::ScenarioKind::zone, "eu-de-1");
  CHECK(far.degraded.empty());
  CHECK(far.apps[0].status == AppStatus::unaffected);
  CHECK(far.steps.size() == 1);
}

TEST_CASE("without an edge proxy a surviving region needs a manual failover") {
  const auto plan = plan_for(
      "version: 1\nproject: p\nregions: [us-south, eu-de]\n"
      "apps:\n  - { name: a, image: icr.io/p/a:1 }\n",
      ceplan::ScenarioKind::region, "eu-de");
  CHECK(plan.apps[0].status == AppStatus::manual_failover);
  CHECK(plan.apps[0].serving_regions == Lines{"us-south"});
}

TEST_CASE("scenarios parse, and unknown targets are refused with a suggestion") {
  const auto deployment = ceplan::load_deployment(warm_standby, "d.yaml");
  const auto all = ceplan::parse_scenarios("all", deployment, catalog());
  // The project's regions, then the region of the registry it pulls from, then their geography.
  Lines targets;
  for (const auto& scenario : all)
    targets.push_back(std::string(ceplan::to_string(scenario.kind)) + ":" + scenario.target);
  CHECK(targets == Lines{"region:us-south", "region:ca-tor", "region:us-east", "geography:North America"});
  CHECK(ceplan::parse_scenarios("region:ca-mon", deployment, catalog())[0].target == "ca-mon");
  CHECK(ceplan::parse_scenarios("geography:europe", deployment, catalog())[0].target == "Europe");
  CHECK(errors_of([&] { (void)ceplan::parse_scenarios("zone:us-south-4", deployment, catalog()); }) ==
        Lines{"error: unknown zone 'us-south-4'; did you mean 'us-south-1'?"});
  CHECK(errors_of([&] { (void)ceplan::parse_scenarios("region:us-soth", deployment, catalog()); }) ==
        Lines{"error: unknown region 'us-soth'; did you mean 'us-south' (Dallas)?"});
  CHECK(errors_of([&] { (void)ceplan::parse_scenarios("continent:Asia", deployment, catalog()); }) ==
        Lines{"error: unknown scenario 'continent:Asia'; expected zone:ZONE, region:ID, geography:NAME or all"});
}

TEST_CASE("a region scenario's checklist confirms, fails over, reschedules, then fails back") {
  const auto plan = plan_for(warm_standby, ceplan::ScenarioKind::region, "us-south");
  Lines ids;
  for (const auto& step : plan.steps) ids.push_back(step.id);
  CHECK(ids == Lines{"confirm-outage", "decide", "check-images", "fence-traffic", "stop-schedules-us-south",
                     "job-adhoc", "check-failover-api", "cron-nightly", "reconcile-nightly", "verify-job-adhoc",
                     "fail-back"});
  CHECK_THAT(plan.steps[7].command, Catch::Contains("ibmcloud ce subscription cron create --name nightly-cron"));
  CHECK_THAT(plan.steps[4].command,
             Catch::Contains("ibmcloud ce subscription cron delete --name nightly-cron --force --ignore-not-found"));
  CHECK(plan.steps[4].when_region_answers);
  CHECK(plan.unsafe.empty());
}

TEST_CASE("a zone of the idle standby touches nothing that serves") {
  const auto plan = plan_for(warm_standby, ceplan::ScenarioKind::zone, "ca-tor-1");
  CHECK(plan.degraded == Lines{"ca-tor"});
  CHECK(plan.apps[0].status == AppStatus::unaffected);
  CHECK(plan.apps[0].serving_regions == Lines{"us-south"});
}

TEST_CASE("under pilot-light apps default to the primary: losing it means a restore, not a failover") {
  const std::string pilot = R"(version: 1
project: p
regions:
  - { id: us-south, role: primary }
  - { id: ca-tor, role: standby }
failover: { strategy: pilot-light, edge_proxy: { domain: x.example.com } }
apps:
  - { name: web, image: icr.io/a/w:1, min_scale: 1 }
)";
  const auto deployment = ceplan::load_deployment(pilot, "d.yaml");
  CHECK(deployment.apps[0].regions.size() == 1);
  const auto plan = plan_for(pilot, ceplan::ScenarioKind::region, "us-south");
  CHECK(plan.apps[0].status == AppStatus::down);
  CHECK_FALSE(plan.apps[0].failover);
  CHECK(plan_for(pilot, ceplan::ScenarioKind::region, "ca-tor").apps[0].status == AppStatus::unaffected);
}

TEST_CASE("an app whose only data store has no surviving copy is down") {
  const std::string text = warm_standby + "data:\n  - { name: ledger, region: us-south }\n";
  const auto plan = plan_for(text, ceplan::ScenarioKind::region, "us-south");
  CHECK(plan.apps[0].status == AppStatus::down);
  CHECK(plan.apps[0].data->lost == Lines{"ledger"});
  const auto copied = plan_for(warm_standby + "data:\n  - { name: ledger, region: us-south, replica_in: ca-tor }\n",
                               ceplan::ScenarioKind::region, "us-south");
  CHECK(copied.apps[0].status == AppStatus::fails_over);
  REQUIRE(copied.apps[0].failover);
  CHECK(copied.apps[0].failover->data == 600);
  CHECK(copied.apps[0].failover->decision == 900);
  CHECK(copied.apps[0].failover->total() == 25 + 600 + 900);
}

TEST_CASE("a geography stops and fails back the schedules of every lost region") {
  const std::string text = R"(version: 1
project: p
regions: [jp-tok, jp-osa, eu-de]
failover: { edge_proxy: { domain: p.example.com } }
apps:
  - { name: web, image: icr.io/p/web:1, min_scale: 1 }
jobs:
  - { name: report, image: icr.io/p/r:1, schedule: "0 1 * * *", scheduled_in: [jp-osa] }
  - { name: sweep, image: icr.io/p/s:1, schedule: "0 2 * * *", scheduled_in: [jp-tok] }
)";
  const auto plan = plan_for(text, ceplan::ScenarioKind::geography, "Asia Pacific");
  Lines ids;
  for (const auto& step : plan.steps) ids.push_back(step.id);
  CHECK(ids == Lines{"confirm-outage", "decide", "fence-traffic", "stop-schedules-jp-tok", "stop-schedules-jp-osa",
                     "check-failover-web", "cron-report", "reconcile-report", "cron-sweep", "reconcile-sweep",
                     "fail-back-jp-tok", "fail-back-jp-osa"});
  // Each region deletes its own schedule, not the first region's.
  const auto& osa = plan.steps[4];
  CHECK_THAT(osa.command, Catch::Contains("ibmcloud target -r jp-osa"));
  CHECK_THAT(osa.command, Catch::Contains("--name report-cron"));
  CHECK(osa.command.find("sweep-cron") == std::string::npos);
  CHECK(plan.unsafe.empty());
}

TEST_CASE("losing the region of the registry degrades apps and jobs that pull from it, wherever they run") {
  const auto plan = plan_for(warm_standby, ceplan::ScenarioKind::region, "us-east");
  CHECK(plan.lost.empty());
  CHECK(plan.lost_registries == Lines{"icr.io (us-east)"});
  CHECK(plan.apps[0].status == AppStatus::degraded);
  CHECK(plan.apps[0].routing == AppStatus::unaffected);
  CHECK(plan.apps[0].lost_registry == "icr.io");
  CHECK(plan.jobs[0].status == JobStatus::degraded);
  Lines ids;
  for (const auto& step : plan.steps) ids.push_back(step.id);
  CHECK(ids == Lines{"confirm-outage", "freeze-deploys", "copy-images"});
  CHECK(plan.steps[0].title == "Confirm the outage of us-east on the IBM Cloud status page");
  CHECK_THAT(plan.steps[1].title, Catch::StartsWith("Freeze deploys, restarts and scale changes of app api, job "
                                                    "nightly, job adhoc: icr.io (us-east) cannot be reached"));
  CHECK_THAT(plan.steps[2].title, Catch::Contains("such as us.icr.io for us-south, ca.icr.io for ca-tor, by"));
  CHECK(plan.unsafe.empty());
}

TEST_CASE("a registry in a surviving region, or none of IBM's, is no dependency of the scenario") {
  std::string text = warm_standby;
  text.replace(text.find("icr.io/a/api:1"), 14, "us.icr.io/a/api:1");
  const auto plan = plan_for(text, ceplan::ScenarioKind::region, "us-east");
  CHECK(plan.apps[0].status == AppStatus::unaffected);
  CHECK(plan.apps[0].lost_registry.empty());
  CHECK(plan.jobs[0].status == JobStatus::degraded);  // nightly still pulls from icr.io
  const auto quay = plan_for(R"(version: 1
project: p
regions: [us-south]
apps:
  - { name: a, image: quay.io/p/a:1 }
)",
                             ceplan::ScenarioKind::region, "us-east");
  CHECK(quay.lost_registries.empty());
  REQUIRE(quay.steps.size() == 1);
  CHECK(quay.steps[0].id == "confirm-unaffected");
}

TEST_CASE("a registry in a region without Code Engine fails with that region and its geography") {
  const std::string text = R"(version: 1
project: p
regions: [ca-tor, eu-de]
apps:
  - { name: a, image: ca2.icr.io/p/a:1 }
)";
  CHECK(plan_for(text, ceplan::ScenarioKind::region, "ca-mon").apps[0].status == AppStatus::degraded);
  const auto america = plan_for(text, ceplan::ScenarioKind::geography, "North America");
  CHECK(america.lost == Lines{"ca-tor"});
  CHECK(america.lost_registries == Lines{"ca2.icr.io (ca-mon)"});
  CHECK(america.apps[0].status == AppStatus::degraded);
  CHECK(america.apps[0].routing == AppStatus::manual_failover);
  CHECK(plan_for(text, ceplan::ScenarioKind::geography, "Europe").apps[0].lost_registry.empty());
}

TEST_CASE("an app that must restart to reach its moved data, but cannot pull its image, is down") {
  const std::string text = R"(version: 1
project: p
regions: [us-south, eu-de]
failover: { strategy: active-active, edge_proxy: { proxied: true } }
apps:
  - { name: a, image: icr.io/p/a:1, secrets: [db] }
  - { name: b, image: icr.io/p/b:1 }
secrets:
  - { name: db, source: secrets-manager }
data:
  - { name: main, region: us-south, replica_in: eu-de, secret: db }
)";
  const auto plan = plan_for(text, ceplan::ScenarioKind::geography, "North America");
  CHECK(plan.apps[0].status == AppStatus::down);
  CHECK_FALSE(plan.apps[0].failover);
  CHECK(plan.apps[1].status == AppStatus::degraded);
  CHECK(plan.apps[1].failover);
  const auto connect = std::find_if(plan.steps.begin(), plan.steps.end(),
                                    [](const ceplan::Step& step) { return step.id == "connect-main"; });
  REQUIRE(connect != plan.steps.end());
  CHECK_THAT(connect->title, Catch::Contains("app a in eu-de cannot restart, so keeps the old settings, until its "
                                             "image is in a registry that survives: should the old copy answer "
                                             "again, it would write there, so keep it from serving until then"));
  CHECK_THAT(connect->command, !Catch::Contains("application update"));
  CHECK(plan.unsafe.empty());
}

TEST_CASE("a plan says what each region that takes over runs at max scale, against the project's caps") {
  const std::string text = R"(version: 1
project: p
regions: [us-south, eu-de]
failover: { strategy: active-active, edge_proxy: { proxied: true } }
apps:
  - { name: a, image: us.icr.io/p/a:1, max_scale: 100, regions: { us-south: { image: us.icr.io/p/a:1 }, eu-de: { image: de.icr.io/p/a:1 } } }
)";
  const auto plan = plan_for(text, ceplan::ScenarioKind::region, "us-south");
  REQUIRE(plan.capacity.size() == 1);
  CHECK(plan.capacity[0].region == "eu-de");
  CHECK(plan.capacity[0].instances == 200);
  CHECK(plan.capacity[0].over());  // 200 vCPU of 128
  CHECK(plan_for(text, ceplan::ScenarioKind::region, "us-east").capacity.empty());
}

TEST_CASE("an app whose store loses its replica still serves, with its redundancy lost") {
  // The replica lives in a region the project does not run in: only the copy is lost.
  const std::string text = warm_standby + "data:\n  - { name: ledger, region: us-south, replica_in: eu-de }\n";
  const auto plan = plan_for(text, ceplan::ScenarioKind::region, "eu-de");
  CHECK(plan.apps[0].status == AppStatus::unaffected);
  CHECK(plan.apps[0].redundancy_lost);
  CHECK(plan.apps[0].data->copy_lost == Lines{"ledger"});
  CHECK_FALSE(plan_for(text, ceplan::ScenarioKind::region, "jp-tok").apps[0].redundancy_lost);
}

TEST_CASE("a data store in a region the project does not run in fails with that region") {
  const std::string text = warm_standby + "data:\n  - { name: ledger, region: eu-gb, replica_in: ca-tor }\n";
  const auto plan = plan_for(text, ceplan::ScenarioKind::region, "eu-gb");
  CHECK(plan.lost.empty());
  CHECK(plan.data->promoted == Lines{"ledger"});
  CHECK(plan.apps[0].status == AppStatus::fails_over);
  REQUIRE(plan.apps[0].failover);
  CHECK(plan.apps[0].failover->data == 600);
  Lines ids;
  for (const auto& step : plan.steps) ids.push_back(step.id);
  CHECK(ids == Lines{"confirm-outage", "decide", "data-ledger"});  // no traffic moves
  CHECK(plan.steps[0].title == "Confirm the outage of eu-gb on the IBM Cloud status page");
  const auto lost =
      plan_for(warm_standby + "data:\n  - { name: ledger, region: eu-gb }\n", ceplan::ScenarioKind::region, "eu-gb");
  CHECK(lost.apps[0].status == AppStatus::down);
}

TEST_CASE("fencing a lost region that holds the fallback pool makes a surviving pool the fallback") {
  std::string text = warm_standby;
  text.replace(text.find("    proxied: true\n"), 18, "    proxied: true\n    fallback: us-south\n");
  const auto plan = plan_for(text, ceplan::ScenarioKind::region, "us-south");
  const auto fence = std::find_if(plan.steps.begin(), plan.steps.end(),
                                  [](const ceplan::Step& step) { return step.id == "fence-traffic"; });
  REQUIRE(fence != plan.steps.end());
  CHECK_THAT(fence->title, Catch::Contains("; make the pool of ca-tor the fallback pool, which CIS uses when every "
                                           "other pool is unhealthy, whatever its health (the API replaces the whole "
                                           "load balancer: read it with ibmcloud cis glb DNS_DOMAIN_ID GLB_ID -i "
                                           "CIS_INSTANCE --output json"));
  const auto other = plan_for(warm_standby, ceplan::ScenarioKind::region, "us-south");
  const auto plain = std::find_if(other.steps.begin(), other.steps.end(),
                                  [](const ceplan::Step& step) { return step.id == "fence-traffic"; });
  REQUIRE(plain != other.steps.end());
  CHECK_THAT(plain->title, !Catch::Contains("fallback"));
}

TEST_CASE("a workload whose secret comes from a lost Secrets Manager and is not where it takes over stays down") {
  const std::string text = ceplan::test::backup_restore_head + R"(apps:
  - { name: a, image: de.icr.io/p/a:1, secrets: [db] }
  - { name: b, image: de.icr.io/p/b:1 }
secrets:
  - { name: db, source: secrets-manager, source_region: us-south }
)";
  const auto plan = plan_for(text, ceplan::ScenarioKind::region, "us-south");
  CHECK(plan.apps[0].lost_secret == "db (Secrets Manager in us-south)");
  CHECK(plan.apps[1].lost_secret.empty());
  Lines ids;
  for (const auto& step : plan.steps) ids.push_back(step.id);
  CHECK(std::find(ids.begin(), ids.end(), "secret-sources") != ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "app-a") == ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "app-b") != ids.end());
  CHECK(plan.unsafe.empty());
  // With the instance elsewhere, the secret is re-created as usual.
  std::string elsewhere = text;
  elsewhere.replace(elsewhere.find("source_region: us-south"), 23, "source_region: eu-gb");
  CHECK(plan_for(elsewhere, ceplan::ScenarioKind::region, "us-south").apps[0].lost_secret.empty());
}

TEST_CASE("a plan counts the app revisions its steps create in each region") {
  std::string text = warm_standby +
                     "secrets:\n  - { name: db }\ndata:\n  - { name: ledger, region: us-south, "
                     "replica_in: ca-tor, secret: db }\n";
  text.replace(text.find("min_scale: 1 }"), 14, "min_scale: 1, secrets: [db] }");
  const auto plan = plan_for(text, ceplan::ScenarioKind::region, "us-south");
  REQUIRE(plan.revisions.size() == 1);
  CHECK(plan.revisions[0].first == "ca-tor");
  CHECK(plan.revisions[0].second == 1);  // api restarts to read the promoted ledger
  CHECK(plan_for(warm_standby, ceplan::ScenarioKind::region, "eu-de").revisions.empty());
}
