// Reading IBM's Code Engine export: the fields Knative documents, names only for the kinds IBM
// documents without fields, each object once, and every malformed document at its JSON path.
#include <catch2/catch.hpp>

#include "model/live_export.hpp"
#include "test_util.hpp"

namespace {

using ceplan::live::RegionExport;
using ceplan::live::RegionReader;

RegionExport read(const std::vector<std::string>& documents) {
  RegionReader reader("us-south", "export/us-south");
  for (std::size_t i = 0; i < documents.size(); ++i) reader.add(documents[i], "f" + std::to_string(i) + ".json");
  return reader.finish();
}

std::vector<std::string> errors(const std::vector<std::string>& documents) {
  return ceplan::test::errors_of([&] { (void)read(documents); });
}

// A Knative Service as `kubectl get service -o json` lists it (serving.knative.dev/v1).
const std::string service = R"({"apiVersion": "serving.knative.dev/v1", "kind": "Service",
  "metadata": {"name": "web"},
  "spec": {"template": {
    "metadata": {"annotations": {"autoscaling.knative.dev/min-scale": "2", "autoscaling.knative.dev/maxScale": "7"}},
    "spec": {"containers": [{"image": "icr.io/p/web:1", "ports": [{"containerPort": 3000}],
               "envFrom": [{"secretRef": {"name": "db"}}, {"configMapRef": {"name": "settings"}}],
               "env": [{"name": "T", "valueFrom": {"secretKeyRef": {"name": "token", "key": "t"}}}]}],
             "volumes": [{"name": "v", "secret": {"secretName": "certs"}}],
             "imagePullSecrets": [{"name": "pull"}]}}}})";

}  // namespace

TEST_CASE("a Knative Service gives the app's image, scale, references and registry secret") {
  const RegionExport r = read({service});
  REQUIRE(r.apps.size() == 1);
  const auto& app = r.apps.front();
  CHECK(app.name == "web");
  CHECK(app.image == "icr.io/p/web:1");
  CHECK(app.port == 3000);
  CHECK(app.min_scale == 2);
  CHECK(app.max_scale == 7);  // the legacy spelling maxScale
  CHECK(app.secrets == std::vector<std::string>{"db", "token", "certs"});
  CHECK(app.configmaps == std::vector<std::string>{"settings"});
  CHECK(app.pull_secrets == std::vector<std::string>{"pull"});
  CHECK(app.origin() == "f0.json $");
  CHECK(r.region == "us-south");
}

TEST_CASE("a List of mixed kinds is read item by item, and an object exported twice is kept once") {
  const RegionExport r = read({R"({"apiVersion": "v1", "kind": "List", "items": [
      {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "db"}, "type": "Opaque",
       "data": {"password": "ZG8tbm90LWNvcHk="}, "stringData": {"password": "do-not-copy"}},
      {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "settings"}, "data": {"A": "b"}},
      {"apiVersion": "codeengine.cloud.ibm.com/v1beta1", "kind": "JobDefinition", "metadata": {"name": "nightly"}},
      {"apiVersion": "serving.knative.dev/v1beta1", "kind": "DomainMapping", "metadata": {"name": "shop.example.com"}},
      {"apiVersion": "serving.knative.dev/v1", "kind": "Revision", "metadata": {"name": "web-00001"}},
      {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "not-an-app"}}]})",
                               R"({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "db"}})"});
  REQUIRE(r.secrets.size() == 1);
  CHECK(r.secrets.front().type == "Opaque");
  CHECK(r.secrets.front().origin() == "f0.json $.items[0]");
  CHECK(r.has_secret("db"));
  CHECK(r.has_configmap("settings"));
  CHECK_FALSE(r.has_configmap("db"));
  REQUIRE(r.job("nightly") != nullptr);
  CHECK(r.domain_mappings.front().name == "shop.example.com");
  CHECK(r.apps.empty());  // a core v1 Service is not a Code Engine app
  CHECK(r.other_kinds == std::vector<std::string>{"Revision", "Service"});
}

