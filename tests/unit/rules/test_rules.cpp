// Every rule: a minimal file where it fires, and one where it must stay silent.
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include "catalog/catalog_loader.hpp"
#include "catalog/embedded_catalog.hpp"
#include "model/deploy_loader.hpp"
#include "rules/check.hpp"
#include "test_util.hpp"

namespace {

const ceplan::Catalog& catalog() {
  return ceplan::test::shared_catalog();
}

std::vector<ceplan::Finding> run(const std::string& text) {
  return ceplan::validate(text, "d.yaml", catalog());
}

std::vector<const ceplan::Finding*> of(const std::vector<ceplan::Finding>& findings, std::string_view id) {
  std::vector<const ceplan::Finding*> out;
  for (const auto& finding : findings) {
    if (finding.rule->id == id)
      out.push_back(&finding);
  }
  return out;
}

// A clean two-geography deployment; cases below change one thing at a time.
const std::string head = "version: 1\nproject: p\n";
const std::string two_regions = "regions: [us-south, eu-de]\n";
const std::string proxy = "failover:\n  edge_proxy: { domain: p.example.com, tls_secret: tls }\n";
const std::string tls =
    "secrets:\n  - { name: tls, source: secrets-manager, format: tls }\n  - { name: pull, format: registry }\n";
const std::string web = "apps:\n  - { name: web, image: icr.io/p/web:1, min_scale: 1, registry_secret: pull }\n";
const std::string clean = head + two_regions + proxy + web + tls;

struct Case {
  const char* rule;
  std::string fires;
  std::string quiet;
  int line;  // where the finding must point
  int column;
};

const std::vector<Case> cases{
    {"CE101", head + "regions: [us-soth, eu-de]\n" + proxy + web + tls, clean, 3, 11},
    {"CE103", head + two_regions + proxy + web + "  - { name: one, image: icr.io/p/x:1, regions: [eu-de] }\n" + tls,
     head +
         "regions:\n  - { id: us-south, role: primary }\n  - { id: eu-de, role: recovery }\n"
         "failover: { strategy: backup-restore }\napps:\n  - { name: one, image: icr.io/p/x:1, regions: [us-south] }\n",
     8, 48},
    {"CE104", head + "regions: [eu-de, eu-gb]\n" + proxy + web + tls, clean, 7, 13},
    {"CE105", head + "regions: [eu-de, eu-gb]\n" + proxy + web + tls,
     head + "regions: [eu-de, in-che]\n" + proxy + web + tls, 3, 1},
    {"CE106", head + "regions:\n  - { id: us-south, role: primary }\n  - eu-de\nfailover: { strategy: warm-standby }\n",
     head + "regions:\n  - { id: us-south, role: primary }\n  - { id: eu-de, role: standby }\n"
            "failover: { strategy: warm-standby }\n",
     3, 1},
    {"CE107", clean + "data:\n  - { name: db, region: jp-tok, cross_region_copy: true }\n",
     clean + "data:\n  - { name: db, region: eu-de, cross_region_copy: true }\n", 12, 25},
    {"CE108", clean + "configmaps:\n  - { name: c, source: file }\n  - { name: c, source: file }\n",
     clean + "configmaps:\n  - { name: c, source: file }\n  - { name: d, source: file }\n", 13, 13},
    {"CE109", head + "regions: [jp-osa, eu-de]\n" + proxy + web + tls, clean, 3, 11},
    {"CE110", head + two_regions + proxy + "apps:\n  - { name: web, image: icr.io/p/web:1, min_scale: 251 }\n" + tls,
     head + two_regions + proxy + "apps:\n  - { name: web, image: icr.io/p/web:1, min_scale: 250 }\n" + tls, 7, 52},
    // Losing either region, the other runs 2 x max scale of 1 vCPU and 4 GB instances (caps 128 vCPU, 512 GB).
    {"CE112",
     head + two_regions + proxy +
         "apps:\n  - { name: web, image: icr.io/p/web:1, min_scale: 1, max_scale: 65, registry_secret: pull }\n" + tls,
     head + two_regions + proxy +
         "apps:\n  - { name: web, image: icr.io/p/web:1, min_scale: 1, max_scale: 64, registry_secret: pull }\n" + tls,
     7, 13},
    {"CE201", head + two_regions + web, clean, 5, 13},
    {"CE202",
     head + "objectives: { rto: 1m }\n" + two_regions + proxy + web + tls,  // 60 + 3 x 5 = 75 s
     head + "objectives: { rto: 75s }\n" + two_regions + proxy + web + tls, 8, 13},
    {"CE203", head + two_regions + proxy + "apps:\n  - { name: web, image: icr.io/p/web:1 }\n" + tls, clean, 7, 13},
    {"CE204", head + "objectives: { availability: 99.999 }\n" + two_regions + proxy + web + tls,
     head + "objectives: { availability: 99.998 }\n" + two_regions + proxy + web + tls, 8, 13},
    {"CE205",
     head + "objectives: { rto: 30m }\nregions:\n  - { id: us-south, role: primary }\n"
            "  - { id: eu-de, role: recovery }\nfailover: { strategy: backup-restore }\n",
     head + "objectives: { rto: 1h }\nregions:\n  - { id: us-south, role: primary }\n"
            "  - { id: eu-de, role: recovery }\nfailover: { strategy: backup-restore }\n",
     3, 20},
    {"CE206",
     head + two_regions + "failover:\n  edge_proxy: { tls_secret: tls, health_check: { timeout: 11s } }\n" + web + tls,
     head + two_regions + "failover:\n  edge_proxy: { tls_secret: tls, health_check: { timeout: 10s } }\n" + web + tls,
     5, 59},
    {"CE207", head + two_regions + "failover:\n  edge_proxy: { domain: p.example.com }\n" + web, clean, 5, 15},
    // A warm standby behind random steering serves all the time.
    {"CE208",
     head +
         "regions:\n  - { id: us-south, role: primary }\n  - { id: eu-de, role: standby }\n"
         "failover:\n  strategy: warm-standby\n  edge_proxy: { tls_secret: tls, steering: random }\n" +
         web + tls,
     head +
         "regions:\n  - { id: us-south, role: primary }\n  - { id: eu-de, role: standby }\n"
         "failover:\n  strategy: warm-standby\n  edge_proxy: { tls_secret: tls, fallback: eu-de }\n" +
         web + tls,
     8, 44},
    {"CE301", clean + "jobs:\n  - { name: j, image: icr.io/p/j:1, schedule: '0 * * * *' }\n",
     clean + "jobs:\n  - { name: j, image: icr.io/p/j:1, schedule: '0 * * * *', idempotent: true }\n", 12, 13},
    {"CE302",
     head + two_regions + proxy +
         "apps:\n  - { name: web, image: icr.io/p/web:1, min_scale: 1, "
         "configmaps: [settings] }\n" +
         tls,
     head + two_regions + proxy +
         "apps:\n  - { name: web, image: icr.io/p/web:1, min_scale: 1, "
         "configmaps: [settings] }\n" +
         tls + "configmaps:\n  - { name: settings }\n",
     7, 68},
    {"CE303", head + two_regions + proxy + web + "secrets:\n  - { name: tls, source: manual }\n",
     head + two_regions + proxy + web + "secrets:\n  - { name: tls, source: file }\n", 9, 26},
    {"CE304",
     head + "objectives: { rpo: 15m }\n" + clean.substr(head.size()) +
         "data:\n  - { name: db, region: us-south, backup_interval: 1h, cross_region_copy: true }\n",
     head + "objectives: { rpo: 1h }\n" + clean.substr(head.size()) +
         "data:\n  - { name: db, region: us-south, backup_interval: 1h, cross_region_copy: true }\n",
     13, 52},
    {"CE305", clean + "data:\n  - { name: db, region: us-south }\n",
     head + "regions: [us-south]\napps:\n  - { name: web, image: icr.io/p/web:1 }\n"
            "data:\n  - { name: db, region: us-south }\n",
     12, 13},
    {"CE111", clean + "jobs:\n  - { name: j, image: icr.io/p/j:1, registry_secret: pull, regions: [eu-de, eu-de] }\n",
     clean + "jobs:\n  - { name: j, image: icr.io/p/j:1, registry_secret: pull, regions: [us-south, eu-de] }\n", 12,
     77},
    {"CE306", head + two_regions + proxy + "apps:\n  - { name: web, image: us.icr.io/p/web:1, min_scale: 1 }\n" + tls,
     clean, 7, 25},
    {"CE307",
     head + two_regions + proxy + "apps:\n  - { name: web, image: private.de.icr.io/p/web:1, min_scale: 1 }\n" + tls,
     head + two_regions + proxy + "apps:\n  - { name: web, image: icr.io/codeengine/hello, min_scale: 1 }\n" + tls, 7,
     25},
    {"CE308", head + two_regions + proxy + web + "secrets:\n  - { name: tls }\n  - { name: pull, format: registry }\n",
     clean, 5, 52},
    {"CE309", clean + "data:\n  - { name: db, region: us-south, cross_region_copy: true }\n",
     clean + "data:\n  - { name: db, region: us-south, backup_in: eu-de }\n", 12, 13},
    {"CE310",
     head + "regions:\n  - { id: us-south, role: primary }\n  - { id: eu-de, role: recovery }\n"
            "failover: { strategy: backup-restore }\ndata:\n  - { name: db, region: us-south }\n",
     head + "regions:\n  - { id: us-south, role: primary }\n  - { id: eu-de, role: recovery }\n"
            "failover: { strategy: backup-restore }\ndata:\n  - { name: db, region: us-south, backup_in: eu-de }\n",
     8, 13},
    {"CE312", clean + "data:\n  - { name: db, region: us-south, replica_in: eu-de }\n",
     clean + "data:\n  - { name: db, region: us-south, replica_in: eu-de, secret: tls }\n", 12, 13},
    {"CE313", clean + "jobs:\n  - { name: j, image: de.icr.io/p/j:1, registry_secret: pull }\n",
     clean + "jobs:\n  - { name: j, image: icr.io/p/j:1, registry_secret: pull }\n", 12, 23},
    {"CE314",
     clean + "jobs:\n  - { name: j, image: icr.io/p/j:1, registry_secret: pull, regions: [us-south], "
             "schedule: '0 * * * *', scheduled_in: [eu-de] }\n",
     clean + "jobs:\n  - { name: j, image: icr.io/p/j:1, registry_secret: pull, regions: [us-south], "
             "schedule: '0 * * * *', scheduled_in: [us-south] }\n",
     12, 119},
    {"CE315", clean + "data:\n  - { name: db, engine: mysql, region: us-south, replica_in: eu-de, secret: tls }\n",
     clean + "data:\n  - { name: db, engine: postgresql, region: us-south, replica_in: eu-de, secret: tls }\n", 12, 62},
    {"CE311", clean + "data:\n  - { name: db, region: us-south, backup_in: eu-de, replica_in: us-south }\n",
     clean + "data:\n  - { name: db, region: us-south, backup_in: eu-de, replica_in: eu-de }\n", 12, 65},
};

}  // namespace

