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

}  // namespace

TEST_CASE("detection is interval + (retries + 1) x timeout") {
  const auto d = load("  edge_proxy: { health_check: { interval: 15s, retries: 1, timeout: 5s } }\n",
                      "{ name: a, image: i, min_scale: 1 }");
  const auto time = ceplan::failover_time(d, d.apps[0]);
  CHECK(time.detection == 25);
  CHECK(time.propagation == 0);
  CHECK(time.warmup == 0);
  CHECK(time.total() == 25);
}

TEST_CASE("defaults give 60 + 3 x 5 = 75 s of detection") {
  const auto d = load("  edge_proxy: { domain: x }\n", "{ name: a, image: i, min_scale: 1 }");
  CHECK(ceplan::failover_time(d, d.apps[0]).detection == 75);
}

TEST_CASE("propagation is the TTL only when not proxied") {
  const auto dns = load("  edge_proxy: { proxied: false, ttl: 2m }\n", "{ name: a, image: i, min_scale: 1 }");
  CHECK(ceplan::failover_time(dns, dns.apps[0]).propagation == 120);
  const auto proxied = load("  edge_proxy: { proxied: true, ttl: 2m }\n", "{ name: a, image: i, min_scale: 1 }");
  CHECK(ceplan::failover_time(proxied, proxied.apps[0]).propagation == 0);
}

TEST_CASE("warm-up counts only for apps that scale to zero") {
  const auto cold = load("  edge_proxy: { domain: x }\n  standby_warmup: 40s\n", "{ name: a, image: i }");
  CHECK(ceplan::failover_time(cold, cold.apps[0]).warmup == 40);
  const auto warm = load("  edge_proxy: { domain: x }\n  standby_warmup: 40s\n", "{ name: a, image: i, min_scale: 1 }");
  CHECK(ceplan::failover_time(warm, warm.apps[0]).warmup == 0);
}

TEST_CASE("composite availability: edge x (1 - product of region unavailability)") {
  const auto catalog = ceplan::embedded_catalog();
  const auto d = load("  edge_proxy: { sla: 99.9 }\n", "{ name: a, image: i }");
  const auto two = ceplan::composite_availability(d, d.apps[0], catalog);
  CHECK(two.edge_proxy == 99.9);
  CHECK(two.regions == std::vector<double>{99.99, 99.99});
  CHECK(two.percent == Approx(99.9 * (1 - 0.0001 * 0.0001)));
  const auto single = load("  edge_proxy: { sla: 99.9 }\n", "{ name: a, image: i, regions: [us-south] }");
  CHECK(ceplan::composite_availability(single, single.apps[0], catalog).percent == Approx(99.99));
}

TEST_CASE("allowed downtime per month and year") {
  CHECK(ceplan::downtime_minutes_per_month(99.99) == Approx(4.32));
  CHECK(ceplan::downtime_hours_per_year(99.9) == Approx(8.76));
}
