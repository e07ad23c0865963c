#include "model/figures.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "support/lists.hpp"

namespace ceplan {

namespace {

void recover(const DataStore& store, const std::vector<std::string>& lost, bool whole_geography, DataRecovery& out) {
  if (!contains(lost, store.region.name)) {
    const auto gone = [&](const std::optional<Ref>& where) { return where && contains(lost, where->name); };
    if (gone(store.replica_in) || gone(store.backup_in))
      out.copy_lost.push_back(store.name.name);
    return;
  }
  const auto survives = [&](const std::optional<Ref>& where) { return where && !contains(lost, where->name); };
  if (survives(store.replica_in)) {
    out.promoted.push_back(store.name.name);
    out.seconds = std::max(out.seconds, store.promote_time.value);
  } else if (survives(store.backup_in) || (store.cross_region_copy && !store.backup_in && !whole_geography)) {
    out.restored.push_back(store.name.name);
    out.seconds = std::max(out.seconds, store.restore_time.value);
  } else {
    out.lost.push_back(store.name.name);
  }
}

}  // namespace

DataRecovery data_recovery(const Deployment& deployment, const Workload& workload, const std::vector<std::string>& lost,
                           bool whole_geography) {
  DataRecovery out;
  if (!workload.data_given) {
    for (const DataStore& store : deployment.data) recover(store, lost, whole_geography, out);
    return out;
  }
  for (const DataStore* store : deployment.listed_stores(workload)) recover(*store, lost, whole_geography, out);
  return out;
}

FailoverTime failover_time(const Deployment& deployment, const App& app, std::string_view takeover,
                           const DataRecovery& data) {
  const EdgeProxy defaults;
  const EdgeProxy& proxy = deployment.failover.edge_proxy ? *deployment.failover.edge_proxy : defaults;
  const HealthCheck& check = proxy.health_check;
  FailoverTime time;
  // The outage starts just after a passing probe; the next probe and its immediate retries
  // all time out before the origin is marked unhealthy.
  time.detection = check.interval.value + (check.retries.value + 1) * check.timeout.value;
  time.propagation = proxy.proxied ? 0 : proxy.ttl.value;
  time.warmup = app.min_scale_in(takeover).value == 0 ? deployment.failover.standby_warmup.value : 0;
  time.data = data.seconds;
  // Promoting or restoring data is a manual step: someone decides first (CIS's switch is not).
  time.decision = data.seconds > 0 ? deployment.objectives.decision_time.value : 0;
  return time;
}

std::string_view FailoverTime::largest_term() const {
  const std::pair<std::string_view, std::int64_t> terms[] = {
      {"detection", detection}, {"propagation", propagation}, {"warm-up", warmup}, {"data", data}, {"human", decision}};
  return std::max_element(std::begin(terms), std::end(terms),
                          [](const auto& a, const auto& b) { return a.second < b.second; })
      ->first;
}

FailoverTime worst_failover_time(const Deployment& deployment, const App& app) {
  FailoverTime worst;
  for (const Ref& lost : app.regions) {
    if (!deployment.serves(lost.name)) {
      continue;
    }
    // What the data needs depends on the region lost, not on the one that takes over.
    const DataRecovery data = data_recovery(deployment, app, {lost.name}, false);
    for (const Ref& takeover : app.regions) {
      if (takeover.name == lost.name) {
        continue;
      }
      const FailoverTime time = failover_time(deployment, app, takeover.name, data);
      if (time.total() > worst.total()) {
        worst = time;
      }
    }
  }
  return worst;
}

CompositeAvailability composite_availability(const Deployment& deployment, const App& app, const Catalog& catalog) {
  CompositeAvailability result;
  double all_down = 1.0;
  for (std::size_t i = 0; i < app.regions.size(); ++i) {
    result.regions.push_back(catalog.sla());
    all_down *= 1.0 - catalog.sla() / 100.0;
  }
  // One region is its SLA exactly, not 100 × (1 − (1 − SLA)) with its rounding.
  result.percent = app.regions.empty() ? 0.0 : app.regions.size() == 1 ? catalog.sla() : 100.0 * (1.0 - all_down);
  // Users reach every app through the edge proxy when there is one (backends through the app
  // the domain maps to), so its SLA counts for all of them, whatever their number of regions.
  if (deployment.failover.edge_proxy) {
    result.edge_proxy = deployment.failover.edge_proxy->sla;
    result.percent = result.edge_proxy * result.percent / 100.0;
  }
  // A count, not a list: many apps that use every store cost their sum, not their product.
  result.stores = app.data_given ? deployment.listed_stores(app).size() : deployment.data.size();
  if (result.stores > 0 && !app.regions.empty()) {
    result.store = catalog.sla();
    result.percent *= std::pow(result.store / 100.0, static_cast<double>(result.stores));
  }
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
