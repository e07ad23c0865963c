#include <fmt/format.h>
#include <catch2/catch.hpp>

#include "model/deploy_loader.hpp"
#include "model/deploy_schema.hpp"
#include "test_util.hpp"

using ceplan::load_deployment;
using ceplan::test::errors_of;
using Lines = std::vector<std::string>;

namespace {

Lines load_errors(const std::string& text) {
  return errors_of([&] { (void)load_deployment(text, "d.yaml"); });
}

std::vector<std::string> names(const std::vector<ceplan::Ref>& refs) {
  std::vector<std::string> out;
  for (const auto& ref : refs) out.push_back(ref.name);
  return out;
}

const std::string full = R"(version: 1
project: shop
objectives:
  availability: "99.95%"
  rto: 1h30m
  rpo: 1h
regions:
  - { id: us-south, role: primary }
  - { id: ca-tor,   role: standby }
failover:
  strategy: warm-standby
  edge_proxy:
    service: cis
    domain: shop.example.com
    proxied: false
    ttl: 90s
    sla: 99.95
    plan: standard-next
    tls_secret: shop-tls
    health_check: { path: /healthz, interval: 15s, retries: 1, timeout: 4s }
  standby_warmup: 45s
apps:
  - name: frontend
    image: icr.io/shop/frontend:1.4
    min_scale: 2
    secrets: [db-creds]
    configmaps: [settings]
  - name: admin
    image: icr.io/shop/admin:1
    regions: [us-south]
jobs:
  - name: nightly-report
    image: icr.io/shop/report:2.0
    schedule: "0 2 * * *"
    idempotent: true
  - name: adhoc
    image: icr.io/shop/adhoc:1
secrets:
  - { name: db-creds, source: secrets-manager }
  - { name: shop-tls, source: manual, format: tls }
configmaps:
  - { name: settings, source: file }
data:
  - { name: orders-db, region: us-south, backup_interval: 1h, cross_region_copy: true }
)";

}  // namespace

TEST_CASE("every field of a deploy file is read") {
  const auto d = load_deployment(full, "d.yaml");
  CHECK(d.project == "shop");
  CHECK(d.objectives.availability == 99.95);
  CHECK(d.objectives.rto == 5400);
  CHECK(d.objectives.rpo == 3600);
  CHECK(d.objectives.rto_location.line == 5);
  REQUIRE(d.regions.size() == 2);
  CHECK(d.regions[1].id.name == "ca-tor");
  CHECK(d.regions[1].role == ceplan::Role::standby);
  CHECK(d.failover.strategy == ceplan::Strategy::warm_standby);
  CHECK(d.failover.standby_warmup.value == 45);
  REQUIRE(d.failover.edge_proxy);
  const auto& proxy = *d.failover.edge_proxy;
  CHECK(proxy.domain == "shop.example.com");
  CHECK_FALSE(proxy.proxied);
  CHECK(proxy.ttl.value == 90);
  CHECK(proxy.sla == 99.95);
  CHECK(proxy.plan->name == "standard-next");
  CHECK(proxy.tls_secret->name == "shop-tls");
  CHECK(proxy.health_check.path == "/healthz");
  CHECK(proxy.health_check.interval.value == 15);
  CHECK(proxy.health_check.retries.value == 1);
  CHECK(proxy.health_check.timeout.value == 4);
  REQUIRE(d.apps.size() == 2);
  CHECK(d.apps[0].min_scale.value == 2);
  CHECK(names(d.apps[0].secrets) == Lines{"db-creds"});
  CHECK(names(d.apps[0].configmaps) == Lines{"settings"});
  CHECK(d.secrets[1].source == ceplan::Source::manual);
  CHECK(d.secrets[1].format == "tls");
  CHECK(d.configmaps[0].source == ceplan::Source::file);
  REQUIRE(d.data.size() == 1);
  CHECK(d.data[0].region.name == "us-south");
  CHECK(d.data[0].backup_interval->value == 3600);
  CHECK(d.data[0].cross_region_copy);
}