TEST_CASE("the clean baseline has no findings") {
  CHECK(run(clean).empty());
}

TEST_CASE("each rule fires where it should, at the node that causes it, and is silent otherwise") {
  for (const Case& c : cases) {
    INFO("rule " << c.rule);
    const auto findings = run(c.fires);
    const auto fired = of(findings, c.rule);
    REQUIRE(fired.size() >= 1);
    CHECK(fired.front()->location.line == c.line);
    CHECK(fired.front()->location.column == c.column);
    CHECK_FALSE(fired.front()->message.empty());
    CHECK_FALSE(fired.front()->fix.empty());
    CHECK(of(run(c.quiet), c.rule).empty());
  }
}

TEST_CASE("CE102 fires for a region that is not an MZR") {
  const auto szr = ceplan::load_catalog(
      "schema: ceplan.catalog/v1\nsla: 99.9\nbackup_endpoints: [X]\nregions:\n"
      "  - { id: mzr-1, name: M, geography: G, availability: MZR, zones: [a, b, c], backup_endpoint: X }\n"
      "  - { id: szr-1, name: S, geography: G, availability: SZR, zones: [d], backup_endpoint: X }\n",
      "c.yaml");
  const auto fired = ceplan::validate(head + "regions: [mzr-1, szr-1]\n", "d.yaml", szr);  // kept alive
  const auto ce102 = of(fired, "CE102");
  REQUIRE(ce102.size() == 1);
  // Another region of the project is an MZR: a zone failure stops only what runs in szr-1.
  CHECK(ce102.front()->message ==
        "region 'szr-1' is not a multizone region: a zone failure takes down what runs "
        "there, and only the project's multizone regions keep serving");
  const auto alone = ceplan::validate(head + "regions: [szr-1]\n", "d.yaml", szr);
  REQUIRE(of(alone, "CE102").size() == 1);
  CHECK(of(alone, "CE102").front()->message ==
        "region 'szr-1' is not a multizone region: a zone failure takes the project down");
  CHECK(of(ceplan::validate(head + "regions: [mzr-1]\n", "d.yaml", szr), "CE102").empty());
}

