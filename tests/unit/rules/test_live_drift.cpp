// The CE5xx rules: each fires on one difference from the live export, at the deploy file's node,
// naming the export file; none fires when the two agree.
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include "rules/check.hpp"
#include "test_util.hpp"

namespace {

using namespace ceplan::live;

const std::string head = R"(version: 1
project: p
regions:
  - { id: us-south, role: primary }
  - { id: eu-de, role: standby }
)";

const std::string body = R"(failover:
  strategy: STRATEGY
  edge_proxy: { domain: p.example.com, tls_secret: tls }
apps:
  - name: web
    image: us.icr.io/p/web:1
    min_scale: 1
    registry_secret: pull
    secrets: [db]
    regions:
      us-south: {}
      eu-de: { image: de.icr.io/p/web:1 }
jobs:
  - { name: nightly, image: us.icr.io/p/n:1, schedule: '0 2 * * *', regions: [us-south, eu-de] }
secrets:
  - { name: tls, format: tls }
  - { name: pull, format: registry }
  - { name: db }
configmaps:
  - { name: settings }
)";

std::string deploy_file(const std::string& strategy = "warm-standby") {
  std::string text = head + body;
  text.replace(text.find("STRATEGY"), 8, strategy);
  return text;
}

Object named(const std::string& name, const std::string& file) {
  return Object{name, file, "$"};
}

RegionExport region(const std::string& id, const std::string& image) {
  RegionExport r;
  r.region = id;
  r.directory = "export/" + id;
  const std::string file = id + ".json";
  App app{named("web", file), image, 1, 10, {"db"}, {}, {"pull"}, {}};
  r.apps.push_back(app);
  r.jobs.push_back(named("nightly", file));
  for (const char* secret : {"tls", "pull", "db"}) r.secrets.push_back(Secret{named(secret, file), "Opaque"});
  r.configmaps.push_back(named("settings", file));
  r.domain_mappings.push_back(named("p.example.com", file));
  return r;
}

// What is live when it agrees with deploy_file(): the cron only in the primary.
Export agreeing() {
  Export live;
  live.regions = {region("us-south", "us.icr.io/p/web:1"), region("eu-de", "de.icr.io/p/web:1")};
  live.regions[0].crons.push_back(Cron{named("nightly-cron", "us-south.json"), "0 2 * * *", "", "", ""});
  return live;
}

std::vector<std::string> drift(const Export& live, const std::string& file = deploy_file()) {
  std::vector<std::string> out;
  for (const auto& f : ceplan::validate(file, "d.yaml", ceplan::test::shared_catalog(), {}, {}, {nullptr, &live})) {
    if (f.rule->id.substr(0, 3) == "CE5")
      out.push_back(fmt::format("{}:{} {} {}", f.location.line, f.location.column, f.rule->id, f.message));
  }
  return out;
}

}  // namespace

TEST_CASE("an export that agrees with the deploy file gives no CE5xx finding") {
  CHECK(drift(agreeing()).empty());
}

TEST_CASE("CE501 fires for an app or job missing where the file places it") {
  Export live = agreeing();
  live.regions[1].apps.clear();
  live.regions[1].jobs.clear();
  CHECK(
      drift(live) ==
      std::vector<std::string>{
          "17:7 CE501 app 'web' is placed in eu-de, but the export of eu-de has no such Service (serving.knative.dev)",
          "19:89 CE501 job 'nightly' is placed in eu-de, but the export of eu-de has no such JobDefinition"});
}

TEST_CASE("CE502 fires for an app or job live where the file does not place it") {
  Export live = agreeing();
  live.regions[0].apps.push_back(App{named("debug", "us-south.json"), "us.icr.io/p/d:1", {}, {}, {}, {}, {}, {}});
  live.regions[0].jobs.push_back(named("cleanup", "us-south.json"));
  RegionExport extra;
  extra.region = "eu-gb";
  extra.directory = "export/eu-gb";
  live.regions.push_back(extra);
  CHECK(drift(live) ==
        std::vector<std::string>{
            "3:1 CE502 an export of eu-gb is given (export/eu-gb), but regions does not list eu-gb",
            "9:1 CE502 app 'debug' is live in us-south (us-south.json $), but the deploy file has no such app",
            "18:1 CE502 job 'cleanup' is live in us-south (us-south.json $), but the deploy file has no such job"});
}