TEST_CASE("defaults follow docs/deploy-file.md") {
  const auto d = load_deployment(full, "d.yaml");
  // Apps and jobs run in every project region unless told otherwise.
  CHECK(names(d.apps[0].regions) == Lines{"us-south", "ca-tor"});
  CHECK_FALSE(d.apps[0].regions_given);
  CHECK(names(d.apps[1].regions) == Lines{"us-south"});
  CHECK(d.apps[1].min_scale.value == 0);
  // Under warm-standby a schedule is live in the primary only.
  CHECK(names(d.jobs[0].scheduled_in) == Lines{"us-south"});
  CHECK(d.jobs[0].idempotent);
  CHECK(d.jobs[1].scheduled_in.empty());
  CHECK_FALSE(d.jobs[1].idempotent);

  const auto minimal = load_deployment(
      "version: 1\nproject: p\nregions: [us-south, eu-de]\njobs:\n  - { name: j, image: i, schedule: '* * * * *' }\n",
      "d.yaml");
  CHECK(minimal.failover.strategy == ceplan::Strategy::active_active);
  CHECK_FALSE(minimal.failover.edge_proxy);
  CHECK(minimal.failover.standby_warmup.value == 30);
  CHECK(minimal.regions[0].role == ceplan::Role::none);
  // Under active-active a schedule is live in every region of the job.
  CHECK(names(minimal.jobs[0].scheduled_in) == Lines{"us-south", "eu-de"});

  const auto proxy = load_deployment(
      "version: 1\nproject: p\nregions: [us-south]\nfailover:\n  edge_proxy: { domain: x.example.com }\n", "d.yaml");
  CHECK(proxy.failover.edge_proxy->proxied);
  CHECK(proxy.failover.edge_proxy->ttl.value == 60);
  CHECK(proxy.failover.edge_proxy->sla == 99.999);
  CHECK(proxy.failover.edge_proxy->health_check.interval.value == 60);
  CHECK(proxy.failover.edge_proxy->health_check.retries.value == 2);
  CHECK(proxy.failover.edge_proxy->health_check.timeout.value == 5);
}