TEST_CASE("CE103 is an error once an RTO is set") {
  const auto single = run(head + "regions: [us-south]\napps:\n  - { name: a, image: icr.io/p/a:1 }\n");
  const auto warning = of(single, "CE103");
  REQUIRE(warning.size() == 1);
  CHECK(warning.front()->severity == ceplan::Severity::warning);
  const auto with_rto = run(head + "objectives: { rto: 1h }\nregions: [us-south]\napps:\n  - { name: a, image: i }\n");
  const auto error = of(with_rto, "CE103");
  REQUIRE(error.size() == 1);
  CHECK(error.front()->severity == ceplan::Severity::error);
}

TEST_CASE("messages name the object concerned") {
  const auto findings = run(clean + "jobs:\n  - { name: nightly, image: icr.io/p/j:1, schedule: '0 2 * * *' }\n");
  const auto ce301 = of(findings, "CE301");
  REQUIRE(ce301.size() == 1);
  CHECK(ce301.front()->message ==
        "job 'nightly' is scheduled in us-south and eu-de: each run happens 2 times, and the job is not idempotent");
  CHECK(ce301.front()->fix == "set scheduled_in: [us-south], or mark the job idempotent: true");
}

TEST_CASE("the warm-standby acceptance figure: 15s interval, 1 retry, 5s timeout, proxied, min scale 1") {
  const std::string file = head +
                           "objectives: { rto: 25s }\nregions:\n  - { id: us-south, role: primary }\n"
                           "  - { id: eu-de, role: standby }\nfailover:\n  strategy: warm-standby\n"
                           "  edge_proxy: { tls_secret: tls, health_check: { interval: 15s, retries: 1, "
                           "timeout: 5s } }\n" +
                           web + tls;
  CHECK(run(file).empty());  // 25 s is within an RTO of 25 s
}

