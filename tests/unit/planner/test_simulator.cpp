// The simulator bites on each invariant of SPEC §8, and the seven defects that led to the world
// state stay fixed: each procedure below is replayed and must come out clean.
#include <catch2/catch.hpp>

#include <algorithm>

#include "model/deploy_loader.hpp"
#include "planner/failback.hpp"
#include "planner/procedure.hpp"
#include "planner/runbook.hpp"
#include "planner/scenario.hpp"
#include "planner/simulator.hpp"
#include "rules/check.hpp"
#include "test_util.hpp"

using ceplan::act;
using ceplan::Step;
using K = ceplan::ActionKind;
using Lines = std::vector<std::string>;

namespace {

const std::string warm = R"(version: 1
project: pay
regions:
  - { id: eu-de, role: primary }
  - { id: eu-gb, role: standby }
failover: { strategy: warm-standby, edge_proxy: { domain: pay.example.com } }
apps:
  - { name: api, image: de.icr.io/pay/api:1, secrets: [db],
      regions: { eu-de: { min_scale: 4, max_scale: 40 }, eu-gb: { image: uk.icr.io/pay/api:1, min_scale: 1, max_scale: 5 } } }
jobs:
  - { name: settle, image: de.icr.io/pay/settle:1, schedule: "0 2 * * *", idempotent: false,
      regions: { eu-de: {}, eu-gb: { image: uk.icr.io/pay/settle:1 } } }
secrets:
  - { name: db }
data:
  - { name: ledger, region: eu-de, replica_in: eu-gb, secret: db }
)";

ceplan::Deployment load(const std::string& text) {
  return ceplan::load_deployment(text, "d.yaml");
}

const ceplan::Catalog& catalog() {
  return ceplan::test::shared_catalog();
}

Step step_of(std::vector<ceplan::Action> actions, bool when_answers = false) {
  Step step;
  step.id = "s";
  step.actions = std::move(actions);
  step.when_region_answers = when_answers;
  return step;
}

// Every violation of a procedure: its steps' and its end state's.
Lines violations(const std::vector<Step>& steps, const Lines& end) {
  Lines out;
  for (const Step& step : steps) out.insert(out.end(), step.violations.begin(), step.violations.end());
  out.insert(out.end(), end.begin(), end.end());
  return out;
}

const Step* find(const std::vector<Step>& steps, const std::string& id) {
  const auto it = std::find_if(steps.begin(), steps.end(), [&](const Step& s) { return s.id == id; });
  return it == steps.end() ? nullptr : &*it;
}

bool starts(const std::string& text, const std::string& prefix) {
  return text.rfind(prefix, 0) == 0;
}

}  // namespace

TEST_CASE("the simulator finds a command in a lost region, a missing app and a schedule live twice") {
  const auto d = load(warm);
  ceplan::WorldState start = ceplan::initial_state(d);
  ceplan::lose(start, {"eu-de"});
  std::vector<Step> steps{
      step_of({act(K::restart_app, "eu-de", "api")}), step_of({act(K::delete_cron, "eu-de", "settle")}, true),
      step_of({act(K::scale_app, "ca-tor", "api")}),
      step_of({act(K::create_cron, "eu-gb", "settle"), act(K::create_cron, "eu-de", "settle")}, true)};
  (void)ceplan::simulate(d, catalog(), start, steps, {});
  CHECK(steps[0].violations == Lines{"invariant 1 (reachable): a command targets eu-de, which is lost"});
  CHECK(steps[1].violations.empty());  // fencing as soon as the region answers
  CHECK(steps[2].violations == Lines{"invariant 2 (preconditions): project pay does not exist in ca-tor"});
  CHECK(steps[3].violations.empty());  // eu-de is unreachable: the job is live once
  ceplan::WorldState healthy = ceplan::initial_state(d);
  std::vector<Step> twice{step_of({act(K::create_cron, "eu-gb", "settle")})};
  (void)ceplan::simulate(d, catalog(), healthy, twice, {});
  CHECK(twice[0].violations ==
        Lines{"invariant 3 (schedules): job settle is not idempotent and its schedule is live in eu-de and eu-gb"});
}