TEST_CASE("input errors are pinned with message and location") {
  const std::string head = "version: 1\nproject: p\n";
  CHECK(load_errors(head + "regoins: [us-south]\n") ==
        Lines{"d.yaml:3:1: error: unknown key 'regoins' in the deploy file; did you mean 'regions'?"});
  CHECK(load_errors(head + "zones: [us-south]\n") ==
        Lines{"d.yaml:1:1: error: the deploy file is missing required key 'regions'",
              "d.yaml:3:1: error: unknown key 'zones' in the deploy file"});
  CHECK(load_errors(head + "regions: [us-south]\nproject: q\n") ==
        Lines{"d.yaml:4:1: error: duplicate key 'project' (first at line 2)"});
  // A duplicate key leaves the tree whole (the first one counts): the rest of the file is still read.
  CHECK(load_errors(head + "project: q\nregions: [us-south]\napps:\n  - { name: A, image: i }\n") ==
        Lines{"d.yaml:3:1: error: duplicate key 'project' (first at line 2)",
              "d.yaml:6:13: error: 'name' must be a Code Engine name: lower-case letters, digits and '-', starting "
              "with a letter, ending with a letter or digit, at most 63 characters, not 'A'"});
  // An invalid schedule is one problem, not also a missing one.
  CHECK(
      load_errors(head +
                  "regions: [us-south]\njobs:\n  - { name: j, image: i, schedule: bad, scheduled_in: [us-south] }\n") ==
      Lines{"d.yaml:5:36: error: 'schedule' must be a cron schedule of five fields, minute 0-59, hour 0-23, day "
            "1-31, month 1-12 or JAN-DEC, weekday 0-6 or SUN-SAT, such as '0 2 * * *', not 'bad'"});
  CHECK(load_errors("version: 2\nproject: p\nregions: [us-south]\n") ==
        Lines{"d.yaml:1:10: error: unsupported version 2; this ceplan reads version 1"});
  CHECK(load_errors("version: one\nproject: p\nregions: [us-south]\n") ==
        Lines{"d.yaml:1:10: error: 'version' must be a whole number, not 'one'"});
  CHECK(load_errors(head + "regions: []\n") == Lines{"d.yaml:3:10: error: 'regions' must list at least one region"});
  CHECK(load_errors(head + "regions: us-south\n") ==
        Lines{"d.yaml:3:10: error: 'regions' must be a sequence, not a scalar"});
  CHECK(load_errors(head + "regions:\n  - { id: us-south, role: primray }\n") ==
        Lines{"d.yaml:4:27: error: 'role' must be one of primary, standby, active, recovery, not 'primray'; "
              "did you mean 'primary'?"});
  CHECK(load_errors(head + "regions: [us-south]\nobjectives: { rto: 15, rpo: soon, availability: 101 }\n") ==
        Lines{"d.yaml:4:20: error: 'rto' must be a duration such as 90s, 15m, 4h, 1d or 1h30m, not '15'",
              "d.yaml:4:29: error: 'rpo' must be a duration such as 90s, 15m, 4h, 1d or 1h30m, not 'soon'",
              "d.yaml:4:49: error: 'availability' must be above 0 and at most 100, not 101"});
  CHECK(load_errors(head + "regions: [us-south]\nfailover: { strategy: hot-standby }\n") ==
        Lines{"d.yaml:4:23: error: 'strategy' must be one of active-active, warm-standby, pilot-light, "
              "backup-restore, not 'hot-standby'"});
  CHECK(load_errors(head + "regions: [us-south]\napps:\n  - { image: x, min_scale: -1, regions: [1, [2]] }\n") ==
        Lines{"d.yaml:5:5: error: an app is missing required key 'name'",
              "d.yaml:5:28: error: 'min_scale' must be between 0 and 1000000, not -1",
              "d.yaml:5:42: error: an item of 'regions' must be a string, not the number 1; quote it: '1'",
              "d.yaml:5:45: error: an item of 'regions' must be a string, not a sequence"});
  CHECK(load_errors(head + "regions: [us-south]\njobs:\n  - { name: j, image: i, scheduled_in: [us-south] }\n") ==
        Lines{"d.yaml:5:40: error: job 'j' has 'scheduled_in' but no 'schedule'"});
  CHECK(load_errors(head + "regions: [us-south]\nsecrets:\n  - { name: s, source: vault, format: pem }\n") ==
        Lines{"d.yaml:5:24: error: 'source' must be one of secrets-manager, file, manual, not 'vault'",
              "d.yaml:5:39: error: 'format' must be one of generic, basic_auth, hmac, registry, ssh, tls, not 'pem'"});
  CHECK(load_errors(head + "regions: [us-south]\ndata:\n  - { name: db, cross_region_copy: yes }\n") ==
        Lines{"d.yaml:5:5: error: a data store is missing required key 'region'",
              "d.yaml:5:36: error: 'cross_region_copy' must be true or false, not 'yes'"});
  CHECK(load_errors(head + "regions: [us-south]\nfailover:\n  edge_proxy: { proxied: 1, helth_check: {} }\n") ==
        Lines{"d.yaml:5:26: error: 'proxied' must be true or false, not '1'",
              "d.yaml:5:29: error: unknown key 'helth_check' in 'edge_proxy'; did you mean 'health_check'?"});
  CHECK(load_errors("") ==
        Lines{"d.yaml:1:1: error: the deploy file is empty; it needs at least 'version', 'project' and 'regions'"});
  CHECK(load_errors("[1, 2]\n") == Lines{"d.yaml:1:1: error: the deploy file must be a mapping, not a sequence"});
  CHECK(load_errors(head + "regions: [us-south]\n---\nversion: 1\n") ==
        Lines{"d.yaml:4:1: error: a second YAML document is not allowed; the file must hold exactly one"});
  CHECK(load_errors(head + "regions: [us-south\n") == Lines{"d.yaml:4:1: error: end of sequence flow not found"});
}

TEST_CASE("strings are never empty, as the schema's minLength says") {
  CHECK(load_errors("version: 1\nproject: ''\nregions: ['']\napps:\n  - { name: w, image: i, secrets: [''] }\n") ==
        Lines{"d.yaml:2:10: error: 'project' must not be empty",
              "d.yaml:3:11: error: an item of 'regions' must not be empty",
              "d.yaml:5:36: error: an item of 'secrets' must not be empty"});
}

