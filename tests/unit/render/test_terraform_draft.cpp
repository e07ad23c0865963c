// The draft `ceplan import terraform` writes: a deploy file that loads, with TODO lines for what
// Terraform cannot say, and never a sensitive value.
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "model/deploy_loader.hpp"
#include "render/terraform_draft.hpp"
#include "rules/check.hpp"
#include "test_util.hpp"

namespace {

std::string draft_of(const std::string& name, const std::string& region = {}) {
  std::ifstream in("terraform/" + name);  // the tests run in tests/data
  std::stringstream text;
  text << in.rdbuf();
  return ceplan::render::terraform_draft(ceplan::terraform::read(text.str(), name, {region, "--region", {}}));
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("a plan's draft loads as a deploy file and keeps what differs per region") {
  const std::string draft = draft_of("plan.json");
  const auto deployment = ceplan::load_deployment(draft, "draft.yaml");
  REQUIRE(deployment.apps.size() == 2);
  CHECK(deployment.apps[0].image_in("eu-de").name == "de.icr.io/shop/frontend:1.4");
  CHECK(deployment.apps[0].max_scale->value == 10);
  CHECK(deployment.apps[1].min_scale_in("eu-de").value == 0);
  CHECK(deployment.failover.strategy == ceplan::Strategy::warm_standby);
  CHECK(deployment.regions[0].role == ceplan::Role::primary);
  CHECK(deployment.failover.edge_proxy->health_check.interval.value == 30);
  CHECK(deployment.secret("icr-pull")->format == "registry");
  CHECK(has(draft, "# TODO objectives:"));
  CHECK(has(draft, "role guessed from the load balancer's pool order"));
  CHECK(has(draft, "# TODO image here: unknown until apply"));
  CHECK(has(draft,
            "# TODO referenced by module.app[\"frontend\"].ibm_code_engine_app.this, but no Terraform "
            "resource defines it"));
  CHECK(has(draft, "# TODO data store shop-backups (ibm_cos_bucket.backups) is a cross-region bucket (eu)"));
  CHECK_NOTHROW(ceplan::validate(draft, "draft.yaml", ceplan::test::shared_catalog()));
}

TEST_CASE("a state's draft marks the tainted project and leaves the sensitive image out") {
  const std::string draft = draft_of("state.json");
  CHECK(has(draft, "  - eu-gb  # ibm_code_engine_project.standby (tainted)"));
  CHECK(has(draft, "      eu-gb: { min_scale: 0 }  # TODO image here: Terraform marks it sensitive"));
  CHECK(has(draft, "  strategy: active-active"));
  CHECK(has(draft, "    proxied: false\n    ttl: 120s\n    steering: random\n"));
  CHECK_NOTHROW(ceplan::load_deployment(draft, "draft.yaml"));
}

TEST_CASE("no sensitive value, secret data or literal value reaches a draft") {
  for (const char* name : {"plan.json", "state.json"}) {
    const std::string draft = draft_of(name);
    CHECK_FALSE(has(draft, "do-not-copy"));
    CHECK_FALSE(has(draft, "hunter2"));
  }
}

TEST_CASE("names Terraform gives are quoted when YAML would read them otherwise") {
  ceplan::terraform::Inventory inventory;
  inventory.source = "p.json";
  ceplan::terraform::Project project;
  project.address = "ibm_code_engine_project.p";
  project.region = "us-south";
  project.name = {"yes: no # x\n", ceplan::terraform::Known::value};
  inventory.projects.push_back(project);
  ceplan::terraform::Workload app;
  app.address = "ibm_code_engine_app.a";
  app.region = "us-south\n  evil: [";
  app.name = {"a", ceplan::terraform::Known::value};
  app.image = {"icr.io/a/a:1 # not a comment", ceplan::terraform::Known::value};
  inventory.workloads.push_back(app);
  const std::string draft = ceplan::render::terraform_draft(inventory);
  CHECK(has(draft, "project: \"yes: no # x\\n\"\n"));
  CHECK(has(draft, "  - \"us-south\\n  evil: [\"\n"));
  CHECK(has(draft, "    image: \"icr.io/a/a:1 # not a comment\"\n"));
  // Without control characters, which the deploy file refuses, what YAML would misread loads back as is.
  inventory.projects.front().name.value = "p";
  inventory.workloads.front().region = "null";
  inventory.workloads.front().image.value = "icr.io/a/a:1";
  const auto deployment = ceplan::load_deployment(ceplan::render::terraform_draft(inventory), "draft.yaml");
  CHECK(deployment.apps.front().regions.front().name == "null");
  // A region no catalog could hold stays quoted in the draft and is refused when the draft loads.
  inventory.workloads.front().region = "us-south, evil: [";
  CHECK(ceplan::test::errors_of(
            [&] { (void)ceplan::load_deployment(ceplan::render::terraform_draft(inventory), "draft.yaml"); }) ==
        std::vector<std::string>{"draft.yaml:10:5: error: an item of 'regions' must be a region id such as us-south: "
                                 "letters, digits, '-' and '_', starting with a letter, at most 64 characters, "
                                 "not 'us-south, evil: ['",
                                 "draft.yaml:17:7: error: a key of 'regions' must be a region id such as "
                                 "us-south: letters, digits, '-' and '_', starting with a letter, at most 64 "
                                 "characters, not 'us-south, evil: ['"});
  inventory.projects.clear();
  CHECK(ceplan::test::errors_of([&] { (void)ceplan::render::terraform_draft(inventory); }) ==
        std::vector<std::string>{"p.json: error: no ibm_code_engine_project in this plan or state: nothing to import"});
}