TEST_CASE("rule selection disables rules or runs only some") {
  const std::string file = head + two_regions + web;  // fires CE201: no edge proxy
  CHECK(of(ceplan::validate(file, "d.yaml", catalog(), {{"CE201"}, {}}), "CE201").empty());
  const auto only = ceplan::validate(head + "regions: [us-soth, eu-de]\n" + web, "d.yaml", catalog(), {{}, {"CE101"}});
  REQUIRE(only.size() == 1);
  CHECK(only.front().rule->id == "CE101");
}

TEST_CASE("a region the catalog does not know is reported once, not echoed by every rule") {
  const auto findings = run(head +
                            "regions:\n  - { id: us-south, role: primary }\n  - { id: eu-frankfurt, role: standby }\n"
                            "failover: { strategy: warm-standby, edge_proxy: { domain: p.example.com, tls_secret: tls "
                            "} }\napps:\n  - { name: web, image: us.icr.io/p/web:1, min_scale: 1, registry_secret: "
                            "pull }\n" +
                            tls);
  REQUIRE(of(findings, "CE101").size() == 1);
  CHECK(of(findings, "CE101").front()->message ==
        "region 'eu-frankfurt' is not a Code Engine region in the catalog; did you mean 'eu-de' (Frankfurt)?");
  for (const auto& finding : findings) {
    const bool about_it = finding.message.find("eu-frankfurt") != std::string::npos;
    CHECK((!about_it || finding.rule->id == std::string_view("CE101")));
  }
  // With the region fixed, the registry finding it hid is there.
  CHECK(of(run(head +
               "regions:\n  - { id: us-south, role: primary }\n  - { id: eu-de, role: standby }\n"
               "failover: { strategy: warm-standby, edge_proxy: { domain: p.example.com, tls_secret: tls } }\n"
               "apps:\n  - { name: web, image: us.icr.io/p/web:1, min_scale: 1, registry_secret: pull }\n" +
               tls),
           "CE306")
            .size() == 1);
}