TEST_CASE("bounds come from the deploy-file table") {
  const auto& retries = ceplan::schema::field("health_check", "retries");
  const std::string file = fmt::format(
      "version: 1\nproject: p\nregions: [us-south]\nfailover:\n  edge_proxy: {{ health_check: {{ retries: {} }} }}\n",
      *retries.max + 1);
  CHECK(load_errors(file) == Lines{fmt::format("d.yaml:5:42: error: 'retries' must be between {} and {}, not {}",
                                               *retries.min, *retries.max, *retries.max + 1)});
}

TEST_CASE("names, images, schedules and app regions Code Engine would reject are input errors") {
  const std::string head = "version: 1\nproject: p\nregions: [us-south]\n";
  CHECK(load_errors(head + "apps:\n  - { name: Web_App, image: 'my image', regions: [] }\n") ==
        Lines{"d.yaml:5:13: error: 'name' must be a Code Engine name: lower-case letters, digits and '-', starting "
              "with a letter, ending with a letter or digit, at most 63 characters, not 'Web_App'",
              "d.yaml:5:29: error: 'image' must be an image reference such as icr.io/namespace/app:1.0, not 'my image'",
              "d.yaml:5:50: error: 'regions' must list at least one region"});
  CHECK(load_errors(head + "jobs:\n  - { name: j, image: i, schedule: every day at noon }\n") ==
        Lines{"d.yaml:5:36: error: 'schedule' must be a cron schedule of five fields, minute 0-59, hour 0-23, day "
              "1-31, month 1-12 or JAN-DEC, weekday 0-6 or SUN-SAT, such as '0 2 * * *', not 'every day at noon'"});
  CHECK(load_errors(head + "jobs:\n  - { name: j, image: i, schedule: '0 25 * * *' }\n") ==
        Lines{"d.yaml:5:36: error: 'schedule' must be a cron schedule of five fields, minute 0-59, hour 0-23, day "
              "1-31, month 1-12 or JAN-DEC, weekday 0-6 or SUN-SAT, such as '0 2 * * *', not '0 25 * * *'"});
  CHECK(load_errors(head + "secrets:\n  - { name: '-x' }\n") ==
        Lines{"d.yaml:5:13: error: 'name' must be lower-case letters, digits, '-' and '.', starting and ending with a "
              "letter or digit, at most 253 characters, not '-x'"});
}

TEST_CASE("an app with no region is an error, with its name") {
  CHECK(load_errors("version: 1\nproject: p\nregions: [us-south]\napps:\n  - { name: web, image: i, regions: {} }\n") ==
        Lines{"d.yaml:5:37: error: 'regions' of 'web' must list at least one region"});
}

TEST_CASE("escaped control characters never reach commands or reports") {
  CHECK(load_errors("version: 1\nproject: \"p\\n::warning file=x::y\"\nregions: [us-south]\n") ==
        Lines{"d.yaml:2:10: error: 'project' must not contain control characters (a newline, a tab, an escape) or "
              "invisible format characters (a bidi override, a zero-width space)"});
  // C1 controls, a bidi override (U+202E) and the line separator (U+2028) are refused as well.
  for (const char* value : {"p\\u009b31m", "p\\u202egnp.exe", "p\\u2028q", "p\\u200bq"}) {
    INFO(value);
    CHECK(load_errors(fmt::format("version: 1\nproject: \"{}\"\nregions: [us-south]\n", value)) ==
          Lines{"d.yaml:2:10: error: 'project' must not contain control characters (a newline, a tab, an escape) or "
                "invisible format characters (a bidi override, a zero-width space)"});
  }
}

TEST_CASE("a project name follows IBM's rules: no shell characters, but spaces and any script") {
  const std::string project_rule =
      "'project' must be a Code Engine project name: letters and digits of any script, spaces, '.', ':', '_' and "
      "'-', not starting with '-', at most 128 characters";
  CHECK(load_errors("version: 1\nproject: 'shop$(id>pwned)'\nregions: [us-south]\n") ==
        Lines{"d.yaml:2:10: error: " + project_rule + ", not 'shop$(id>pwned)'"});
  CHECK(load_errors("version: 1\nproject: 'a\"b'\nregions: [us-south]\n") ==
        Lines{"d.yaml:2:10: error: " + project_rule + ", not 'a\"b'"});
  CHECK(
      load_deployment("version: 1\nproject: 'Zahlungen Prod: Ä.ö_ü-1 支付'\nregions: [us-south]\n", "d.yaml").project ==
      "Zahlungen Prod: Ä.ö_ü-1 支付");
}

