// Reading `terraform show -json`: regions through every route, modules and instances, masks for
// sensitive and unknown values, and every input error with its JSON path.
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include "model/terraform.hpp"
#include "test_util.hpp"

namespace {

using ceplan::terraform::Known;
using ceplan::test::errors_of;

std::string fixture(const std::string& name) {
  std::ifstream in("terraform/" + name);  // the tests run in tests/data
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

ceplan::terraform::Inventory read(const std::string& text, const std::string& region = {}) {
  return ceplan::terraform::read(text, "p.json", {region, "--region", {}});
}

const ceplan::terraform::Workload& workload(const ceplan::terraform::Inventory& inventory, std::string_view address) {
  for (const auto& w : inventory.workloads) {
    if (w.address == address)
      return w;
  }
  FAIL("no workload " << address);
  throw;
}

}  // namespace

TEST_CASE("a plan's regions come from aliased providers, through variables, into for_each modules") {
  const auto plan = read(fixture("plan.json"));
  CHECK(plan.plan);
  CHECK(plan.regions() == std::vector<std::string>{"us-south", "eu-de"});
  REQUIRE(plan.workloads.size() == 5);
  const auto& eu_api = workload(plan, "module.app_eu[\"orders-api\"].ibm_code_engine_app.this");
  CHECK(eu_api.region == "eu-de");
  CHECK(eu_api.image.state == Known::unknown);
  CHECK(eu_api.min_scale.value == 0);
  const auto& frontend = workload(plan, "module.app[\"frontend\"].ibm_code_engine_app.this");
  CHECK(frontend.region == "us-south");
  CHECK(frontend.secrets == std::vector<std::string>{"session-key"});
  CHECK(frontend.configmaps == std::vector<std::string>{"settings"});
  CHECK(frontend.registry_secret.value == "icr-pull");
  CHECK(workload(plan, "ibm_code_engine_job.sitemap").job);
}

TEST_CASE("a plan's pools, monitor and load balancer are tied through configuration references") {
  const auto plan = read(fixture("plan.json"));
  REQUIRE(plan.load_balancers.size() == 1);
  const auto& lb = plan.load_balancers.front();
  CHECK(lb.steering.value == "off");
  CHECK(lb.proxied.value);
  REQUIRE(lb.pools.size() == 2);
  CHECK(plan.pools[lb.pools[0]].region == "us-south");
  CHECK(plan.pools[lb.pools[1]].region == "eu-de");
  REQUIRE(plan.pools[lb.pools[0]].monitor);
  CHECK(plan.health_checks[*plan.pools[lb.pools[0]].monitor].path.value == "/healthz");
  REQUIRE(plan.data_stores.size() == 2);
  CHECK(plan.data_stores[1].cross_region_location.value == "eu");
}

TEST_CASE("a state's tainted project with a null region takes its region from its resources") {
  const auto state = read(fixture("state.json"));
  CHECK_FALSE(state.plan);
  REQUIRE(state.projects.size() == 2);
  CHECK(state.projects[1].tainted);
  CHECK(state.projects[1].region == "eu-gb");
  CHECK(workload(state, "ibm_code_engine_app.api[1]").image.state == Known::sensitive);
  const auto& lb = state.load_balancers.front();
  REQUIRE(lb.pools.size() == 2);
  CHECK(state.pools[lb.pools[1]].region == "eu-gb");
  CHECK(state.pools[lb.pools[1]].monitor.has_value());
}

TEST_CASE("a provider configured from the environment needs --region") {
  CHECK(errors_of([] { (void)read(fixture("env-region.json")); }) ==
        std::vector<std::string>{
            "p.json: error: ibm_code_engine_project.this: cannot tell its region: Terraform does not record it and "
            "the provider takes its region from the environment; name it with --region",
            "p.json: error: ibm_code_engine_job.report: cannot tell its region: Terraform does not record it and "
            "the provider takes its region from the environment; name it with --region"});
  CHECK(read(fixture("env-region.json"), "ca-tor").regions() == std::vector<std::string>{"ca-tor"});
}

TEST_CASE("no value marked sensitive, no secret data and no literal value is kept") {
  for (const char* name : {"plan.json", "state.json"}) {
    const auto inventory = read(fixture(name));
    for (const auto& w : inventory.workloads) {
      CHECK(w.image.value.find("do-not-copy") == std::string::npos);
      for (const auto& secret : w.secrets) CHECK(secret.find("do-not-copy") == std::string::npos);
    }
  }
}

TEST_CASE("foreign or malformed JSON is reported with the JSON path of the problem") {
  CHECK(
      errors_of([] { (void)read("[]"); }) ==
      std::vector<std::string>{"p.json: error: $: expected the object `terraform show -json` writes, found an array"});
  CHECK(errors_of([] { (void)read(R"({"name": "left-pad", "version": "1.3.0"})"); }) ==
        std::vector<std::string>{
            "p.json: error: $: no 'format_version': not the JSON of `terraform show -json` (a saved plan or a state)"});
  CHECK(
      errors_of([] { (void)read(R"({"format_version": "2.0"})"); }) ==
      std::vector<std::string>{"p.json: error: $.format_version: unsupported format_version '2.0'; ceplan reads 1.x"});
  CHECK(errors_of([] { (void)read(R"({"format_version": 1})"); }) ==
        std::vector<std::string>{
            "p.json: error: $.format_version: unsupported format_version a number; ceplan reads 1.x"});
  CHECK(errors_of([] {
          (void)read(R"({"format_version": "1.0", "values": {"root_module": {"resources": [
            {"address": "ibm_code_engine_app.a", "type": "ibm_code_engine_app", "name": "a",
             "values": {"name": "a", "region": "us-south", "scale_min_instances": "one"}},
            {"type": 7}]}}})");
        }) == std::vector<std::string>{
                  "p.json: error: $.values.root_module.resources[0].values.scale_min_instances: expected a whole "
                  "number, found a string",
                  "p.json: error: $.values.root_module.resources[1].type: expected a string, found a number",
                  "p.json: error: $.values.root_module.resources[1]: a resource needs an 'address' and a 'type'"});
  CHECK(errors_of([] { (void)read(R"({"format_version": "1.0", "values": {"root_module": {"resources": {}}}})"); }) ==
        std::vector<std::string>{"p.json: error: $.values.root_module.resources: expected an array, found an object"});
  CHECK(errors_of([] { (void)read(R"({"format_version": "1.0", "planned_values": []})"); }) ==
        std::vector<std::string>{"p.json: error: $.planned_values: expected an object with a 'root_module'"});
}

