#include "planner/diff.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "planner/scenario.hpp"

namespace ceplan {
namespace {

// A scenario, and whether both sides use what it takes down: a region (or zone) only one side
// uses is where a workload moved to or from, so its outcomes are reported but neither regress
// nor improve (moving the standby from eu-gb to eu-de is not, by itself, worse).
struct Compared {
  Scenario scenario;
  bool shared = true;
};

// Every scenario either side can meet: each region either uses, its zones, and its geography.
std::vector<Compared> scenarios_of(const Deployment& before, const Deployment& after, const Catalog& catalog) {
  std::vector<Compared> regions;
  std::vector<Compared> zones;
  std::vector<Compared> geographies;
  std::set<std::string> seen;
  for (const Deployment* side : {&before, &after}) {
    for (const ProjectRegion& entry : side->regions) {
      const Region* region = catalog.find(entry.id.name);
      if (region == nullptr || !seen.insert(region->id).second)
        continue;
      const bool shared = before.region(region->id) != nullptr && after.region(region->id) != nullptr;
      regions.push_back({{ScenarioKind::region, region->id}, shared});
      for (const std::string& zone : region->zones) zones.push_back({{ScenarioKind::zone, zone}, shared});
      if (seen.insert("geography:" + region->geography).second)
        geographies.push_back({{ScenarioKind::geography, region->geography}, true});
    }
  }
  regions.insert(regions.end(), zones.begin(), zones.end());
  regions.insert(regions.end(), geographies.begin(), geographies.end());
  return regions;
}

template <typename Workload>
std::unordered_set<std::string> names_of(const std::vector<Workload>& list) {
  std::unordered_set<std::string> out;
  for (const Workload& w : list) out.insert(w.name.name);
  return out;
}

// Old name -> new name for workloads that disappeared while one with the same image appeared.
template <typename Workload>
std::map<std::string, std::string> renames(const std::vector<Workload>& before, const std::vector<Workload>& after) {
  const auto old_names = names_of(before);
  const auto new_names = names_of(after);
  std::unordered_map<std::string, std::vector<const Workload*>> added_by_image;
  for (const Workload& w : after) {
    if (!old_names.contains(w.name.name))
      added_by_image[w.image.name].push_back(&w);
  }
  std::map<std::string, std::string> out;
  for (const Workload& gone : before) {
    auto it = added_by_image.find(gone.image.name);
    if (new_names.contains(gone.name.name) || it == added_by_image.end() || it->second.empty())
      continue;
    out[gone.name.name] = it->second.front()->name.name;
    it->second.erase(it->second.begin());
  }
  return out;
}

template <typename Workload>
void workload_lines(std::string_view kind, const std::vector<Workload>& before, const std::vector<Workload>& after,
                    const std::map<std::string, std::string>& renamed, std::vector<std::string>& out) {
  std::unordered_set<std::string> new_names;
  for (const auto& [old_name, new_name] : renamed) {
    out.push_back(fmt::format("{} '{}' renamed to '{}'", kind, old_name, new_name));
    new_names.insert(new_name);
  }
  const auto old_side = names_of(before);
  const auto new_side = names_of(after);
  for (const Workload& w : before) {
    if (!new_side.contains(w.name.name) && !renamed.contains(w.name.name))
      out.push_back(fmt::format("{} '{}' removed", kind, w.name.name));
  }
  for (const Workload& w : after) {
    if (!old_side.contains(w.name.name) && !new_names.contains(w.name.name))
      out.push_back(fmt::format("{} '{}' added", kind, w.name.name));
  }
}

std::string changed_term(const FailoverTime& before, const FailoverTime& after) {
  const std::pair<const char*, std::int64_t> terms[] = {{"detection", after.detection - before.detection},
                                                        {"propagation", after.propagation - before.propagation},
                                                        {"warm-up", after.warmup - before.warmup},
                                                        {"data", after.data - before.data},
                                                        {"human", after.decision - before.decision}};
  const auto* largest = std::max_element(std::begin(terms), std::end(terms), [](const auto& a, const auto& b) {
    return std::llabs(a.second) < std::llabs(b.second);
  });
  return largest->second == 0 ? std::string() : largest->first;
}

// The name a workload had before: its own, or the one it was renamed from.
std::string old_name_of(const std::string& name, const std::map<std::string, std::string>& renamed) {
  for (const auto& [old_name, new_name] : renamed) {
    if (new_name == name)
      return old_name;
  }
  return name;
}

// Pairs each item of the new side with the old one it corresponds to: the nth item of a name
// with the nth of its old name, so that two apps sharing a name (CE108) are not crossed, in
// time linear in the number of items.
template <typename Item>
class Pairing {
public:
  template <typename NameOf>
  Pairing(const std::vector<Item>& before, NameOf name_of) {
    for (const Item& item : before) m_by_name[name_of(item)].push_back(&item);
  }
  /// The old counterpart of the next new item called `name`, which was called `old_name`.
  const Item* next(const std::string& name, const std::string& old_name) {
    const std::size_t nth = m_seen[name]++;
    const auto it = m_by_name.find(old_name);
    return it == m_by_name.end() || nth >= it->second.size() ? nullptr : it->second[nth];
  }

private:
  std::unordered_map<std::string, std::vector<const Item*>> m_by_name;
  std::unordered_map<std::string, std::size_t> m_seen;
};

const std::string& outcome_name(const AppOutcome& o) {
  return o.name;
}
const std::string& job_outcome_name(const JobOutcome& o) {
  return o.name;
}
const std::string& app_name(const App& a) {
  return a.name.name;
}

struct Context {
  const Deployment& after;
  const DiffPolicy& policy;
  std::map<std::string, std::string> app_renames;
  std::map<std::string, std::string> job_renames;
};

OutcomeChange change_of(const Scenario& scenario, std::string_view kind, const std::string& name,
                        std::string_view before, std::string_view after) {
  OutcomeChange change;
  change.scenario = fmt::format("{} {}", to_string(scenario.kind), scenario.target);
  change.kind = kind;
  change.name = name;
  change.before = before;
  change.after = after;
  return change;
}

bool failover_regresses(const Context& c, std::optional<std::int64_t> before, std::optional<std::int64_t> after) {
  if (!after)
    return false;
  const auto rto = c.after.objectives.rto;
  const bool past_rto = rto && *after > *rto && (!before || *before <= *rto);
  return past_rto || (before && *after > *before + c.policy.failover_growth);
}

void compare_apps(const Context& c, const ScenarioPlan& before, const ScenarioPlan& after, FileDiff& out) {
  Pairing<AppOutcome> pairs(before.apps, outcome_name);
  for (const AppOutcome& now : after.apps) {
    const AppOutcome* then = pairs.next(now.name, old_name_of(now.name, c.app_renames));
    if (then == nullptr)
      continue;
    OutcomeChange change = change_of(after.scenario, "app", now.name, to_string(then->status), to_string(now.status));
    if (then->failover)
      change.failover_before = then->failover->total();
    if (now.failover)
      change.failover_after = now.failover->total();
    if (then->failover && now.failover)
      change.term = changed_term(*then->failover, *now.failover);
    if (change.before == change.after && change.failover_before == change.failover_after)
      continue;
    change.worse = now.status > then->status || failover_regresses(c, change.failover_before, change.failover_after);
    change.better = !change.worse && (now.status < then->status || (change.failover_before && change.failover_after &&
                                                                    *change.failover_after < *change.failover_before));
    out.outcomes.push_back(std::move(change));
  }
}

void compare_jobs(const Context& c, const ScenarioPlan& before, const ScenarioPlan& after, FileDiff& out) {
  Pairing<JobOutcome> pairs(before.jobs, job_outcome_name);
  for (const JobOutcome& now : after.jobs) {
    const JobOutcome* then = pairs.next(now.name, old_name_of(now.name, c.job_renames));
    if (then == nullptr || then->status == now.status)
      continue;
    OutcomeChange change = change_of(after.scenario, "job", now.name, to_string(then->status), to_string(now.status));
    change.worse = now.status > then->status;
    change.better = now.status < then->status;
    out.outcomes.push_back(std::move(change));
  }
}

void compare_availability(const Context& c, const Deployment& before, const Catalog& catalog, FileDiff& out) {
  Pairing<App> pairs(before.apps, app_name);
  for (const App& app : c.after.apps) {
    const App* then = pairs.next(app.name.name, old_name_of(app.name.name, c.app_renames));
    if (then == nullptr)
      continue;
    const double was = composite_availability(before, *then, catalog).percent;
    const double is = composite_availability(c.after, app, catalog).percent;
    if (std::fabs(was - is) > 1e-9)
      out.availability.push_back({app.name.name, was, is});
  }
}

void compare_findings(const Deployment& before, const Deployment& after, const Catalog& catalog, FileDiff& out) {
  std::multiset<std::pair<std::string, std::string>> old_keys;
  std::multiset<std::pair<std::string, std::string>> new_keys;
  const std::vector<Finding> old_findings = check(before, catalog);
  const std::vector<Finding> new_findings = check(after, catalog);
  for (const Finding& f : old_findings) old_keys.emplace(f.rule->id, f.message);
  for (const Finding& f : new_findings) new_keys.emplace(f.rule->id, f.message);
  for (const Finding& f : new_findings) {
    if (auto it = old_keys.find({std::string(f.rule->id), f.message}); it != old_keys.end()) {
      old_keys.erase(it);
    } else {
      out.findings.push_back({true, f});
    }
  }
  for (const Finding& f : old_findings) {
    if (auto it = new_keys.find({std::string(f.rule->id), f.message}); it != new_keys.end()) {
      new_keys.erase(it);
    } else {
      out.findings.push_back({false, f});
    }
  }
}

void compare_objectives(const Objectives& before, const Objectives& after, FileDiff& out) {
  auto duration = [](const std::optional<std::int64_t>& v) { return v ? format_duration(*v) : std::string("none"); };
  auto percent = [](const std::optional<double>& v) { return v ? format_percent(*v) : std::string("none"); };
  if (before.rto != after.rto)
    out.objectives.push_back(fmt::format("rto: {} -> {}", duration(before.rto), duration(after.rto)));
  if (before.rpo != after.rpo)
    out.objectives.push_back(fmt::format("rpo: {} -> {}", duration(before.rpo), duration(after.rpo)));
  if (before.availability != after.availability)
    out.objectives.push_back(
        fmt::format("availability: {} -> {}", percent(before.availability), percent(after.availability)));
}

Verdict verdict_of(const FileDiff& d, const DiffPolicy& policy) {
  const bool worse =
      std::any_of(d.outcomes.begin(), d.outcomes.end(), [](const OutcomeChange& c) { return c.worse; }) ||
      std::any_of(d.availability.begin(), d.availability.end(), [](const auto& a) { return a.after < a.before; }) ||
      std::any_of(d.findings.begin(), d.findings.end(),
                  [&](const FindingChange& f) { return f.appeared && f.finding.severity <= policy.findings; });
  if (worse)
    return Verdict::regressed;
  const bool better =
      std::any_of(d.outcomes.begin(), d.outcomes.end(), [](const OutcomeChange& c) { return c.better; }) ||
      std::any_of(d.availability.begin(), d.availability.end(), [](const auto& a) { return a.after > a.before; }) ||
      std::any_of(d.findings.begin(), d.findings.end(), [](const FindingChange& f) { return !f.appeared; });
  if (better)
    return Verdict::improved;
  const bool any = !d.outcomes.empty() || !d.findings.empty() || !d.objectives.empty() || !d.workloads.empty();
  return any ? Verdict::changed : Verdict::unchanged;
}

}  // namespace

FileDiff diff(const Deployment& before, const Deployment& after, const Catalog& catalog, const DiffPolicy& policy) {
  FileDiff out;
  const Context c{after, policy, renames(before.apps, after.apps), renames(before.jobs, after.jobs)};
  workload_lines("app", before.apps, after.apps, c.app_renames, out.workloads);
  workload_lines("job", before.jobs, after.jobs, c.job_renames, out.workloads);
  compare_objectives(before.objectives, after.objectives, out);
  for (const Compared& compared : scenarios_of(before, after, catalog)) {
    const ScenarioPlan then = outcomes(before, catalog, compared.scenario);
    const ScenarioPlan now = outcomes(after, catalog, compared.scenario);
    const std::size_t first = out.outcomes.size();
    compare_apps(c, then, now, out);
    compare_jobs(c, then, now, out);
    for (std::size_t i = first; i < out.outcomes.size() && !compared.shared; ++i) {
      out.outcomes[i].worse = false;
      out.outcomes[i].better = false;
    }
  }
  compare_availability(c, before, catalog, out);
  compare_findings(before, after, catalog, out);
  out.verdict = verdict_of(out, policy);
  return out;
}

std::string_view to_string(Verdict verdict) {
  switch (verdict) {
    case Verdict::unchanged: return "unchanged";
    case Verdict::changed: return "changed";
    case Verdict::improved: return "improved";
    case Verdict::regressed: return "regressed";
  }
  return "unchanged";
}

}  // namespace ceplan