TEST_CASE("CE503 fires for a live image other than the file's for the region") {
  Export live = agreeing();
  live.regions[1].apps[0].image = "de.icr.io/p/web:0";
  CHECK(drift(live) == std::vector<std::string>{"17:23 CE503 app 'web' pulls de.icr.io/p/web:1 in eu-de, but the live "
                                                "app pulls de.icr.io/p/web:0 (eu-de.json $)"});
}

TEST_CASE("CE504 fires for a live min-scale or max-scale other than the file's") {
  Export live = agreeing();
  live.regions[0].apps[0].min_scale = 0;
  live.regions[1].apps[0].max_scale = 3;
  CHECK(drift(live) ==
        std::vector<std::string>{
            "10:11 CE504 app 'web' has max_scale 10 (Code Engine's default) in eu-de, but the live app has max-scale 3 "
            "(eu-de.json $)",
            "12:16 CE504 app 'web' has min_scale 1 in us-south, but the live app has min-scale 0 (us-south.json $)"});
}

TEST_CASE("CE505 fires for a declared secret or config map missing in a region that holds the project") {
  Export live = agreeing();
  live.regions[1].secrets.pop_back();
  live.regions[1].configmaps.clear();
  CHECK(drift(live) ==
        std::vector<std::string>{
            "23:13 CE505 secret 'db' is not live in eu-de (standby): the export of eu-de has no such Secret",
            "25:13 CE505 config map 'settings' is not live in eu-de (standby): the export of eu-de has no such "
            "ConfigMap"});
}

TEST_CASE("CE506 fires for a cron outside scheduled_in, missing from it, or on another schedule") {
  Export live = agreeing();
  live.regions[0].crons[0].schedule = "0 3 * * *";
  live.regions[0].crons[0].time_zone = "Europe/Berlin";
  live.regions[1].crons.push_back(Cron{named("other", "eu-de.json"), "0 2 * * *", "", "JobDefinition", "nightly"});
  CHECK(drift(live) == std::vector<std::string>{
                           "19:13 CE506 job 'nightly' has a cron subscription live in eu-de (eu-de.json $), but "
                           "scheduled_in (by default the primary's) does not list eu-de",
                           "19:13 CE507 job 'nightly' is not marked idempotent, but its cron subscription is live in 2 "
                           "regions: us-south (us-south.json $) and eu-de (eu-de.json $)",
                           "19:56 CE506 job 'nightly' runs on '0 2 * * *', but its cron subscription in us-south "
                           "runs on '0 3 * * *' (us-south.json $)",
                           "19:56 CE506 job 'nightly' runs in time zone UTC (the default), but its cron "
                           "subscription in us-south runs in Europe/Berlin (us-south.json $)"});
}

TEST_CASE("CE506 fires for a scheduled_in region whose export has no cron for the job") {
  Export live = agreeing();
  live.regions[0].crons.clear();
  CHECK(drift(live) == std::vector<std::string>{"19:13 CE506 job 'nightly' is scheduled in us-south, but the export of "
                                                "us-south has no cron subscription that "
                                                "fires it"});
}

TEST_CASE("CE506 fires for a cron without a time zone when the file names one other than UTC") {
  Export live = agreeing();
  const std::string schedule = "schedule: '0 2 * * *'";
  std::string file = deploy_file();
  file.replace(file.find(schedule), schedule.size(), schedule + ", time_zone: Europe/Berlin");
  CHECK(drift(live, file) ==
        std::vector<std::string>{"19:80 CE506 job 'nightly' runs in time zone Europe/Berlin, but its cron subscription "
                                 "in us-south names none, so it runs in the system's (us-south.json $)"});
}