TEST_CASE("a PingSource gives its schedule, time zone and sink") {
  const RegionExport r = read({R"({"apiVersion": "sources.knative.dev/v1", "kind": "PingSource",
      "metadata": {"name": "nightly-cron"},
      "spec": {"schedule": "0 2 * * *", "timezone": "Europe/Berlin",
               "sink": {"ref": {"kind": "JobDefinition", "name": "nightly"}}}})"});
  REQUIRE(r.crons.size() == 1);
  CHECK(r.crons.front().schedule == "0 2 * * *");
  CHECK(r.crons.front().time_zone == "Europe/Berlin");
  CHECK(r.crons.front().sink_kind == "JobDefinition");
  CHECK(r.crons.front().sink_name == "nightly");
}

TEST_CASE("a cron is matched to its job by its sink, else by the name JOB-cron, never by a guess") {
  const std::unordered_set<std::string> jobs{"nightly", "report"};
  ceplan::live::Cron cron;
  cron.name = "whatever";
  cron.sink_kind = "JobDefinition";
  cron.sink_name = "report";
  CHECK(ceplan::live::cron_job(cron, jobs) == "report");
  cron.sink_name = "other";
  CHECK(ceplan::live::cron_job(cron, jobs).empty());  // the sink names no job of the file
  cron.sink_kind = "Service";
  cron.sink_name = "nightly";
  CHECK(ceplan::live::cron_job(cron, jobs).empty());  // an app's subscription
  cron.sink_kind.clear();
  cron.sink_name.clear();
  cron.name = "nightly-cron";
  CHECK(ceplan::live::cron_job(cron, jobs) == "nightly");
  cron.name = "-cron";
  CHECK(ceplan::live::cron_job(cron, jobs).empty());
  cron.name = "nightly";
  CHECK(ceplan::live::cron_job(cron, jobs).empty());
}

TEST_CASE("a malformed export is refused at the file and JSON path of each problem") {
  CHECK(errors({"[1, 2]"}) ==
        std::vector<std::string>{
            "f0.json: error: $: expected a Kubernetes object or List, the output of `kubectl get KIND -o json`"});
  CHECK(errors({R"({"kind": "List", "items": {}})"}) ==
        std::vector<std::string>{"f0.json: error: $.items: a List needs an array of items"});
  CHECK(errors({R"({"kind": "List", "items": [3, {"apiVersion": "v1", "kind": "Secret", "metadata": {}}]})",
                R"({"kind": 7})"}) ==
        std::vector<std::string>{"f0.json: error: $.items[0]: expected an object, found a number",
                                 "f0.json: error: $.items[1]: a Secret needs metadata.name",
                                 "f1.json: error: $.kind: expected a string, found a number"});
  CHECK(errors({R"({"apiVersion": "serving.knative.dev/v1", "kind": "Service", "metadata": {"name": "w"},
      "spec": {"template": {"metadata": {"annotations": {"autoscaling.knative.dev/min-scale": "two"}}}}})"}) ==
        std::vector<std::string>{"f0.json: error: $.spec.template.metadata.annotations[\"autoscaling.knative.dev/"
                                 "min-scale\"]: expected a whole number as a string, found 'two'"});
  CHECK(errors({R"({"kind": "List", "items": [)"}).front().rfind("f0.json:1:", 0) == 0);
}

TEST_CASE("an export's files are bounded by the input limits") {
  ceplan::InputLimits limits;
  limits.max_nodes = 10;
  RegionReader reader("us-south", "d", limits);
  reader.add(R"({"kind": "List", "items": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]})", "big.json");
  const auto lines = ceplan::test::errors_of([&] { (void)reader.finish(); });
  REQUIRE(lines.size() == 1);
  CHECK(lines.front().rfind("big.json", 0) == 0);
}
