// The draft `ceplan import ce-export` writes: a deploy file that loads, what differs per region
// under `regions`, schedules with their regions, and TODO lines for what the export cannot say.
#include <catch2/catch.hpp>

#include "model/deploy_loader.hpp"
#include "render/export_draft.hpp"
#include "test_util.hpp"

namespace {

using namespace ceplan::live;

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

Export two_regions() {
  Export live;
  for (const char* id : {"us-south", "eu-de"}) {
    RegionExport r;
    r.region = id;
    r.directory = std::string("export/") + id;
    const std::string file = r.directory + "/all.json";
    const bool primary = r.region == "us-south";
    r.apps.push_back(App{Object{"web", file, "$.items[0]"},
                         primary ? "us.icr.io/p/web:1" : "de.icr.io/p/web:1",
                         primary ? 2 : 0,
                         10,
                         {"db"},
                         {"settings"},
                         {"pull"},
                         3000});
    r.jobs.push_back(Object{"nightly", file, "$.items[1]"});
    r.secrets = {Secret{Object{"db", file, "$.items[2]"}, "Opaque"},
                 Secret{Object{"pull", file, "$.items[3]"}, "kubernetes.io/dockerconfigjson"}};
    r.configmaps.push_back(Object{"settings", file, "$.items[4]"});
    r.domain_mappings.push_back(Object{"p.example.com", file, "$.items[5]"});
    if (primary)
      r.crons.push_back(Cron{Object{"nightly-cron", file, "$.items[6]"}, "0 2 * * *", "Europe/Berlin", "", ""});
    live.regions.push_back(r);
  }
  return live;
}

}  // namespace

TEST_CASE("an export's draft loads, with per-region images and scale and each secret by name") {
  const std::string draft = ceplan::render::export_draft(two_regions(), "p");
  const auto d = ceplan::load_deployment(draft, "draft.yaml");
  CHECK(d.project == "p");
  REQUIRE(d.apps.size() == 1);
  CHECK(d.apps[0].image_in("eu-de").name == "de.icr.io/p/web:1");
  CHECK(d.apps[0].min_scale_in("us-south").value == 2);
  CHECK(d.apps[0].min_scale_in("eu-de").value == 0);
  CHECK(d.apps[0].registry_secret->name == "pull");
  CHECK(d.apps[0].port->value == 3000);
  CHECK(d.secret("pull")->format == "registry");
  CHECK(d.secret("db")->format.empty());
  CHECK(d.configmaps.size() == 1);
  CHECK(has(draft, "# TODO format: generic, basic_auth, hmac, registry, ssh or tls (its Kubernetes type is 'Opaque')"));
  CHECK(has(draft, "# TODO failover.edge_proxy: domain p.example.com is mapped in us-south, eu-de"));
}

TEST_CASE("an export's jobs are drafted as comments to complete, with their schedule's regions") {
  const std::string draft = ceplan::render::export_draft(two_regions(), "");
  CHECK(has(draft, "project: TODO\n# TODO project: the export does not name its project"));
  CHECK(has(draft,
            "#   - name: nightly  # export/us-south/all.json $.items[1]\n#     image: IMAGE\n"
            "#     schedule: \"0 2 * * *\"\n#     time_zone: Europe/Berlin\n#     scheduled_in: [us-south]\n"));
  CHECK(has(draft, "#     regions: [us-south, eu-de]"));
}

TEST_CASE("a cron that fires no exported job is a TODO, and an app's subscription is left alone") {
  Export live = two_regions();
  live.regions[1].crons.push_back(Cron{Object{"weekly", "e.json", "$"}, "0 6 * * 1", "", "JobDefinition", "report"});
  live.regions[1].crons.push_back(Cron{Object{"ping", "e.json", "$"}, "* * * * *", "", "Service", "web"});
  const std::string draft = ceplan::render::export_draft(live, "p");
  CHECK(has(draft, "# TODO cron subscription weekly in eu-de (e.json $) fires no job of the export"));
  CHECK_FALSE(has(draft, "ping"));
}

TEST_CASE("an empty export has nothing to draft") {
  CHECK(ceplan::test::errors_of([] { (void)ceplan::render::export_draft({}, "p"); }) ==
        std::vector<std::string>{"error: no export to import: give a directory per region"});
}
