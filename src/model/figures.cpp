#include "model/figures.hpp"

#include <cmath>

#include <fmt/format.h>

namespace ceplan {

FailoverTime failover_time(const Deployment& deployment, const App& app) {
  const EdgeProxy defaults;
  const EdgeProxy& proxy = deployment.failover.edge_proxy ? *deployment.failover.edge_proxy : defaults;
  const HealthCheck& check = proxy.health_check;
  FailoverTime time;
  // The outage starts just after a passing probe; the next probe and its immediate retries
  // all time out before the origin is marked unhealthy.
  time.detection = check.interval.value + (check.retries.value + 1) * check.timeout.value;
  time.propagation = proxy.proxied ? 0 : proxy.ttl.value;
  time.warmup = app.min_scale.value == 0 ? deployment.failover.standby_warmup.value : 0;
  return time;
}

CompositeAvailability composite_availability(const Deployment& deployment, const App& app, const Catalog& catalog) {
  CompositeAvailability result;
  double all_down = 1.0;
  for (std::size_t i = 0; i < app.regions.size(); ++i) {
    result.regions.push_back(catalog.sla());
    all_down *= 1.0 - catalog.sla() / 100.0;
  }
  if (app.regions.size() <= 1) {
    result.percent = app.regions.empty() ? 0.0 : catalog.sla();
    return result;
  }
  result.edge_proxy = deployment.failover.edge_proxy ? deployment.failover.edge_proxy->sla : EdgeProxy{}.sla;
  result.percent = result.edge_proxy * (1.0 - all_down);
  return result;
}

double downtime_minutes_per_month(double percent) {
  return (100.0 - percent) / 100.0 * 30 * 24 * 60;
}

double downtime_hours_per_year(double percent) {
  return (100.0 - percent) / 100.0 * 365 * 24;
}

std::string format_duration(std::int64_t seconds) {
  if (seconds == 0) {
    return "0s";
  }
  std::string out;
  for (auto [unit, suffix] : {std::pair{86400, 'd'}, {3600, 'h'}, {60, 'm'}, {1, 's'}}) {
    if (seconds >= unit) {
      out += fmt::format("{}{}", seconds / unit, suffix);
      seconds %= unit;
    }
  }
  return out;
}

std::string format_percent(double percent) {
  constexpr double scale = 10000.0;
  return fmt::format("{:.4f}", std::floor(percent * scale + 1e-9) / scale);
}

}  // namespace ceplan