TEST_CASE("the simulator finds traffic before data, a self-inflicted outage and readers of the old store") {
  const auto d = load(warm);
  ceplan::WorldState start = ceplan::initial_state(d);
  ceplan::lose(start, {"eu-de"});
  std::vector<Step> steps{step_of({act(K::promote_replica, "eu-gb", "ledger")}),
                          step_of({act(K::enable_pool, "eu-gb")})};
  const Lines end = ceplan::simulate(d, catalog(), start, steps, {});
  CHECK(steps[1].violations ==
        Lines{"invariant 4 (traffic): traffic enabled to eu-gb before app api there reads data store ledger's "
              "writable copy"});
  CHECK(std::find(end.begin(), end.end(),
                  "invariant 5 (data): app api in eu-gb still reads data store ledger's old location (update secret db "
                  "there, then restart the app)") != end.end());
  ceplan::WorldState healthy = ceplan::initial_state(d);
  std::vector<Step> outage{step_of({act(K::disable_pool, "eu-de"), act(K::disable_pool, "eu-gb")})};
  (void)ceplan::simulate(d, catalog(), healthy, outage, {});
  CHECK(std::find(outage[0].violations.begin(), outage[0].violations.end(),
                  "invariant 4 (no self-inflicted outage): no origin pool is enabled while eu-de could serve") !=
        outage[0].violations.end());
}

TEST_CASE("the simulator finds a takeover below the lost region's scale and an unfinished restore") {
  const auto d = load(warm);
  ceplan::WorldState start = ceplan::initial_state(d);
  ceplan::lose(start, {"eu-de"});
  std::vector<Step> none;
  const Lines plan_end = ceplan::simulate(d, catalog(), start, none, {});
  CHECK(std::find(plan_end.begin(), plan_end.end(),
                  "invariant 6 (scale): app api in eu-gb runs at min scale 1, max 5, below eu-de's min scale 4, "
                  "max 40") != plan_end.end());
  ceplan::Goal goal;
  goal.kind = ceplan::Goal::Kind::runbook;
  goal.restore_to = "ca-tor";
  const Lines end = ceplan::simulate(d, catalog(), start, none, goal);
  CHECK(std::find(end.begin(), end.end(), "invariant 7 (goal): project pay is not re-created in ca-tor") != end.end());
  // A runbook's takeover is the region it restores into: eu-gb keeps its own share.
  CHECK(std::none_of(end.begin(), end.end(), [](const std::string& v) { return v.rfind("invariant 6", 0) == 0; }));
}

TEST_CASE("defect 1: a pilot-light standby's own image is a template, not a placement") {
  const std::string pilot = R"(version: 1
project: portal
regions:
  - { id: us-south, role: primary }
  - { id: ca-tor, role: standby }
failover: { strategy: pilot-light, edge_proxy: { domain: portal.example.com } }
apps:
  - { name: web, image: us.icr.io/portal/web:4.2, min_scale: 1,
      regions: { us-south: {}, ca-tor: { image: ca.icr.io/portal/web:4.2 } } }
)";
  const auto d = load(pilot);
  const auto plan = ceplan::plan(d, catalog(), {ceplan::ScenarioKind::region, "us-south"});
  CHECK(plan.apps[0].status == ceplan::AppStatus::down);
  const Step* create = find(plan.steps, "app-web");
  REQUIRE(create != nullptr);
  CHECK_THAT(create->command, Catch::Contains("application create --name web --image ca.icr.io/portal/web:4.2"));
  CHECK(violations(plan.steps, plan.unsafe).empty());
  for (const ceplan::Finding& finding : ceplan::check(d, catalog()))
    CHECK(finding.rule->id != std::string_view("CE201"));  // one placement: no edge proxy is missing
}

TEST_CASE("defect 2: a warm standby takes over at the scale of the primary's region, not the app's default") {
  const auto d = load(warm);
  const auto runbook = ceplan::restore_runbook(d, catalog(), "eu-gb");
  const Step* scale = find(runbook.steps, "app-api");
  REQUIRE(scale != nullptr);
  CHECK_THAT(scale->command, Catch::EndsWith("ibmcloud ce application update --name api --min-scale 4 --max-scale 40"));
  CHECK(violations(runbook.steps, runbook.unsafe).empty());
  const auto plan = ceplan::plan(d, catalog(), {ceplan::ScenarioKind::region, "eu-de"});
  const Step* up = find(plan.steps, "app-api");
  REQUIRE(up != nullptr);
  CHECK_THAT(up->command, Catch::EndsWith("--min-scale 4 --max-scale 40"));
  CHECK(violations(plan.steps, plan.unsafe).empty());
}