TEST_CASE("every value that becomes a command argument is checked: paths, resource groups, time zones") {
  CHECK(
      load_errors("version: 1\nproject: p\nresource_group: '--output=x'\nregions: [us-south]\n"
                  "failover: { edge_proxy: { domain: shop.example.com, health_check: { path: '@evil.example/x' } } }\n"
                  "jobs: [{ name: j, image: i, schedule: '0 1 * * *', time_zone: 'Europe/$(id)' }]\n") ==
      Lines{"d.yaml:3:17: error: 'resource_group' must not start with '-' (a command would read it as a flag) and be "
            "at most 256 characters, not '--output=x'",
            "d.yaml:5:75: error: 'path' must be a URL path: '/' followed by letters, digits and "
            "-._~!$&'()*+,;=:%/? (no '@', no spaces), at most 2048 characters, not '@evil.example/x'",
            "d.yaml:6:63: error: 'time_zone' must be an IANA time zone name such as Europe/London or UTC, not "
            "'Europe/$(id)'"});
  CHECK(load_errors("version: 1\nproject: p\nregions: [us-south]\n"
                    "failover: { edge_proxy: { domain: shop.example.com, health_check: { path: '/health z' } } }\n")
            .size() == 1);
  CHECK(load_deployment("version: 1\nproject: p\nregions: [us-south]\n"
                        "failover: { edge_proxy: { domain: a.example, health_check: { path: '/healthz?full=1' } } }\n",
                        "d.yaml")
            .failover.edge_proxy->health_check.path == "/healthz?full=1");
}

TEST_CASE("values printed after a flag may not look like one") {
  CHECK(load_errors("version: 1\nproject: '--image=x'\nregions: [us-south]\n"
                    "failover: { edge_proxy: { domain: '-x.example.com' } }\n") ==
        Lines{"d.yaml:2:10: error: 'project' must be a Code Engine project name: letters and digits of any script, "
              "spaces, '.', ':', '_' and '-', not starting with '-', at most 128 characters, not '--image=x'",
              "d.yaml:4:35: error: 'domain' must be a domain name such as shop.example.com, not '-x.example.com'"});
}

TEST_CASE("a project lists at most 100 regions, so defaults cannot grow with the square of the file") {
  std::string regions;
  for (int i = 0; i < 101; ++i) regions += "  - us-south\n";
  CHECK(load_errors("version: 1\nproject: p\nregions:\n" + regions) ==
        Lines{"d.yaml:4:3: error: 'regions' lists 101 regions; a project can be in at most 100"});
}

TEST_CASE("every region a deploy file names has a region id's shape, so none can be read as a flag") {
  const std::string head = "version: 1\nproject: p\n";
  const std::string shape =
      "must be a region id such as us-south: letters, digits, '-' and '_', starting with a letter, at most 64 "
      "characters, not '-south'";
  CHECK(load_errors(head + "regions: [us-south, { id: -south }]\n") == Lines{"d.yaml:3:27: error: 'id' " + shape});
  CHECK(load_errors(head + "regions: [-south]\napps:\n  - { name: a, image: i, regions: [us-south, -south] }\n"
                           "  - { name: b, image: i, regions: { -south: {} } }\n") ==
        Lines{"d.yaml:3:11: error: an item of 'regions' " + shape, "d.yaml:5:46: error: an item of 'regions' " + shape,
              "d.yaml:6:37: error: a key of 'regions' " + shape});
  CHECK(load_errors(head + "regions: [us-south]\njobs:\n"
                           "  - { name: j, image: i, schedule: '0 2 * * *', scheduled_in: [-south] }\n") ==
        Lines{"d.yaml:5:64: error: an item of 'scheduled_in' " + shape});
  CHECK(load_errors(head + "regions: [us-south]\ndata:\n"
                           "  - { name: db, region: -south, backup_in: -south, replica_in: -south }\n") ==
        Lines{"d.yaml:5:25: error: 'region' " + shape, "d.yaml:5:44: error: 'backup_in' " + shape,
              "d.yaml:5:64: error: 'replica_in' " + shape});
  // A typo of a real region still loads, so CE101 can say which region was meant.
  CHECK(load_errors(head + "regions: [US_South]\n") == Lines{"no error"});
}

