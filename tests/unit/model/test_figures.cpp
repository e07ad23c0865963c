#include <catch2/catch.hpp>

#include "catalog/embedded_catalog.hpp"
#include "model/deploy_loader.hpp"
#include "model/figures.hpp"

using Catch::Detail::Approx;

namespace {

ceplan::Deployment load(const std::string& failover, const std::string& app) {
  return ceplan::load_deployment(
      "version: 1\nproject: p\nregions:\n  - { id: us-south, role: primary }\n"
      "  - { id: eu-de, role: standby }\nfailover:\n" +
          failover + "apps:\n  - " + app + "\n",
      "d.yaml");
}

// The failover of the first app into eu-de, with no data to move.
ceplan::FailoverTime time_of(const ceplan::Deployment& d) {
  return ceplan::failover_time(d, d.apps[0], "eu-de", {});
}

}  // namespace

TEST_CASE("detection is interval + (retries + 1) x timeout") {
  const auto d = load("  edge_proxy: { health_check: { interval: 15s, retries: 1, timeout: 5s } }\n",
                      "{ name: a, image: i, min_scale: 1 }");
  const auto time = time_of(d);
  CHECK(time.detection == 25);
  CHECK(time.propagation == 0);
  CHECK(time.warmup == 0);
  CHECK(time.total() == 25);
}

TEST_CASE("defaults give 60 + 3 x 5 = 75 s of detection") {
  const auto d = load("  edge_proxy: { domain: x }\n", "{ name: a, image: i, min_scale: 1 }");
  CHECK(time_of(d).detection == 75);
}

TEST_CASE("propagation is the TTL only when not proxied") {
  const auto dns = load("  edge_proxy: { proxied: false, ttl: 2m }\n", "{ name: a, image: i, min_scale: 1 }");
  CHECK(time_of(dns).propagation == 120);
  const auto proxied = load("  edge_proxy: { proxied: true, ttl: 2m }\n", "{ name: a, image: i, min_scale: 1 }");
  CHECK(time_of(proxied).propagation == 0);
}

TEST_CASE("warm-up counts only for apps that scale to zero") {
  const auto cold = load("  edge_proxy: { domain: x }\n  standby_warmup: 40s\n", "{ name: a, image: i }");
  CHECK(time_of(cold).warmup == 40);
  const auto warm = load("  edge_proxy: { domain: x }\n  standby_warmup: 40s\n", "{ name: a, image: i, min_scale: 1 }");
  CHECK(time_of(warm).warmup == 0);
}

TEST_CASE("composite availability: edge x (1 - product of region unavailability)") {
  const auto catalog = ceplan::embedded_catalog();
  const auto d = load("  edge_proxy: { sla: 99.9 }\n", "{ name: a, image: i }");
  const auto two = ceplan::composite_availability(d, d.apps[0], catalog);
  CHECK(two.edge_proxy == 99.9);
  CHECK(two.regions == std::vector<double>{99.99, 99.99});
  CHECK(two.percent == Approx(99.9 * (1 - 0.0001 * 0.0001)));
  const auto single = load("  edge_proxy: { sla: 99.9 }\n", "{ name: a, image: i, regions: [us-south] }");
  CHECK(ceplan::composite_availability(single, single.apps[0], catalog).percent == Approx(99.9 * 0.9999));
}

TEST_CASE("adding a region never lowers availability, behind the proxy or not") {
  const auto catalog = ceplan::embedded_catalog();
  for (const char* proxy : {"  edge_proxy: { domain: x }\n", "  standby_warmup: 30s\n"}) {
    const auto one = load(proxy, "{ name: a, image: i, regions: [us-south] }");
    const auto two = load(proxy, "{ name: a, image: i, regions: [us-south, eu-de] }");
    CHECK(ceplan::composite_availability(two, two.apps[0], catalog).percent >
          ceplan::composite_availability(one, one.apps[0], catalog).percent);
  }
}

TEST_CASE("every app carries the edge proxy's SLA, 99.999 by default, and without one regions alone count") {
  const auto catalog = ceplan::embedded_catalog();
  const auto d = ceplan::load_deployment(
      "version: 1\nproject: p\nregions: [us-south, eu-de]\nfailover:\n  edge_proxy: { target: web }\n"
      "apps:\n  - { name: api, image: i }\n  - { name: web, image: i }\n",
      "d.yaml");
  CHECK(ceplan::composite_availability(d, d.apps[1], catalog).edge_proxy == 99.999);
  CHECK(ceplan::composite_availability(d, d.apps[0], catalog).edge_proxy == 99.999);
  const auto bare = ceplan::load_deployment(
      "version: 1\nproject: p\nregions: [us-south, eu-de]\napps:\n  - { name: api, image: i }\n", "d.yaml");
  CHECK(ceplan::composite_availability(bare, bare.apps[0], catalog).edge_proxy == 0);
  CHECK(ceplan::composite_availability(bare, bare.apps[0], catalog).percent == Approx(100 * (1 - 1e-8)));
}

TEST_CASE("warm-up follows the min_scale of the region that takes over") {
  const auto d = load("  edge_proxy: { domain: x }\n",
                      "{ name: a, image: i, min_scale: 1, regions: { us-south: {}, eu-de: { min_scale: 0 } } }");
  CHECK(ceplan::failover_time(d, d.apps[0], "eu-de", {}).warmup == 30);
  CHECK(ceplan::failover_time(d, d.apps[0], "us-south", {}).warmup == 0);
}

