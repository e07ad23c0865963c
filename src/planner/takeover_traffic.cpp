// The traffic part of a takeover (planner/takeover.hpp): the custom domain and the origin pool
// of the region, once its data is writable, and the checks that follow.
#include <fmt/format.h>

#include "model/figures.hpp"
#include "planner/ibmcloud.hpp"
#include "planner/takeover.hpp"

namespace ceplan {
namespace {

using K = ActionKind;

constexpr std::string_view serves_again = "the project serves again";
constexpr std::string_view work_can_run = "scheduled and on-demand work can run";

// The first store `app` uses in `region` that it does not read the writable copy of, or "".
std::string unready_data(const Procedure& p, const std::string& region, const std::string& app) {
  const DataStore* stale = stale_store(p.deployment(), p.state(), *p.state().find(region), app);
  return stale == nullptr ? std::string() : stale->name.name;
}

// The custom domain mapped to `app` in the region, with its TLS secret (created or checked).
void map_domain(Procedure& p, const Takeover& t, const EdgeProxy& proxy, const std::string& app) {
  const RegionState& region = *p.state().find(t.region);
  const std::string tls = p.deployment().tls_secret_name();
  if (region.domain_mapping) {
    if (t.whole_project)
      p.add("domain-mapping", "cut over",
            fmt::format("Check the mapping of {} to app {} in {}", proxy.domain, app, t.region),
            {act(K::check_domain, t.region, app)}, "the domain mapping is Ready with a CNAME target",
            p.rto(serves_again));
    return;
  }
  if (!region.secrets.contains(tls))
    p.add(
        "secret-" + tls, "cut over",
        fmt::format("Create TLS secret {} for {} in {} from the public CA's certificate", tls, proxy.domain, t.region),
        {act(K::create_secret, t.region, tls)}, "the secret shows tls.crt and tls.key", p.rto(serves_again));
  p.add("domain-mapping", "cut over", fmt::format("Map {} to app {} in {}", proxy.domain, app, t.region),
        {act(K::map_domain, t.region, app)},
        fmt::format("{} shows it Ready with a CNAME target", planner::get_domain_mapping(proxy.domain)),
        p.rto(serves_again));
}

// The region's origin pool takes traffic: added or enabled, once the app there reads the writable
// copy of its data (else the region is kept out).
void open_pool(Procedure& p, const Takeover& t, const EdgeProxy& proxy, const std::string& app) {
  const std::optional<bool> pool = p.state().find(t.region)->pool;
  if (const std::string stale = unready_data(p, t.region, app); !stale.empty()) {
    p.add("edge-proxy-origin", "cut over",
          fmt::format("Keep traffic away from {}: data store {} has no writable copy that app {} there reads", t.region,
                      stale, app),
          {}, "the origin pool of the region stays out of the load balancer", "no traffic reaches stale data");
    return;
  }
  if (pool.value_or(false)) {
    if (t.whole_project)
      p.add("edge-proxy-origin", "cut over",
            fmt::format("In CIS, check that the origin pool of {} is healthy and the load balancer for {} sends "
                        "traffic to it",
                        t.region, proxy.domain),
            {}, fmt::format("{} answers from {}", proxy.domain, t.region), p.rto(serves_again));
    return;
  }
  p.add("edge-proxy-origin", "cut over",
        pool ? fmt::format("In CIS, enable the origin pool of {} in the load balancer for {}", t.region, proxy.domain)
             : fmt::format("In CIS, add an origin pool for {} (origin: the domain mapping's CNAME target, host header "
                           "{}) and put it in the global load balancer for {}",
                           t.region, proxy.domain, proxy.domain),
        {act(K::enable_pool, t.region)},
        fmt::format("the pool is healthy in CIS and {} answers from {}", proxy.domain, t.region), p.rto(serves_again));
  if (!proxy.proxied)
    p.add("wait-dns", "cut over",
          fmt::format("Wait one DNS TTL ({}) for resolvers to drop the old origin: the load balancer is DNS-only",
                      format_duration(proxy.ttl.value)),
          {act(K::wait_dns, {})}, "the wait has passed before anything is verified", p.rto(serves_again));
}

}  // namespace

void cut_over(Procedure& p, const Takeover& t) {
  const Deployment& d = p.deployment();
  const auto& proxy = d.failover.edge_proxy;
  const RegionState* region = p.state().find(t.region);
  if (!proxy || proxy->domain.empty()) {
    if (t.whole_project || !t.apps.empty())
      p.add("announce-urls", "cut over",
            fmt::format("Give clients the application URLs in {}: nothing routes traffic automatically", t.region), {},
            "the URLs that ibmcloud ce application get shows answer", p.rto(serves_again));
    return;
  }
  const App* target = d.proxy_target();
  if (target == nullptr || region == nullptr || !region->apps.contains(target->name.name))
    return;
  map_domain(p, t, *proxy, target->name.name);
  open_pool(p, t, *proxy, target->name.name);
}

void verify(Procedure& p, const Takeover& t) {
  const Deployment& d = p.deployment();
  const auto& proxy = d.failover.edge_proxy;
  if (proxy && !proxy->domain.empty() && p.state().find(t.region) != nullptr &&
      p.state().find(t.region)->pool.value_or(false)) {
    p.add("verify-domain", "verify",
          fmt::format("Check the service end to end through {}, as clients reach it", proxy->domain),
          {act(K::check_url, {})}, fmt::format("it answers 2xx from {}", t.region), p.rto(serves_again));
    p.add("verify-certificate", "verify",
          fmt::format("Check the expiry of the certificate {} serves from {}", proxy->domain, t.region),
          {act(K::check_certificate, {})},
          proxy->proxied ? "notAfter is weeks away; behind a proxied load balancer this is CIS's edge certificate, so "
                           "check the domain mapping's CNAME target the same way for the one the restored TLS secret "
                           "holds"
                         : "notAfter is weeks away: a restored TLS secret can hold an old certificate",
          p.rto(serves_again));
  }
  for (const App* app : t.apps) {
    const bool internal = app->visibility && app->visibility->name == "project";
    const std::string path = proxy ? proxy->health_check.path : "/";
    p.add("verify-app-" + app->name.name, "verify",
          fmt::format("Check that app {} serves in {}", app->name.name, t.region),
          {act(K::check_app, t.region, app->name.name)},
          internal ? std::string("status Ready (visibility project: it has no public URL; check it from another "
                                 "workload of the project)")
                   : fmt::format("status Ready, and its URL answers 2xx on {}", path),
          p.rto(serves_again));
  }
  for (const Job* job : t.jobs) {
    const std::string& name = job->name.name;
    if (job->idempotent)
      p.add("verify-job-" + name, "verify", fmt::format("Run job {} once in {} (it is idempotent)", name, t.region),
            {act(K::submit_jobrun, t.region, name)}, "the job run succeeds", std::string(work_can_run));
    else
      p.add("verify-job-" + name, "verify",
            fmt::format("Check job {}'s definition in {} without running it (it is not idempotent)", name, t.region),
            {act(K::check_job, t.region, name)}, "image, secrets and config maps match the deploy file",
            "no job runs twice");
  }
}

}  // namespace ceplan