TEST_CASE("findings come sorted by location") {
  const auto findings =
      run(std::string("version: 1\nproject: p\nregions: [us-soth, jp-osa]\n"
                      "apps:\n  - { name: a, image: jp2.icr.io/p/a:1 }\n"));
  REQUIRE(findings.size() >= 3);
  for (std::size_t i = 1; i < findings.size(); ++i) {
    CHECK(std::make_pair(findings[i - 1].location.line, findings[i - 1].location.column) <=
          std::make_pair(findings[i].location.line, findings[i].location.column));
  }
}

TEST_CASE("CE110 counts the instances every app keeps running in each region's project") {
  std::string apps = "apps:\n";
  for (int i = 0; i < 2; ++i) {
    apps += fmt::format("  - {{ name: a{}, image: icr.io/p/a:1, registry_secret: pull, min_scale: 126 }}\n", i);
  }
  const auto findings = run(head + two_regions + proxy + apps + tls);
  const auto fired = of(findings, "CE110");
  REQUIRE(fired.size() == 1);
  CHECK(fired.front()->message ==
        "project 'p' in us-south keeps 252 app instances running (the sum of min_scale); Code Engine allows 250 "
        "active instances per project");
}

TEST_CASE("a warm standby whose images all live in us-east's icr.io cannot take over") {
  const std::string file = head +
                           "regions:\n  - { id: us-east, role: primary }\n  - { id: eu-gb, role: standby }\n"
                           "failover:\n  strategy: warm-standby\n  edge_proxy: { tls_secret: tls }\n" +
                           web + "jobs:\n  - { name: j, image: icr.io/p/j:1, registry_secret: pull }\n" + tls;
  const auto findings = run(file);
  const auto fired = of(findings, "CE306");
  REQUIRE(fired.size() == 2);  // the app and the job
  CHECK(fired[0]->message ==
        "app 'web' would take over in eu-gb but pulls icr.io/p/web:1 from icr.io, a registry in us-east; IBM does "
        "not replicate images, so losing us-east stops it there too");
  // Pulling from London's own registry in London satisfies it.
  const std::string local = head +
                            "regions:\n  - { id: us-east, role: primary }\n  - { id: eu-gb, role: standby }\n"
                            "failover:\n  strategy: warm-standby\n  edge_proxy: { tls_secret: tls }\n"
                            "apps:\n  - { name: web, image: icr.io/p/web:1, min_scale: 1, registry_secret: pull,\n"
                            "      regions: { us-east: {}, eu-gb: { image: private.uk.icr.io/p/web:1 } } }\n" +
                            tls;
  CHECK(of(run(local), "CE306").empty());
  // A recovery region is re-created from its `restore` entry; an unknown region there is CE101.
  const std::string cold = head +
                           "regions:\n  - { id: us-east, role: primary }\n  - { id: eu-gb, role: recovery }\n"
                           "failover: { strategy: backup-restore }\n"
                           "apps:\n  - { name: web, image: icr.io/p/web:1, regions: [us-east], registry_secret: pull";
  CHECK(of(run(cold + " }\n" + tls), "CE306").size() == 1);
  CHECK(of(run(cold + ", restore: { eu-gb: { image: uk.icr.io/p/web:1 } } }\n" + tls), "CE306").empty());
  const auto misspelt = run(cold + ", restore: { eu-gbb: { image: uk.icr.io/p/web:1 } } }\n" + tls);
  const auto unknown = of(misspelt, "CE101");
  REQUIRE(unknown.size() == 1);
  CHECK(unknown.front()->message ==
        "region 'eu-gbb' under 'restore' of app 'web' is not a Code Engine region in the "
        "catalog; did you mean 'eu-gb' (London)?");
}

TEST_CASE("CE306 knows legacy domains and the standby a pilot light re-creates apps in") {
  const std::string file = head +
                           "regions:\n  - { id: us-south, role: primary }\n  - { id: ca-tor, role: standby }\n"
                           "failover: { strategy: pilot-light }\n"
                           "apps:\n  - { name: web, image: registry.ng.bluemix.net/p/web:1, registry_secret: pull }\n" +
                           tls;
  const auto findings = run(file);
  const auto fired = of(findings, "CE306");
  REQUIRE(fired.size() == 1);
  CHECK_THAT(fired.front()->message, Catch::Contains("take over in ca-tor"));
}