TEST_CASE("defect 3: a geography that takes the replica restores the backup instead of promoting it") {
  const std::string tokyo = R"(version: 1
project: shop
regions: [jp-tok, jp-osa, eu-de]
failover: { edge_proxy: { domain: shop.example.com } }
apps:
  - { name: web, image: de.icr.io/shop/web:1, secrets: [db] }
secrets:
  - { name: db }
data:
  - { name: orders, region: jp-tok, replica_in: jp-osa, backup_in: eu-de, secret: db }
)";
  const auto d = load(tokyo);
  const auto plan = ceplan::plan(d, catalog(), {ceplan::ScenarioKind::geography, "Asia Pacific"});
  const Step* data = find(plan.steps, "data-orders");
  REQUIRE(data != nullptr);
  CHECK(data->title == "Restore data store orders into eu-de from its backup copy in eu-de");
  for (const Step& step : plan.steps) CHECK(step.title.find("Promote") == std::string::npos);
  CHECK(violations(plan.steps, plan.unsafe).empty());
}

TEST_CASE("defect 4: fail-back enables the returning pool first, moves the schedule once and re-seeds the data") {
  const auto d = load(warm);
  const auto back = ceplan::failback(d, catalog(), {ceplan::ScenarioKind::region, "eu-de"});
  // Service moves back from the region that carried it, to the one that returns.
  CHECK(back.from == "eu-gb");
  CHECK(back.to == "eu-de");
  Lines ids;
  for (const Step& step : back.steps) ids.push_back(step.id);
  CHECK(ids == Lines{"stop-duplicate-schedules-eu-de", "confirm-recovery", "decide", "reseed-ledger", "freeze-ledger",
                     "switch-ledger", "connect-ledger", "thaw-ledger", "check-eu-de", "enable-pool-eu-de",
                     "move-schedule-settle", "scale-back-api-eu-gb", "replica-ledger", "verify-domain",
                     "verify-app-api-eu-de", "retire-ledger"});
  CHECK(violations(back.steps, back.unsafe).empty());
  // The returning region's old schedules go first, as soon as it answers, with a look for a run.
  REQUIRE(back.steps.front().actions.size() == 2);
  CHECK(back.steps.front().when_region_answers);
  CHECK(back.steps.front().actions[0].kind == K::delete_cron);
  CHECK(back.steps.front().actions[1].kind == K::list_jobruns);
  // The schedule stops with the write freeze, in the region that ran it during the outage, and no
  // run may still be in progress; it goes live where it belongs only once the readers use the
  // switched copy. The instance that served during the outage is retired last.
  const Step* freeze = find(back.steps, "freeze-ledger");
  REQUIRE(freeze != nullptr);
  // First the apps' maintenance switch, by hand: no command throws it.
  REQUIRE(freeze->actions.size() == 3);
  CHECK(freeze->actions[0].kind == K::note);
  CHECK(freeze->actions[1].kind == K::delete_cron);
  CHECK(freeze->actions[1].region == "eu-gb");
  CHECK(freeze->actions[2].kind == K::list_jobruns);
  const Step* move = find(back.steps, "move-schedule-settle");
  REQUIRE(move != nullptr);
  REQUIRE(move->actions.size() == 1);
  CHECK(move->actions[0].kind == K::create_cron);
  CHECK(move->actions[0].region == "eu-de");
}

TEST_CASE("defect 5: a recovered store's readers are repointed in every region that serves, not only the target") {
  const std::string three = R"(version: 1
project: shop
regions: [us-south, eu-de, jp-tok]
failover: { edge_proxy: { domain: shop.example.com } }
apps:
  - { name: web, image: de.icr.io/shop/web:1, secrets: [db] }
secrets:
  - { name: db }
data:
  - { name: orders, region: us-south, replica_in: eu-de, secret: db }
)";
  const auto d = load(three);
  const auto runbook = ceplan::restore_runbook(d, catalog(), "ca-tor", "us-south");
  const Step* connect = find(runbook.steps, "connect-orders");
  REQUIRE(connect != nullptr);
  CHECK_THAT(connect->command, Catch::Contains("ibmcloud target -r eu-de &&"));
  CHECK_THAT(connect->command, Catch::Contains("ibmcloud target -r jp-tok &&"));
  CHECK(violations(runbook.steps, runbook.unsafe).empty());
}

