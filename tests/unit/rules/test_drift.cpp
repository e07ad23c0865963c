// The CE4xx rules: each fires on one difference from Terraform, at the deploy file's node, naming
// the Terraform address; and none fires when the two agree or Terraform does not know a value.
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include "rules/check.hpp"
#include "test_util.hpp"

namespace {

using namespace ceplan::terraform;

const std::string deploy_file = R"(version: 1
project: p
regions: [us-south, eu-de]
failover:
  edge_proxy:
    domain: p.example.com
    tls_secret: tls
    ttl: 60s
    health_check: { path: /healthz, interval: 60s }
apps:
  - name: web
    image: icr.io/p/web:1
    min_scale: 1
    registry_secret: pull
    regions:
      us-south: {}
      eu-de: { image: de.icr.io/p/web:1 }
jobs:
  - { name: nightly, image: icr.io/p/n:1, regions: [us-south], registry_secret: pull }
secrets:
  - { name: tls, format: tls }
  - { name: pull, format: registry }
)";

template <class T>
Attr<T> known(T value) {
  return {std::move(value), Known::value};
}

Workload app(const std::string& region, const std::string& image) {
  Workload w;
  w.address = "module.app[\"" + region + "\"].ibm_code_engine_app.web";
  w.region = region;
  w.name = known<std::string>("web");
  w.image = known(image);
  w.min_scale = known<std::int64_t>(1);
  w.max_scale = known<std::int64_t>(10);
  w.registry_secret = known<std::string>("pull");
  return w;
}

// What Terraform deploys when it agrees with deploy_file.
Inventory agreeing() {
  Inventory tf;
  tf.source = "plan.json";
  for (const char* region : {"us-south", "eu-de"}) {
    Project project;
    project.address = std::string("ibm_code_engine_project.") + region;
    project.region = region;
    project.name = known<std::string>("p");
    tf.projects.push_back(project);
  }
  tf.workloads = {app("us-south", "icr.io/p/web:1"), app("eu-de", "de.icr.io/p/web:1")};
  Workload job;
  job.address = "ibm_code_engine_job.nightly";
  job.job = true;
  job.region = "us-south";
  job.name = known<std::string>("nightly");
  job.image = known<std::string>("icr.io/p/n:1");
  tf.workloads.push_back(job);
  HealthCheck check;
  check.address = "ibm_cis_healthcheck.p";
  check.path = known<std::string>("/healthz");
  check.interval = known<std::int64_t>(60);
  check.retries = known<std::int64_t>(2);
  check.timeout = known<std::int64_t>(5);
  tf.health_checks.push_back(check);
  Pool pool;
  pool.address = "ibm_cis_origin_pool.us";
  pool.monitor = 0;
  tf.pools.push_back(pool);
  LoadBalancer lb;
  lb.address = "ibm_cis_global_load_balancer.p";
  lb.name = known<std::string>("p.example.com");
  lb.proxied = known(true);
  lb.ttl = known<std::int64_t>(60);
  lb.pools = {0};
  tf.load_balancers.push_back(lb);
  return tf;
}

std::vector<std::string> drift(const Inventory& tf) {
  std::vector<std::string> out;
  for (const auto& f :
       ceplan::validate(deploy_file, "d.yaml", ceplan::test::shared_catalog(), {}, {}, {&tf, nullptr})) {
    if (f.rule->id.substr(0, 3) == "CE4")
      out.push_back(fmt::format("{}:{} {} {}", f.location.line, f.location.column, f.rule->id, f.message));
  }
  return out;
}

}  // namespace

TEST_CASE("no drift when the deploy file and Terraform agree") {
  CHECK(drift(agreeing()).empty());
}

TEST_CASE("no drift for values Terraform leaves unknown or marks sensitive") {
  Inventory tf = agreeing();
  tf.workloads[1].image = {{}, Known::unknown};
  tf.workloads[0].min_scale = {{}, Known::sensitive};
  tf.load_balancers[0].ttl = {};
  CHECK(drift(tf).empty());
}

TEST_CASE("CE401 a project region the file does not list") {
  Inventory tf = agreeing();
  tf.projects[1].region = "eu-gb";
  tf.projects.push_back(tf.projects[1]);
  tf.projects.back().name = known<std::string>("other-project");
  tf.projects.back().region = "jp-tok";
  CHECK(drift(tf) == std::vector<std::string>{"3:1 CE401 Terraform's ibm_code_engine_project.eu-de puts project 'p' in "
                                              "eu-gb, which regions does not list"});
}