TEST_CASE("default placement follows the strategy: no false CE201 under backup-restore") {
  const std::string file = head +
                           "regions:\n  - { id: us-south, role: primary }\n  - { id: eu-de, role: recovery }\n"
                           "failover: { strategy: backup-restore }\n" +
                           web + tls;
  const auto findings = run(file);
  CHECK(of(findings, "CE201").empty());
  CHECK(of(findings, "CE103").empty());
}

TEST_CASE("CE202 counts the data that must be restored in the lost region") {
  const std::string file = head +
                           "objectives: { rto: 1m }\nregions:\n  - { id: us-east, role: primary }\n"
                           "  - { id: eu-gb, role: standby }\nfailover:\n  strategy: warm-standby\n"
                           "  edge_proxy: { tls_secret: tls, health_check: { interval: 15s, retries: 1 } }\n" +
                           web + tls + "data:\n  - { name: ledger, region: us-east, backup_in: eu-gb }\n";
  const auto findings = run(file);
  const auto fired = of(findings, "CE202");
  REQUIRE(fired.size() == 1);
  CHECK(fired.front()->message ==
        "app 'web' fails over in up to 1h15m25s (detection 25s + propagation 0s + warm-up 0s + data 1h + human 15m), "
        "beyond the RTO of 1m");
  CHECK_THAT(fired.front()->fix, Catch::StartsWith("the data term dominates: keep a live replica"));
}

TEST_CASE("CE203 is about the app the domain maps to, not its backends") {
  const std::string file = head + two_regions +
                           "failover:\n  edge_proxy: { domain: p.example.com, tls_secret: tls, target: web }\n" + web +
                           "  - { name: backend, image: icr.io/p/b:1, registry_secret: pull }\n" + tls;
  CHECK(of(run(file), "CE203").empty());
}

TEST_CASE("CE204: one region behind the proxy is never better than two") {
  const std::string target = "objectives: { availability: 99.99 }\n";
  const auto one = run(head + target + "regions: [us-south]\n" + proxy + web + tls);
  const auto two = run(head + target + two_regions + proxy + web + tls);
  CHECK(of(one, "CE204").size() == 1);
  CHECK(of(two, "CE204").empty());
}

TEST_CASE("CE308 also checks registry secrets, and CE206 the Standard Next pool limit") {
  const std::string generic_pull =
      head + two_regions + proxy + web + "secrets:\n  - { name: tls, format: tls }\n  - { name: pull }\n";
  const auto findings = run(generic_pull);
  const auto fired = of(findings, "CE308");
  REQUIRE(fired.size() == 1);
  CHECK(fired.front()->message == "registry_secret 'pull' is a secret of format generic, not registry");
  const std::string four = head + "regions: [us-south, us-east, eu-de, eu-gb]\n" +
                           "failover:\n  edge_proxy: { domain: p.example.com, tls_secret: tls, plan: standard-next,\n"
                           "    health_check: { interval: 60s } }\n" +
                           web + tls;
  const auto pools = run(four);
  const auto ce206 = of(pools, "CE206");
  REQUIRE(ce206.size() == 1);
  CHECK(ce206.front()->message == "app 'web' needs 4 origin pools, one per region; the Standard Next plan allows 3");
}

TEST_CASE("the first 100 dangling references get a suggestion, so thousands stay cheap") {
  std::string refs;
  for (int i = 0; i < 101; ++i) refs += fmt::format("{}tl{}", i == 0 ? "" : ", ", i);
  const auto findings = run(head + two_regions + proxy +
                            "apps:\n  - { name: web, image: icr.io/p/web:1, min_scale: 1, "
                            "registry_secret: pull, secrets: [" +
                            refs + "] }\n" + tls);
  const auto dangling = of(findings, "CE302");
  REQUIRE(dangling.size() == 101);
  CHECK(dangling[0]->message ==
        "app 'web' uses secret 'tl0', which is not declared under secrets; did you mean 'tls'?");
  CHECK(dangling[100]->message == "app 'web' uses secret 'tl100', which is not declared under secrets");
}

