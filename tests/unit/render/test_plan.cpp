#include <algorithm>
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "catalog/embedded_catalog.hpp"
#include "model/deploy_loader.hpp"
#include "render/plan.hpp"

using Catch::Detail::Approx;

namespace {

const std::string file = R"(version: 1
project: "my shop: ü"
regions:
  - { id: us-south, role: primary }
  - { id: ca-tor, role: standby }
failover:
  strategy: warm-standby
  edge_proxy: { domain: x.example.com, health_check: { interval: 15s, retries: 1, timeout: 5s } }
apps:
  - { name: web-1, image: icr.io/a/w:1, min_scale: 1 }
)";

}  // namespace

TEST_CASE("plan JSON follows docs/planner.md") {
  const auto catalog = ceplan::embedded_catalog();
  const auto d = ceplan::load_deployment(file, "d.yaml");
  const std::vector<ceplan::ScenarioPlan> plans{ceplan::plan(d, catalog, {ceplan::ScenarioKind::region, "us-south"})};
  const auto list = nlohmann::json::parse(ceplan::render::plans(d, catalog, plans, ceplan::render::PlanFormat::json));
  // One shape whatever --scenario selects: a list, here of one plan.
  REQUIRE(list.is_array());
  REQUIRE(list.size() == 1);
  const auto& json = list[0];
  CHECK(json["scenario"] == nlohmann::json{{"kind", "region"}, {"target", "us-south"}});
  const auto& app = json["apps"][0];
  CHECK(app["status"] == "fails-over");
  CHECK(app["failover_seconds"] == 25);
  CHECK(app["failover_terms"] ==
        nlohmann::json{{"detection", 25}, {"propagation", 0}, {"warmup", 0}, {"data", 0}, {"human", 0}});
  CHECK(app["serving_regions"] == nlohmann::json{"ca-tor"});
  CHECK(app["availability"].get<double>() == Approx(99.999 * (1 - 1e-8)));
  CHECK(app["downtime_minutes_per_month"].get<double>() > 0);
  for (const char* key : {"id", "phase", "title", "command", "verify", "objective"}) {
    CHECK(json["steps"][0].contains(key));
  }
}

TEST_CASE("Markdown plans carry a Mermaid diagram and checklists") {
  const auto catalog = ceplan::embedded_catalog();
  const auto d = ceplan::load_deployment(file, "d.yaml");
  const std::vector<ceplan::ScenarioPlan> plans{ceplan::plan(d, catalog, {ceplan::ScenarioKind::region, "us-south"})};
  const std::string markdown = ceplan::render::plans(d, catalog, plans, ceplan::render::PlanFormat::markdown);
  CHECK_THAT(markdown, Catch::Contains("- [ ] **confirm-outage**"));
  CHECK_THAT(markdown, Catch::Contains("```mermaid"));
}

TEST_CASE("runbook Markdown is a checklist with commands in shell blocks") {
  const auto d = ceplan::load_deployment(file, "d.yaml");
  const auto runbook = ceplan::restore_runbook(d, ceplan::embedded_catalog(), "eu-gb");
  const std::string markdown = ceplan::render::runbook(runbook, ceplan::render::PlanFormat::markdown);
  CHECK_THAT(markdown, Catch::Contains("| project | from | to | objectives | estimate |"));
  CHECK_THAT(markdown, Catch::Contains("- [ ] **create-project** — Create project my shop: ü in eu-gb (set "
                                       "RESOURCE\\_GROUP to its resource group first); the region holds at most 20 "
                                       "projects, those deleted in the last 7 days included\n  ```sh\n"));
  CHECK_THAT(markdown, Catch::Contains("  ibmcloud ce project create --name 'my shop: ü' &&\n"));
  const auto json = nlohmann::json::parse(ceplan::render::runbook(runbook, ceplan::render::PlanFormat::json));
  CHECK(json["from"] == "us-south");
  CHECK(json["to"] == "eu-gb");
  CHECK(json["project"] == "my shop: ü");
  // Each step's commands one per element as well as chained: joined with " && " they are the chain.
  for (const auto& step : json["steps"]) {
    std::string joined;
    for (const auto& command : step["commands"]) joined += (joined.empty() ? "" : " &&\n") + command.get<std::string>();
    CHECK(joined == step["command"].get<std::string>());
  }
  const auto create = std::find_if(json["steps"].begin(), json["steps"].end(),
                                   [](const auto& step) { return step["id"] == "create-project"; });
  REQUIRE(create != json["steps"].end());
  CHECK((*create)["commands"].size() > 1);
}

TEST_CASE("a runbook's Markdown keeps its table and fences whatever the names hold") {
  auto d = ceplan::load_deployment(file, "d.yaml");
  d.project = "a|b`c <script>x</script> [l](https://evil.example) ```";
  const auto runbook = ceplan::restore_runbook(d, ceplan::embedded_catalog(), "eu-gb");
  const std::string markdown = ceplan::render::runbook(runbook, ceplan::render::PlanFormat::markdown);
  CHECK_THAT(markdown, Catch::Contains("| a\\|b\\`c \\<script>x\\</script> \\[l\\](https://evil.example) \\`\\`\\` | "
                                       "us-south | eu-gb |"));
  // The commands' fence is longer than the backticks in the project name.
  CHECK_THAT(markdown, Catch::Contains("  ````sh\n  ibmcloud target -r eu-gb -g"));
  CHECK_THAT(markdown, Catch::Contains("  ibmcloud ce project create --name 'a|b`c"));
  d.project = "shop\u202egnp";
  CHECK_THAT(ceplan::render::runbook(ceplan::restore_runbook(d, ceplan::embedded_catalog(), "eu-gb"),
                                     ceplan::render::PlanFormat::text),
             Catch::Contains("project shop\\u202egnp from us-south"));
}