TEST_CASE("data in a lost region is promoted, restored or lost") {
  const std::string head =
      "version: 1\nproject: p\nregions: [us-south, eu-de, eu-gb]\napps:\n  - { name: a, image: i }\ndata:\n";
  const auto replica = ceplan::load_deployment(head + "  - { name: db, region: us-south, replica_in: eu-de }\n", "d");
  const auto promoted = ceplan::data_recovery(replica, replica.apps[0], {"us-south"}, false);
  CHECK(promoted.seconds == 600);  // IBM Cloud Databases: about 10 minutes
  CHECK(promoted.promoted == std::vector<std::string>{"db"});
  const auto copy = ceplan::load_deployment(
      head + "  - { name: db, region: us-south, cross_region_copy: true, restore_time: 2h }\n", "d");
  CHECK(ceplan::data_recovery(copy, copy.apps[0], {"us-south"}, false).seconds == 7200);
  // An unnamed copy location cannot be shown to survive a geography.
  CHECK(ceplan::data_recovery(copy, copy.apps[0], {"us-south"}, true).lost == std::vector<std::string>{"db"});
  const auto named = ceplan::load_deployment(head + "  - { name: db, region: eu-de, backup_in: eu-gb }\n", "d");
  CHECK(ceplan::data_recovery(named, named.apps[0], {"eu-de", "eu-gb"}, true).lost == std::vector<std::string>{"db"});
  CHECK(ceplan::data_recovery(named, named.apps[0], {"us-south"}, false).seconds == 0);
}

TEST_CASE("the worst failover counts the data of the region lost") {
  const auto d = ceplan::load_deployment(
      "version: 1\nproject: p\nregions:\n  - { id: us-east, role: primary }\n  - { id: eu-gb, role: standby }\n"
      "failover:\n  strategy: warm-standby\n  edge_proxy: { health_check: { interval: 15s, retries: 1 } }\n"
      "apps:\n  - { name: a, image: i, min_scale: 1 }\n"
      "data:\n  - { name: ledger, region: us-east, cross_region_copy: true, restore_time: 20m }\n",
      "d.yaml");
  const auto worst = ceplan::worst_failover_time(d, d.apps[0]);
  CHECK(worst.detection == 25);
  CHECK(worst.data == 1200);
  CHECK(worst.decision == 900);
  CHECK(worst.total() == 2125);
}

TEST_CASE("allowed downtime per month and year") {
  CHECK(ceplan::downtime_minutes_per_month(99.99) == Approx(4.32));
  CHECK(ceplan::downtime_hours_per_year(99.9) == Approx(8.76));
}

TEST_CASE("a manual data step adds the decision before it, 15m unless the objectives say otherwise") {
  const auto d = load("  edge_proxy: { domain: x }\n", "{ name: a, image: i, min_scale: 1 }");
  ceplan::DataRecovery data;
  data.seconds = 600;
  data.promoted = {"db"};
  const auto time = ceplan::failover_time(d, d.apps[0], "eu-de", data);
  CHECK(time.data == 600);
  CHECK(time.decision == 900);
  CHECK(time.total() == 75 + 600 + 900);
  CHECK(time.largest_term() == "human");
  CHECK(time_of(d).decision == 0);  // CIS's own switch needs no decision
  CHECK(time_of(d).largest_term() == "detection");
  const auto quick = ceplan::load_deployment(
      "version: 1\nproject: p\nobjectives: { decision_time: 5m }\nregions: [us-south, eu-de]\n"
      "failover: { edge_proxy: { domain: x } }\napps:\n  - { name: a, image: i, min_scale: 1 }\n",
      "d.yaml");
  CHECK(ceplan::failover_time(quick, quick.apps[0], "eu-de", data).decision == 300);
}

TEST_CASE("a replica's promotion takes IBM's 10 minutes unless the file says otherwise") {
  const auto d = ceplan::load_deployment(
      "version: 1\nproject: p\nregions: [us-south, eu-de]\ndata:\n  - { name: db, region: us-south, replica_in: eu-de "
      "}\n",
      "d.yaml");
  CHECK(d.data[0].promote_time.value == 600);
}

TEST_CASE("availability multiplies in each data store the app uses") {
  const auto catalog = ceplan::embedded_catalog();
  const auto d = ceplan::load_deployment(
      "version: 1\nproject: p\nregions: [us-south]\napps:\n  - { name: all, image: i }\n"
      "  - { name: one, image: i, data: [a] }\n  - { name: none, image: i, data: [] }\n"
      "data:\n  - { name: a, region: us-south }\n  - { name: b, region: us-south }\n",
      "d.yaml");
  const auto all = ceplan::composite_availability(d, d.apps[0], catalog);
  CHECK(all.stores == 2);
  CHECK(all.store == 99.99);
  CHECK(all.percent == Approx(99.99 * 0.9999 * 0.9999));
  CHECK(ceplan::composite_availability(d, d.apps[1], catalog).percent == Approx(99.99 * 0.9999));
  CHECK(ceplan::composite_availability(d, d.apps[2], catalog).percent == Approx(99.99));
}

TEST_CASE("losing a store's replica or named backup copy, but not its writable copy, loses a copy") {
  const auto d = ceplan::load_deployment(
      "version: 1\nproject: p\nregions: [us-south, eu-de, eu-gb]\napps:\n  - { name: a, image: i }\ndata:\n"
      "  - { name: r, region: us-south, replica_in: eu-de }\n  - { name: b, region: us-south, backup_in: eu-gb }\n",
      "d.yaml");
  CHECK(ceplan::data_recovery(d, d.apps[0], {"eu-de"}, false).copy_lost == std::vector<std::string>{"r"});
  CHECK(ceplan::data_recovery(d, d.apps[0], {"eu-gb"}, false).copy_lost == std::vector<std::string>{"b"});
  CHECK(ceplan::data_recovery(d, d.apps[0], {"us-south"}, false).copy_lost.empty());
  CHECK(ceplan::data_recovery(d, d.apps[0], {"jp-tok"}, false).copy_lost.empty());
}