TEST_CASE("a secret declared twice is looked up as its first declaration") {
  const auto deployment = ceplan::load_deployment(
      head + two_regions + "secrets:\n  - { name: s, format: tls }\n  - { name: s, format: generic }\n", "d.yaml");
  REQUIRE(deployment.secret("s") != nullptr);
  CHECK(deployment.secret("s")->format == "tls");
  CHECK(deployment.secret("t") == nullptr);
}

TEST_CASE("CE202 counts the data and the decision before it, and its fix names the term that dominates") {
  const std::string data = "data:\n  - { name: db, region: us-south, replica_in: eu-de }\n";
  const auto slow_findings = run(head + "objectives: { rto: 20m }\n" + two_regions + proxy + web + tls + data);
  const auto slow = of(slow_findings, "CE202");
  REQUIRE(slow.size() == 1);
  CHECK(slow[0]->message ==
        "app 'web' fails over in up to 26m15s (detection 1m15s + propagation 0s + warm-up 0s + data 10m + human 15m), "
        "beyond the RTO of 20m");
  CHECK(slow[0]->fix ==
        "the decision dominates: pre-approve the data step in the runbook and lower objectives.decision_time, or "
        "keep the data where no manual step is needed");
  const auto detection_findings = run(head + "objectives: { rto: 1m }\n" + two_regions + proxy + web + tls);
  const auto detection = of(detection_findings, "CE202");
  REQUIRE(detection.size() == 1);
  CHECK(detection[0]->fix == "detection dominates: shorten the health-check interval, retries or timeout");
  const auto quick = run(head + "objectives: { rto: 27m }\n" + two_regions + proxy + web + tls + data);
  CHECK(of(quick, "CE202").empty());
}

TEST_CASE("CE208: a fallback pool in the region failover leaves first, or under random steering") {
  const std::string regions = "regions:\n  - { id: us-south, role: primary }\n  - { id: eu-de, role: standby }\n";
  const auto first = run(head + regions +
                         "failover:\n  strategy: warm-standby\n  edge_proxy: { tls_secret: tls, "
                         "fallback: us-south }\n" +
                         web + tls);
  const auto fired = of(first, "CE208");
  REQUIRE(fired.size() == 1);
  CHECK(fired[0]->message ==
        "the fallback pool is in us-south, the region failover steering leaves first: once "
        "us-south is lost, CIS sends traffic there whenever the pool that took over is unhealthy");
  CHECK(fired[0]->location.line == 8);
  const auto random =
      run(head + two_regions + "failover:\n  edge_proxy: { tls_secret: tls, fallback: eu-de }\n" + web + tls);
  const auto under_random = of(random, "CE208");
  REQUIRE(under_random.size() == 1);
  CHECK(under_random[0]->message ==
        "under random steering the fallback pool of eu-de takes traffic even while the other pools are healthy");
  const auto elsewhere = run(head + two_regions +
                             "failover:\n  edge_proxy: { tls_secret: tls, steering: failover, "
                             "fallback: jp-tok }\n" +
                             web + tls);
  const auto outside = of(elsewhere, "CE107");
  REQUIRE(outside.size() == 1);
  CHECK(outside[0]->message == "edge proxy 'edge_proxy' names region 'jp-tok', which the project does not list");
}

TEST_CASE("CE313 allows one registry secret per region's project to log in to that region's registry") {
  const std::string per_region =
      head + two_regions + proxy +
      "apps:\n  - { name: web, image: icr.io/p/web:1, min_scale: 1, registry_secret: pull, regions: { us-south: "
      "{ image: us.icr.io/p/web:1 }, eu-de: { image: de.icr.io/p/web:1 } } }\n" +
      tls;
  CHECK(of(run(per_region), "CE313").empty());
  const auto mixed = run(clean + "jobs:\n  - { name: j, image: de.icr.io/p/j:1, registry_secret: pull }\n");
  const auto fired = of(mixed, "CE313");
  REQUIRE(fired.size() == 1);
  CHECK(fired[0]->message ==
        "registry secret 'pull' serves icr.io (app 'web') and de.icr.io (job 'j') in "
        "us-south: a registry secret logs in to one server, so one of them cannot pull");
}
