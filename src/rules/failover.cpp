// CE201-CE207: failover through the edge proxy, and the objectives it must meet.
#include <fmt/format.h>

#include "model/figures.hpp"
#include "rules/failover.hpp"

namespace ceplan::rules {
namespace {

// CIS limits (IBM: cis-glb-setup, plan-comparison.md; terraform ibm_cis_healthcheck).
constexpr std::int64_t min_interval = 5;
constexpr std::int64_t max_interval = 3600;
constexpr std::int64_t min_timeout = 1;
constexpr std::int64_t max_timeout = 10;
constexpr std::int64_t min_retries = 1;
constexpr std::int64_t max_retries = 3;
constexpr std::int64_t min_dns_ttl = 30;
constexpr std::int64_t max_dns_ttl = 600;
constexpr std::int64_t standard_next_minimum = 60;  // interval and DNS-only TTL on Standard Next
constexpr std::size_t standard_next_pools = 3;      // origin pools on Standard Next

// Credible RTO floors per strategy (docs/rules.md, CE205).
constexpr std::int64_t pilot_light_rto_floor = std::int64_t{10} * 60;
constexpr std::int64_t backup_restore_rto_floor = std::int64_t{60} * 60;

void check_edge_proxy_presence(const Subject& s, Findings& findings) {
  if (s.deployment.failover.edge_proxy) {
    return;
  }
  for (const App& app : s.deployment.apps) {
    if (s.spans_regions(app)) {
      findings.add(RuleId::no_edge_proxy, app.name.location,
                   fmt::format("app '{}' runs in {} regions but no failover.edge_proxy moves traffic when one fails",
                               app.name.name, s.placements(app)));
    }
  }
}

// CE202's fix for the term that dominates the failover time.
std::string fix_for(std::string_view term) {
  if (term == "human")
    return "the decision dominates: pre-approve the data step in the runbook and lower objectives.decision_time, "
           "or keep the data where no manual step is needed";
  if (term == "data")
    return "the data term dominates: keep a live replica where the app takes over (promote_time), or relax the RTO";
  if (term == "propagation")
    return "DNS propagation dominates: proxy the load balancer (proxied: true) or lower the TTL";
  if (term == "warm-up")
    return "the warm-up dominates: set min_scale: 1 in the region that takes over";
  return "detection dominates: shorten the health-check interval, retries or timeout";
}

void check_failover_time(const Subject& s, Findings& findings) {
  const Deployment& d = s.deployment;
  const bool hot = d.failover.strategy == Strategy::active_active || d.failover.strategy == Strategy::warm_standby;
  if (!hot || !d.objectives.rto || !d.failover.edge_proxy) {
    return;
  }
  for (const App& app : d.apps) {
    if (!s.spans_regions(app)) {
      continue;
    }
    const FailoverTime time = worst_failover_time(d, app);
    if (time.total() > *d.objectives.rto) {
      const std::string data = time.data > 0 ? fmt::format(" + data {} + human {}", format_duration(time.data),
                                                           format_duration(time.decision))
                                             : "";
      findings.add(RuleId::failover_exceeds_rto, app.name.location,
                   fmt::format("app '{}' fails over in up to {} (detection {} + propagation {} + warm-up {}{}), "
                               "beyond the RTO of {}",
                               app.name.name, format_duration(time.total()), format_duration(time.detection),
                               format_duration(time.propagation), format_duration(time.warmup), data,
                               format_duration(*d.objectives.rto)),
                   fix_for(time.largest_term()));
    }
  }
}

// Only the app the domain maps to is probed by CIS; backends fail over with the project.
void check_scale_to_zero(const Subject& s, Findings& findings) {
  const App* app = s.deployment.proxy_target();
  if (app == nullptr) {
    return;
  }
  for (const Ref& region : app->regions) {
    const Setting& min_scale = app->min_scale_in(region.name);
    if (min_scale.value == 0) {
      findings.add(RuleId::scale_to_zero_behind_proxy, min_scale.location,
                   fmt::format("app '{}' scales to zero behind the edge proxy{}: health checks find no running "
                               "instance and failover waits {} for warm-up",
                               app->name.name, &min_scale == &app->min_scale ? "" : fmt::format(" in {}", region.name),
                               format_duration(s.deployment.failover.standby_warmup.value)));
      return;
    }
  }
}

void check_availability(const Subject& s, Findings& findings) {
  const Deployment& d = s.deployment;
  if (!d.objectives.availability) {
    return;
  }
  for (const App& app : d.apps) {
    const CompositeAvailability availability = composite_availability(d, app, s.catalog);
    if (availability.percent < *d.objectives.availability) {
      findings.add(RuleId::availability_below_target, app.name.location,
                   fmt::format("app '{}' has a composite availability of {}%, below the target of {}%", app.name.name,
                               format_percent(availability.percent), *d.objectives.availability));
    }
  }
}

void check_rto_band(const Subject& s, Findings& findings) {
  const Deployment& d = s.deployment;
  if (!d.objectives.rto) {
    return;
  }
  const Strategy strategy = d.failover.strategy;
  const std::int64_t floor = strategy == Strategy::pilot_light      ? pilot_light_rto_floor
                             : strategy == Strategy::backup_restore ? backup_restore_rto_floor
                                                                    : 0;
  if (*d.objectives.rto < floor) {
    findings.add(RuleId::rto_below_strategy, d.objectives.rto_location,
                 fmt::format("an RTO of {} is tighter than {} can credibly meet (at least {})",
                             format_duration(*d.objectives.rto), to_string(strategy), format_duration(floor)));
  }
}

void check_limit(Findings& findings, const Setting& setting, std::string_view what, std::int64_t low, std::int64_t high,
                 std::string_view unit = "s", std::string_view source = {}) {
  if (setting.given && (setting.value < low || setting.value > high)) {
    findings.add(RuleId::edge_proxy_limits, setting.location,
                 fmt::format("{} of {}{} is outside what CIS accepts ({}-{}{}{})", what, setting.value, unit, low, high,
                             unit, source));
  }
}

void check_proxy_limits(const Subject& s, Findings& findings) {
  const auto& proxy = s.deployment.failover.edge_proxy;
  if (!proxy) {
    return;
  }
  const HealthCheck& check = proxy->health_check;
  check_limit(findings, check.interval, "health-check interval", min_interval, max_interval);
  check_limit(findings, check.timeout, "health-check timeout", min_timeout, max_timeout);
  check_limit(findings, check.retries, "health-check retries", min_retries, max_retries, "");
  if (!proxy->proxied) {
    check_limit(findings, proxy->ttl, "DNS-only TTL", min_dns_ttl, max_dns_ttl, "s",
                " as cis glb-proxy-modes gives it");
  }
  if (proxy->plan && proxy->plan->name == cis_plans[0]) {  // standard-next
    if (check.interval.value < standard_next_minimum && check.interval.value >= min_interval) {
      findings.add(RuleId::edge_proxy_limits, check.interval.location,
                   fmt::format("health-check interval of {}s is below the Standard Next plan's minimum of {}s",
                               check.interval.value, standard_next_minimum));
    }
    // One origin pool per region the domain's app runs in (IBM's multi-region procedure).
    const App* target = s.deployment.proxy_target();
    if (target != nullptr && target->regions.size() > standard_next_pools) {
      findings.add(RuleId::edge_proxy_limits, proxy->plan->location,
                   fmt::format("app '{}' needs {} origin pools, one per region; the Standard Next plan allows {}",
                               target->name.name, target->regions.size(), standard_next_pools));
    }
    if (!proxy->proxied && proxy->ttl.value < standard_next_minimum && proxy->ttl.value >= min_dns_ttl) {
      findings.add(RuleId::edge_proxy_limits, proxy->ttl.location,
                   fmt::format("TTL of {}s is below the Standard Next plan's minimum of {}s", proxy->ttl.value,
                               standard_next_minimum));
    }
  }
}

void check_tls(const Subject& s, Findings& findings) {
  const auto& proxy = s.deployment.failover.edge_proxy;
  if (proxy && !proxy->domain.empty() && !proxy->tls_secret) {
    findings.add(
        RuleId::missing_tls_secret, proxy->location,
        fmt::format("edge proxy for {} has no tls_secret: each region's domain mapping needs one", proxy->domain));
  }
}

// CE208: where the fallback pool and the steering send traffic.
void check_fallback(const Subject& s, Findings& findings) {
  const Deployment& d = s.deployment;
  const auto& proxy = d.failover.edge_proxy;
  if (!proxy || d.regions.size() < 2)
    return;
  if (proxy->steering == Steering::random && d.failover.strategy != Strategy::active_active) {
    for (const ProjectRegion& region : d.regions) {
      if (region.role == Role::standby) {
        findings.add(RuleId::fallback_and_steering, proxy->steering_location,
                     fmt::format("under random steering CIS sends traffic to every healthy pool, so the standby {} "
                                 "serves all the time, not only when the primary is lost",
                                 region.id.name),
                     "use steering: failover under a standby strategy");
        break;
      }
    }
  }
  if (!proxy->fallback)
    return;
  const Ref& fallback = *proxy->fallback;
  if (proxy->steering == Steering::random) {
    findings.add(RuleId::fallback_and_steering, fallback.location,
                 fmt::format("under random steering the fallback pool of {} takes traffic even while the other "
                             "pools are healthy",
                             fallback.name));
    return;
  }
  const std::string& first = d.regions.front().id.name;
  if (proxy->steering == Steering::failover && fallback.name == first) {
    findings.add(RuleId::fallback_and_steering, fallback.location,
                 fmt::format("the fallback pool is in {}, the region failover steering leaves first: once {} is "
                             "lost, CIS sends traffic there whenever the pool that took over is unhealthy",
                             fallback.name, fallback.name),
                 "make the region that takes over the fallback pool");
  }
}

}  // namespace

void check_failover(const Subject& s, Findings& findings) {
  check_fallback(s, findings);
  check_edge_proxy_presence(s, findings);
  check_failover_time(s, findings);
  check_scale_to_zero(s, findings);
  check_availability(s, findings);
  check_rto_band(s, findings);
  check_proxy_limits(s, findings);
  check_tls(s, findings);
}

}  // namespace ceplan::rules