TEST_CASE("an empty state reads as nothing") {
  const auto empty = read(R"({"format_version": "1.0"})");
  CHECK(empty.projects.empty());
  CHECK(empty.workloads.empty());
}

TEST_CASE("a project Terraform only reads as a data source is a region too, and other data sources are skipped") {
  const auto inventory = read(R"({"format_version": "1.0", "values": {"root_module": {"resources": [
    {"address": "data.ibm_code_engine_project.p", "mode": "data", "type": "ibm_code_engine_project", "name": "p",
     "values": {"name": "shop", "project_id": "11111111-2222-3333-4444-555555555555", "region": "jp-tok"}},
    {"address": "data.ibm_resource_group.g", "mode": "data", "type": "ibm_resource_group", "name": "g",
     "values": {"name": "default"}},
    {"address": "ibm_code_engine_app.a", "mode": "managed", "type": "ibm_code_engine_app", "name": "a",
     "values": {"name": "a", "project_id": "11111111-2222-3333-4444-555555555555", "image_reference": "icr.io/a/a:1"}}
  ]}}})");
  REQUIRE(inventory.projects.size() == 1);
  CHECK(inventory.workloads.front().region == "jp-tok");
  CHECK(inventory.regions() == std::vector<std::string>{"jp-tok"});
}

TEST_CASE("more regions than Code Engine has is refused") {
  std::string resources;
  for (int i = 0; i <= 100; ++i) {
    resources += fmt::format(R"({}{{"address": "ibm_code_engine_project.p{}", "mode": "managed",
      "type": "ibm_code_engine_project", "name": "p{}", "values": {{"name": "p", "region": "r-{}"}}}})",
                             i == 0 ? "" : ",", i, i, i);
  }
  CHECK(errors_of([&] {
          (void)read(R"({"format_version": "1.0", "values": {"root_module": {"resources": [)" + resources + "]}}}");
        }) == std::vector<std::string>{"p.json: error: resources in 101 regions: Code Engine has far fewer; ceplan "
                                       "reads at most 100"});
}

TEST_CASE("resources belong to the project their project_id names, and a draft takes one project") {
  const auto both = read(fixture("two-projects.json"));
  CHECK(both.project_names() == std::vector<std::string>{"shop", "batch"});
  CHECK(workload(both, "ibm_code_engine_job.nightly").project == "batch");
  const auto batch = ceplan::terraform::select_project(both, "batch");
  REQUIRE(batch.workloads.size() == 1);
  CHECK(batch.regions() == std::vector<std::string>{"eu-de"});
  CHECK(batch.other_projects == std::vector<std::string>{"shop"});
  CHECK(ceplan::terraform::select_project(both, "").projects.front().name.value == "shop");
  CHECK(errors_of([&] { (void)ceplan::terraform::select_project(both, "bach"); }) ==
        std::vector<std::string>{"p.json: error: no project named 'bach'; did you mean 'batch'?"});
  CHECK(errors_of([&] { (void)ceplan::terraform::select_project(both, "zzzzzz"); }) ==
        std::vector<std::string>{"p.json: error: no project named 'zzzzzz'; expected one of shop, batch"});
}

TEST_CASE("the provider's secret formats and CIS steering policies in the deploy file's spelling") {
  using ceplan::terraform::deploy_secret_format;
  using ceplan::terraform::deploy_steering;
  CHECK(deploy_secret_format("ssh_auth") == "ssh");
  CHECK(deploy_secret_format("hmac_auth") == "hmac");
  CHECK(deploy_secret_format("tls") == "tls");
  CHECK(deploy_secret_format("service_access").empty());
  CHECK(deploy_steering("off") == "failover");
  CHECK(deploy_steering("") == "failover");
  CHECK(deploy_steering("dynamic_latency") == "dynamic");
  CHECK(deploy_steering("geo") == "geo");
  CHECK(deploy_steering("least_outstanding_requests").empty());
}