TEST_CASE("references to secrets and apps have the shape of what they name") {
  CHECK(load_errors("version: 1\nproject: p\nregions: [us-south]\n"
                    "apps:\n  - { name: a, image: i, registry_secret: -r, secrets: [-s] }\n"
                    "failover: { edge_proxy: { target: -a } }\n") ==
        Lines{"d.yaml:5:43: error: 'registry_secret' must be lower-case letters, digits, '-' and '.', starting and "
              "ending with a letter or digit, at most 253 characters, not '-r'",
              "d.yaml:5:57: error: an item of 'secrets' must be lower-case letters, digits, '-' and '.', starting and "
              "ending with a letter or digit, at most 253 characters, not '-s'",
              "d.yaml:6:35: error: 'target' must be a Code Engine name: lower-case letters, digits and '-', starting "
              "with a letter, ending with a letter or digit, at most 63 characters, not '-a'"});
}

TEST_CASE("a job's regions may name an image per region but no scale: a job has none") {
  CHECK(load_errors("version: 1\nproject: p\nregions: [us-south]\njobs:\n"
                    "  - { name: j, image: i, regions: { us-south: { min_scale: 0, image: i2 } } }\n") ==
        Lines{"d.yaml:5:49: error: unknown key 'min_scale' in region 'us-south' of 'j'"});
  CHECK(load_errors("version: 1\nproject: p\nregions: [us-south]\njobs:\n"
                    "  - { name: j, image: i, regions: { us-south: { image: i2 } } }\n") == Lines{"no error"});
}

TEST_CASE("restore names the image and scale of a region a workload is re-created in, not placed in") {
  const auto d = load_deployment(
      "version: 1\nproject: p\nregions: [us-south, eu-de]\napps:\n"
      "  - name: a\n    image: us.icr.io/p/a:1\n    regions: [us-south]\n"
      "    restore: { us-east: { image: icr.io/p/a:1, min_scale: 2, max_scale: 4 } }\n"
      "jobs:\n  - { name: j, image: us.icr.io/p/j:1, restore: { eu-gb: { image: uk.icr.io/p/j:1 } } }\n",
      "d.yaml");
  const auto& app = d.apps.front();
  CHECK(names(app.regions) == std::vector<std::string>{"us-south"});
  CHECK_FALSE(app.runs_in("us-east"));
  CHECK(app.image_in("us-east").name == "icr.io/p/a:1");
  CHECK(app.min_scale_in("us-east").value == 2);
  CHECK(app.max_scale_in("us-east")->value == 4);
  CHECK(app.image_in("us-south").name == "us.icr.io/p/a:1");
  CHECK(d.jobs.front().image_in("eu-gb").name == "uk.icr.io/p/j:1");
  CHECK(load_errors("version: 1\nproject: p\nregions: [us-south]\napps:\n"
                    "  - { name: a, image: i, restore: { us-south: { image: i2 } } }\n") ==
        Lines{"d.yaml:5:37: error: region 'us-south' of 'restore' of 'a' is one of its 'regions': set its image and "
              "scale there"});
  CHECK(load_errors("version: 1\nproject: p\nregions: [us-south]\napps:\n"
                    "  - { name: a, image: i, restore: [us-east] }\n") ==
        Lines{"d.yaml:5:35: error: 'restore' of 'a' must map region ids to what it is re-created with there, e.g. "
              "restore: { us-east: { image: ... } }"});
  CHECK(load_errors("version: 1\nproject: p\nregions: [us-south]\njobs:\n"
                    "  - { name: j, image: i, restore: { us-east: { min_scale: 1 } } }\n") ==
        Lines{"d.yaml:5:48: error: unknown key 'min_scale' in region 'us-east' of 'j'"});
}