TEST_CASE("CE402 an app or job placed differently, in either direction") {
  Inventory tf = agreeing();
  tf.workloads[2].region = "eu-de";
  CHECK(drift(tf) == std::vector<std::string>{
                         "19:52 CE402 Terraform's ibm_code_engine_job.nightly runs job 'nightly' in eu-de, which its "
                         "regions do not list",
                         "19:53 CE402 job 'nightly' is placed in us-south, but Terraform defines it only elsewhere "
                         "(ibm_code_engine_job.nightly)"});
  tf = agreeing();
  tf.workloads.push_back(app("us-south", "icr.io/p/web:1"));
  tf.workloads.back().name = known<std::string>("admin");
  CHECK(drift(tf) == std::vector<std::string>{"10:1 CE402 Terraform's module.app[\"us-south\"].ibm_code_engine_app.web "
                                              "runs app 'admin' in us-south, but the deploy file has no such app"});
}

TEST_CASE("CE403 a different image in a region") {
  Inventory tf = agreeing();
  tf.workloads[1].image = known<std::string>("de.icr.io/p/web:2");
  CHECK(drift(tf) == std::vector<std::string>{"17:23 CE403 app 'web' pulls de.icr.io/p/web:1 in eu-de, but Terraform's "
                                              "module.app[\"eu-de\"].ibm_code_engine_app.web pulls de.icr.io/p/web:2"});
}

TEST_CASE("CE404 a different min or max scale") {
  Inventory tf = agreeing();
  tf.workloads[1].min_scale = known<std::int64_t>(0);
  tf.workloads[0].max_scale = known<std::int64_t>(4);
  CHECK(drift(tf) == std::vector<std::string>{
                         "11:11 CE404 app 'web' has max_scale 10 (Code Engine's default) in us-south, but Terraform's "
                         "module.app[\"us-south\"].ibm_code_engine_app.web has scale_max_instances 4",
                         "13:16 CE404 app 'web' has min_scale 1 in eu-de, but Terraform's "
                         "module.app[\"eu-de\"].ibm_code_engine_app.web has scale_min_instances 0"});
}

TEST_CASE("CE405 CE406 CE407 the edge proxy against the load balancer and its health check") {
  Inventory tf = agreeing();
  tf.health_checks[0].path = known<std::string>("/ready");
  tf.health_checks[0].interval = known<std::int64_t>(30);
  tf.load_balancers[0].ttl = known<std::int64_t>(300);
  tf.load_balancers[0].proxied = known(false);
  CHECK(drift(tf) ==
        std::vector<std::string>{
            "6:5 CE405 the health check probes /healthz, but Terraform's ibm_cis_healthcheck.p probes /ready",
            "6:5 CE407 the edge proxy is proxied, but Terraform's ibm_cis_global_load_balancer.p has "
            "proxied = false",
            "8:10 CE406 ttl is 60s, but Terraform's ibm_cis_global_load_balancer.p has ttl 300s",
            "9:47 CE405 the health check's interval is 60s, but Terraform's ibm_cis_healthcheck.p has 30s"});
}

TEST_CASE("CE408 a secret Terraform reads that the file does not declare") {
  Inventory tf = agreeing();
  tf.workloads[0].secrets = {"db", "pull"};
  tf.workloads[1].secrets = {"db"};
  CHECK(drift(tf) == std::vector<std::string>{"20:1 CE408 Terraform's module.app[\"us-south\"].ibm_code_engine_app.web "
                                              "reads secret 'db', which secrets does not declare"});
}

TEST_CASE("without a plan the CE4xx rules report nothing") {
  for (const auto& f : ceplan::validate(deploy_file, "d.yaml", ceplan::test::shared_catalog()))
    CHECK(f.rule->id.substr(0, 3) != "CE4");
}

TEST_CASE("what Terraform puts in a project of another name is another file's business") {
  Inventory tf = agreeing();
  Workload other = app("eu-gb", "icr.io/q/api:1");
  other.name = known<std::string>("api");
  other.project = "q";
  other.secrets = {"q-db"};
  tf.workloads.push_back(other);
  CHECK(drift(tf).empty());
  tf.workloads.back().project = "p";
  CHECK(drift(tf).size() == 2);  // CE402 (no such app) and CE408 (q-db)
}

TEST_CASE("CE409 fires for a plan whose projects are all of other names, and nothing else is compared") {
  Inventory tf = agreeing();
  for (Project& project : tf.projects) project.name = known<std::string>("shop-prod");
  tf.projects.push_back(tf.projects.front());
  tf.projects.back().name = known<std::string>("batch");
  tf.workloads.clear();
  CHECK(drift(tf) == std::vector<std::string>{
                         "1:1 CE409 plan.json has no project named 'p' (it has shop-prod and batch): nothing of this "
                         "deploy file is compared"});
}