TEST_CASE("defect 6: a pilot-light plan restores the data once and targets every command's region") {
  const std::string pilot = R"(version: 1
project: intake
regions:
  - { id: us-south, role: primary }
  - { id: ca-tor, role: standby }
failover: { strategy: pilot-light, edge_proxy: { domain: intake.example.com } }
apps:
  - { name: api, image: ca.icr.io/intake/api:2, min_scale: 1, secrets: [queue] }
secrets:
  - { name: queue }
data:
  - { name: q, region: us-south, backup_in: ca-tor, secret: queue }
)";
  const auto d = load(pilot);
  const auto plan = ceplan::plan(d, catalog(), {ceplan::ScenarioKind::region, "us-south"});
  std::size_t data_steps = 0;
  for (const Step& step : plan.steps) {
    data_steps += starts(step.id, "data-") ? 1 : 0;
    CHECK(step.command.find("ceplan runbook") == std::string::npos);
    if (step.command.find("secret update") != std::string::npos)
      CHECK(starts(step.command, "ibmcloud target -r ca-tor &&\nibmcloud ce project select --name intake &&\n"));
  }
  CHECK(data_steps == 1);
  CHECK(violations(plan.steps, plan.unsafe).empty());
}

TEST_CASE("defect 7: a job whose store has no surviving copy is down, and its schedule is paused") {
  const std::string text = R"(version: 1
project: batch
regions: [us-south, eu-de]
failover: { edge_proxy: { domain: batch.example.com } }
apps:
  - { name: web, image: de.icr.io/b/web:1, data: [] }
jobs:
  - { name: nightly, image: de.icr.io/b/n:1, schedule: "0 1 * * *", scheduled_in: [eu-de], data: [logs] }
data:
  - { name: logs, region: us-south }
)";
  const auto d = load(text);
  const auto plan = ceplan::plan(d, catalog(), {ceplan::ScenarioKind::region, "us-south"});
  CHECK(plan.jobs[0].status == ceplan::JobStatus::down);
  const Step* pause = find(plan.steps, "pause-nightly-eu-de");
  REQUIRE(pause != nullptr);
  CHECK_THAT(pause->command,
             Catch::EndsWith("subscription cron delete --name nightly-cron --force --ignore-not-found"));
  CHECK(violations(plan.steps, plan.unsafe).empty());
}

TEST_CASE("stores recovered together are repointed in one step: each secret updated and each app restarted once") {
  const std::string text = R"(version: 1
project: shop
regions: [us-south, eu-de]
failover: { edge_proxy: { domain: shop.example.com } }
apps:
  - { name: web, image: de.icr.io/shop/web:1, secrets: [db] }
  - { name: api, image: de.icr.io/shop/api:1, secrets: [db, cache] }
secrets:
  - { name: db, source: file }
  - { name: cache, source: manual }
data:
  - { name: orders, region: us-south, replica_in: eu-de, secret: db }
  - { name: carts, region: us-south, replica_in: eu-de, secret: db }
  - { name: sessions, region: us-south, replica_in: eu-de, secret: cache }
)";
  const auto d = load(text);
  const auto plan = ceplan::plan(d, catalog(), {ceplan::ScenarioKind::region, "us-south"});
  const Step* connect = find(plan.steps, "connect-data");
  REQUIRE(connect != nullptr);
  CHECK(connect->command ==
        "ibmcloud target -r eu-de &&\nibmcloud ce project select --name shop &&\n"
        "ibmcloud ce secret update --name db --from-env-file db.env &&\nrm -f db.env &&\n"
        "ibmcloud ce secret update --name cache --from-env-file cache.env &&\nrm -f cache.env &&\n"
        "ibmcloud ce application update --name api &&\nibmcloud ce application update --name web");
  CHECK(violations(plan.steps, plan.unsafe).empty());
}