TEST_CASE("CE507 fires for a job that is not idempotent live in two regions") {
  Export live = agreeing();
  live.regions[1].crons.push_back(Cron{named("nightly-cron", "eu-de.json"), "0 2 * * *", "", "", ""});
  CHECK(drift(live) == std::vector<std::string>{
                           "19:13 CE506 job 'nightly' has a cron subscription live in eu-de (eu-de.json $), but "
                           "scheduled_in (by default the primary's) does not list eu-de",
                           "19:13 CE507 job 'nightly' is not marked idempotent, but its cron subscription is live in 2 "
                           "regions: us-south (us-south.json $) and eu-de (eu-de.json $)"});
}

TEST_CASE("CE508 fires for a cron that fires no job of the file") {
  Export live = agreeing();
  live.regions[0].crons.push_back(Cron{named("weekly", "us-south.json"), "0 6 * * 1", "", "JobDefinition", "report"});
  live.regions[0].crons.push_back(Cron{named("warmup", "us-south.json"), "* * * * *", "", "Service", "web"});
  CHECK(
      drift(live) ==
      std::vector<std::string>{
          "18:1 CE508 cron subscription 'weekly' in us-south (us-south.json $) fires 'report', which is no job of the "
          "deploy file"});
}

TEST_CASE("CE509 fires for an app pulling without its registry secret, or from another server than the secret's") {
  Export live = agreeing();
  live.regions[0].apps[0].pull_secrets.clear();
  live.regions[1].apps[0].image = "us.icr.io/p/web:1";
  CHECK(drift(live) ==
        std::vector<std::string>{
            "13:22 CE509 app 'web' pulls with registry secret 'pull', but in us-south it runs without it "
            "(us-south.json $)",
            "17:23 CE503 app 'web' pulls de.icr.io/p/web:1 in eu-de, but the live app pulls us.icr.io/p/web:1 "
            "(eu-de.json $)",
            "17:23 CE509 registry secret 'pull' is for de.icr.io in eu-de (the server of the images the deploy "
            "file pulls with it there), but app 'web' there pulls us.icr.io/p/web:1 (eu-de.json $)"});
}

TEST_CASE("CE510 fires for a serving region without the edge proxy's domain mapping") {
  Export live = agreeing();
  live.regions[1].domain_mappings.clear();
  CHECK(drift(live) == std::vector<std::string>{"8:15 CE510 app 'web' serves p.example.com in eu-de, but the export of "
                                                "eu-de has no DomainMapping named p.example.com"});
}

TEST_CASE("under pilot-light the standby holds secrets and config maps, and a live app there is unexpected") {
  Export live = agreeing();
  CHECK(drift(live, deploy_file("pilot-light")) ==
        std::vector<std::string>{"17:7 CE502 app 'web' is live in eu-de (eu-de.json $), but under pilot-light its "
                                 "entry for eu-de is a template the runbook creates it from",
                                 "19:89 CE502 job 'nightly' is live in eu-de (eu-de.json $), but under pilot-light its "
                                 "entry for eu-de is a template the runbook creates it from"});
  live.regions[1].apps.clear();
  live.regions[1].jobs.clear();
  live.regions[1].domain_mappings.clear();
  CHECK(drift(live, deploy_file("pilot-light")).empty());
  live.regions[1].secrets.clear();
  CHECK(drift(live, deploy_file("pilot-light")) ==
        std::vector<std::string>{
            "21:13 CE505 secret 'tls' is not live in eu-de (standby): the export of eu-de has no such Secret",
            "22:13 CE505 secret 'pull' is not live in eu-de (standby): the export of eu-de has no such Secret",
            "23:13 CE505 secret 'db' is not live in eu-de (standby): the export of eu-de has no such Secret"});
}

TEST_CASE("under backup-restore a region that does not hold the project needs no secrets") {
  Export live = agreeing();
  live.regions[1] = RegionExport{};
  live.regions[1].region = "eu-de";
  CHECK(drift(live, deploy_file("backup-restore")).empty());
}

TEST_CASE("CE511 fires for a region that holds the project and has no export, which is not compared") {
  Export live = agreeing();
  live.regions.pop_back();
  CHECK(drift(live) == std::vector<std::string>{"5:11 CE511 eu-de holds the project, but no export of eu-de is given: "
                                                "nothing live there is compared"});
}
