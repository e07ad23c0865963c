#include "render/plan.hpp"

#include <fmt/format.h>

#include "render/mermaid.hpp"
#include "render/structured.hpp"
#include "render/table.hpp"
#include "render/world_json.hpp"
#include "support/error.hpp"
#include "support/version.hpp"

namespace ceplan::render {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view independence_note =
    "Availability assumes independent regional failures, as IBM's multizone design intends.";

// Every invariant the simulator found broken: each step's, with its id, then the end state's.
std::vector<std::string> unsafe_lines(const std::vector<Step>& steps, const std::vector<std::string>& unsafe) {
  std::vector<std::string> out;
  for (const Step& step : steps) {
    for (const std::string& violation : step.violations) out.push_back(fmt::format("{}: {}", step.id, violation));
  }
  out.insert(out.end(), unsafe.begin(), unsafe.end());
  return out;
}

// A step's chained command as the commands it runs, in order: a tool that runs them one by one
// stops at the first that fails, as the `&&` chain does.
Json command_list(std::string_view chained) {
  Json out = Json::array();
  for (std::size_t start = 0; start < chained.size();) {
    const std::size_t end = std::min(chained.find('\n', start), chained.size());
    std::string_view line = chained.substr(start, end - start);
    start = end + 1;
    if (line.ends_with(" &&"))
      line.remove_suffix(3);
    if (!line.empty())
      out.push_back(std::string(line));
  }
  return out;
}

Json steps_json(const std::vector<Step>& steps) {
  Json list = Json::array();
  for (const Step& step : steps) {
    list.push_back(Json{{"id", step.id},
                        {"phase", step.phase},
                        {"title", step.title},
                        {"command", step.command},
                        {"commands", command_list(step.command)},
                        {"verify", step.verify},
                        {"objective", step.objective},
                        {"effect", step.effects},
                        {"violations", step.violations}});
  }
  return list;
}

Json data_json(const DataRecovery& data) {
  return Json{
      {"promoted", data.promoted}, {"restored", data.restored}, {"lost", data.lost}, {"copy_lost", data.copy_lost}};
}

Json capacity_json(const std::vector<RegionLoad>& loads) {
  Json list = Json::array();
  for (const RegionLoad& load : loads) {
    list.push_back(Json{{"region", load.region},
                        {"takes_over", load.takes_over},
                        {"instances", load.instances},
                        {"vcpu", load.vcpu},
                        {"memory_gb", load.memory_gb},
                        {"over_limits", load.over()},
                        {"unbounded_apps", load.unbounded},
                        {"unknown_apps", load.unknown}});
  }
  return Json{{"limits", {{"instances", caps::instances}, {"vcpu", caps::vcpu}, {"memory_gb", caps::memory_gb}}},
              {"regions", std::move(list)}};
}

Json revisions_json(const ScenarioPlan& plan) {
  Json out = Json::object();
  for (const auto& [region, count] : plan.revisions) out[region] = count;
  return out;
}

Json plan_json(const Deployment& d, const ScenarioPlan& plan, bool effects) {
  Json apps = Json::array();
  for (const AppOutcome& app : plan.apps) {
    Json entry{{"name", app.name}, {"status", to_string(app.status)}, {"serving_regions", app.serving_regions}};
    entry["lost_registry"] = app.lost_registry.empty() ? Json(nullptr) : Json(app.lost_registry);
    entry["lost_secret"] = app.lost_secret.empty() ? Json(nullptr) : Json(app.lost_secret);
    if (app.failover) {
      entry["failover_seconds"] = app.failover->total();
      entry["failover_terms"] = Json{{"detection", app.failover->detection},
                                     {"propagation", app.failover->propagation},
                                     {"warmup", app.failover->warmup},
                                     {"data", app.failover->data},
                                     {"human", app.failover->decision}};
    } else {
      entry["failover_seconds"] = app.routing == AppStatus::unaffected ? Json(0) : Json(nullptr);
      entry["failover_terms"] = nullptr;
    }
    entry["availability"] = app.availability.percent;
    entry["downtime_minutes_per_month"] = downtime_minutes_per_month(app.availability.percent);
    entry["redundancy_lost"] = app.redundancy_lost;
    // An app without a `data` list uses every store: the plan's `data` says what they need, once.
    entry["data"] = app.uses_every_store ? Json{{"every_store", true}} : data_json(*app.data);
    entry["data"]["every_store"] = app.uses_every_store;
    apps.push_back(std::move(entry));
  }
  Json jobs = Json::array();
  for (const JobOutcome& job : plan.jobs) {
    jobs.push_back(Json{{"name", job.name},
                        {"status", to_string(job.status)},
                        {"regions", job.regions},
                        {"lost_registry", job.lost_registry.empty() ? Json(nullptr) : Json(job.lost_registry)},
                        {"lost_secret", job.lost_secret.empty() ? Json(nullptr) : Json(job.lost_secret)}});
  }
  Json out{{"ceplan", version()},
           {"project", d.project},
           {"scenario", {{"kind", to_string(plan.scenario.kind)}, {"target", plan.scenario.target}}},
           {"lost_regions", plan.lost},
           {"degraded_regions", plan.degraded},
           {"lost_registries", plan.lost_registries},
           {"capacity", capacity_json(plan.capacity)},
           {"new_revisions", revisions_json(plan)},
           {"notes", plan.notes},
           {"data", data_json(*plan.data)},
           {"apps", std::move(apps)},
           {"jobs", std::move(jobs)},
           {"steps", steps_json(plan.steps)},
           {"unsafe", unsafe_lines(plan.steps, plan.unsafe)}};
  if (effects)
    out["world"] = world_json(plan.start, plan.end);
  return out;
}

constexpr std::string_view registry_note =
    "apps that pull from them are degraded: they serve with the instances they have, until Code Engine moves them, "
    "but cannot scale, restart or move; jobs cannot start runs";

// "a, b", or "-" for none.
std::string region_list(const std::vector<std::string>& regions) {
  return regions.empty() ? std::string("-") : fmt::format("{}", fmt::join(regions, ", "));
}

// "redundancy lost: the copy of db is gone", for an app whose stores lost a replica or backup copy.
std::string copy_lost_text(const AppOutcome& app) {
  return fmt::format("redundancy lost: the copy of {} is gone", fmt::join(app.data->copy_lost, ", "));
}

std::string failover_text(const Deployment& d, const AppOutcome& app) {
  if (!app.failover) {
    if (app.redundancy_lost) {
      return app.data->copy_lost.empty() ? "- (redundancy lost: the idle standby is gone)"
                                         : fmt::format("- ({})", copy_lost_text(app));
    }
    if (app.status == AppStatus::degraded)
      return fmt::format("- (serves as it is: registry {} lost)", app.lost_registry);
    return app.status == AppStatus::unaffected ? "-" : "n/a";
  }
  const EdgeProxy defaults;
  const EdgeProxy& proxy = d.failover.edge_proxy ? *d.failover.edge_proxy : defaults;
  const HealthCheck& check = proxy.health_check;
  const FailoverTime& time = *app.failover;
  const std::string human = time.decision > 0 ? fmt::format(" + human {}", format_duration(time.decision)) : "";
  if (time.detection == 0 && time.propagation == 0 && time.warmup == 0) {
    return fmt::format("{} = data {}{} (the app stays; its data moves)", format_duration(time.total()),
                       format_duration(time.data), human);
  }
  const std::string data = time.data > 0 ? fmt::format(" + data {}{}", format_duration(time.data), human) : "";
  return fmt::format("{} = detection {} ({} + ({} + 1) × {}) + propagation {}{} + warm-up {}{}",
                     format_duration(time.total()), format_duration(time.detection),
                     format_duration(check.interval.value), check.retries.value, format_duration(check.timeout.value),
                     format_duration(time.propagation), proxy.proxied ? " (proxied)" : " (DNS TTL)",
                     format_duration(time.warmup), data);
}

// The failover, and when the app also loses a copy of its data, that redundancy is gone.
std::string failover_cell(const Deployment& d, const AppOutcome& app) {
  std::string out = failover_text(d, app);
  if (app.failover && !app.data->copy_lost.empty())
    out += "; " + copy_lost_text(app);
  return out;
}

std::string availability_text(const AppOutcome& app) {
  const CompositeAvailability& a = app.availability;
  std::string formula;
  const std::string edge = a.edge_proxy > 0 ? fmt::format("{}% × ", a.edge_proxy) : "";
  if (a.regions.size() >= 2) {
    std::string product;
    for (double region : a.regions) {
      product += fmt::format("{}(1 − {}%)", product.empty() ? "" : " × ", region);
    }
    formula = a.edge_proxy > 0 ? fmt::format(" = {}(1 − {})", edge, product) : fmt::format(" = 1 − {}", product);
  } else if (a.regions.size() == 1) {
    formula = fmt::format(" = {}A(region) {}%", edge, a.regions.front());
  }
  if (a.stores > 0)
    formula += a.stores == 1 ? fmt::format(" × {}% (its data store)", a.store)
                             : fmt::format(" × {}%^{} (its {} data stores)", a.store, a.stores, a.stores);
  std::string event;
  const double allowance = downtime_minutes_per_month(a.percent);
  if (app.failover && app.failover->total() > 0 && allowance > 0)
    event = fmt::format("; this event costs up to {}, {:.1f} months of that allowance",
                        format_duration(app.failover->total()),
                        static_cast<double>(app.failover->total()) / 60 / allowance);
  else if (app.status == AppStatus::down)
    event = "; this event costs until it is restored";
  return fmt::format("{}%{}; allows {:.1f} min/month, {:.1f} h/year of downtime{}", format_percent(a.percent), formula,
                     allowance, downtime_hours_per_year(a.percent), event);
}

// What the regions that take over must run at max scale, against the project's caps: one line per
// region, then the apps it cannot count.
std::vector<std::string> capacity_lines(const ScenarioPlan& plan) {
  std::vector<std::string> out;
  for (const RegionLoad& load : plan.capacity) {
    if (!load.takes_over)
      continue;
    out.push_back(fmt::format("{}: up to {} instances of {}, {:.4g} vCPU of {:.4g}, {:.4g} GB of {:.4g}{}", load.region,
                              load.instances, caps::instances, load.vcpu, caps::vcpu, load.memory_gb, caps::memory_gb,
                              load.over() ? " — OVER a per-project limit: it cannot take the whole load" : ""));
    if (!load.unbounded.empty())
      out.push_back(
          fmt::format("{}: max_scale 0, no limit but the caps: {}", load.region, fmt::join(load.unbounded, ", ")));
    if (!load.unknown.empty())
      out.push_back(
          fmt::format("{}: cpu or memory not readable, left out: {}", load.region, fmt::join(load.unknown, ", ")));
  }
  for (const auto& [region, count] : plan.revisions)
    out.push_back(fmt::format("{}: {} new app revision{} (a project holds at most {}, old ones included)", region,
                              count, count == 1 ? "" : "s", caps::revisions));
  return out;
}

constexpr std::string_view capacity_heading =
    "Capacity where the load moves: each app's max scale there plus its share of the lost regions' (running jobs "
    "and builds count too)";

std::string scenario_title(const ScenarioPlan& plan) {
  return fmt::format("{} {} is lost", to_string(plan.scenario.kind), plan.scenario.target);
}

// An objective is named where it starts to apply, not again on each step that follows.
bool names_objective(const std::vector<Step>& steps, std::size_t i) {
  return i == 0 || steps[i - 1].objective != steps[i].objective;
}

std::string steps_text(const std::vector<Step>& steps, bool effects) {
  std::string out;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const Step& step = steps[i];
    out += fmt::format("  {}. [{}] {} ({})\n", i + 1, step.phase, step.title, step.id);
    out += prefix_lines(step.command, "       $ ");
    out += fmt::format("       verify: {}\n", step.verify);
    if (names_objective(steps, i))
      out += fmt::format("       objective: {}\n", step.objective);
    if (effects && !step.effects.empty())
      out += fmt::format("       effect: {}\n", fmt::join(step.effects, "; "));
    for (const std::string& violation : step.violations) out += fmt::format("       UNSAFE: {}\n", violation);
  }
  return out;
}

// The banner above a procedure the simulator found unsafe, with what it found.
std::string unsafe_text(const std::vector<Step>& steps, const std::vector<std::string>& unsafe, bool markdown) {
  const std::vector<std::string> lines = unsafe_lines(steps, unsafe);
  if (lines.empty())
    return {};
  std::string out = markdown ? "> **UNSAFE:** " : "UNSAFE: ";
  out +=
      "executing this procedure on a model of the project breaks the safety invariants below (SPEC §8); "
      "review every step marked UNSAFE by hand before running it.\n";
  for (const std::string& line : lines) out += (markdown ? "> - " + markdown_text(line) : "  - " + line) + "\n";
  return out + "\n";
}

// Every value in Markdown goes through markdown_text() (or a fence longer than its backticks), so
// that a name from the file cannot add a link, HTML or a table cell.
std::string steps_markdown(const std::vector<Step>& steps, bool effects) {
  std::string out;
  std::string phase;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const Step& step = steps[i];
    if (step.phase != phase) {
      phase = step.phase;
      out += fmt::format("\n### {}\n\n", markdown_text(phase));
    }
    out += fmt::format("- [ ] **{}** — {}\n", markdown_text(step.id), markdown_text(step.title));
    if (!step.command.empty()) {
      const std::string fence = markdown_fence(step.command);
      out += fmt::format("  {}sh\n{}  {}\n", fence, prefix_lines(printable(step.command, true), "  "), fence);
    }
    out += fmt::format("  - Verify: {}\n", markdown_text(step.verify));
    if (names_objective(steps, i))
      out += fmt::format("  - Objective: {}\n", markdown_text(step.objective));
    if (effects && !step.effects.empty())
      out += fmt::format("  - Effect: {}\n", markdown_text(fmt::format("{}", fmt::join(step.effects, "; "))));
    for (const std::string& violation : step.violations)
      out += fmt::format("  - **UNSAFE:** {}\n", markdown_text(violation));
  }
  return out;
}

// `regions` as Markdown text.
std::string markdown_regions(const std::vector<std::string>& regions) {
  return markdown_text(region_list(regions));
}

std::string plan_text(const Deployment& d, const ScenarioPlan& plan, bool effects) {
  std::string out = unsafe_text(plan.steps, plan.unsafe, false);
  out +=
      fmt::format("Scenario: {}\nProject: {} ({})\n", scenario_title(plan), d.project, to_string(d.failover.strategy));
  out += fmt::format("Regions lost: {}\n", plan.lost.empty() ? "none" : fmt::format("{}", fmt::join(plan.lost, ", ")));
  if (!plan.degraded.empty()) {
    out += fmt::format("Regions losing a zone: {} (Code Engine re-creates workloads in another zone)\n",
                       fmt::join(plan.degraded, ", "));
  }
  if (!plan.lost_registries.empty())
    out += fmt::format("Registries lost: {}: {}\n", fmt::join(plan.lost_registries, ", "), registry_note);
  for (const std::string& note : plan.notes) out += fmt::format("Note: {}\n", note);
  Table apps({"App", "Status", "Serving", "Worst-case failover"});
  for (const AppOutcome& app : plan.apps) {
    apps.add({app.name, std::string(to_string(app.status)), region_list(app.serving_regions), failover_cell(d, app)});
  }
  out += '\n';
  out += apps.str();
  out += "\nAvailability in normal operation:\n";
  for (const AppOutcome& app : plan.apps) {
    out += fmt::format("  {}: {}\n", app.name, availability_text(app));
  }
  out += fmt::format("  {}\n", independence_note);
  if (const auto lines = capacity_lines(plan); !lines.empty())
    out += fmt::format("\n{}:\n  {}\n", capacity_heading, fmt::join(lines, "\n  "));
  if (!plan.jobs.empty()) {
    Table jobs({"Job", "Status", "Regions"});
    for (const JobOutcome& job : plan.jobs) {
      jobs.add({job.name, std::string(to_string(job.status)), region_list(job.regions)});
    }
    out += '\n';
    out += jobs.str();
  }
  return out + "\nChecklist:\n" + steps_text(plan.steps, effects);
}

std::string plan_markdown(const Deployment& d, const Catalog& catalog, const ScenarioPlan& plan, bool effects) {
  std::string out =
      fmt::format("# Scenario: {}\n\nProject **{}**, strategy {}. Regions lost: {}.\n\n",
                  markdown_text(scenario_title(plan)), markdown_text(d.project), to_string(d.failover.strategy),
                  plan.lost.empty() ? "none" : markdown_text(fmt::format("{}", fmt::join(plan.lost, ", "))));
  if (!plan.lost_registries.empty())
    out += fmt::format("Registries lost: {}: {}.\n\n",
                       markdown_text(fmt::format("{}", fmt::join(plan.lost_registries, ", "))), registry_note);
  for (const std::string& note : plan.notes) out += fmt::format("> **Note:** {}\n\n", markdown_text(note));
  out += unsafe_text(plan.steps, plan.unsafe, true);
  out += mermaid(d, catalog, plan.lost);
  out +=
      "\n## Apps\n\n| app | status | serving regions | worst-case failover | availability |\n|---|---|---|---|---|\n";
  for (const AppOutcome& app : plan.apps) {
    out += fmt::format("| {} | {} | {} | {} | {} |\n", markdown_text(app.name), to_string(app.status),
                       markdown_regions(app.serving_regions), markdown_text(failover_cell(d, app)),
                       markdown_text(availability_text(app)));
  }
  out += fmt::format("\n{}\n", independence_note);
  if (const auto lines = capacity_lines(plan); !lines.empty()) {
    out += fmt::format("\n## Capacity\n\n{}:\n\n", capacity_heading);
    for (const std::string& line : lines) out += fmt::format("- {}\n", markdown_text(line));
  }
  if (!plan.jobs.empty()) {
    out += "\n## Jobs\n\n| job | status | regions |\n|---|---|---|\n";
    for (const JobOutcome& job : plan.jobs) {
      out += fmt::format("| {} | {} | {} |\n", markdown_text(job.name), to_string(job.status),
                         markdown_regions(job.regions));
    }
  }
  return out + "\n## Checklist\n" + steps_markdown(plan.steps, effects);
}

}  // namespace

std::string heading(const Runbook& runbook) {
  return runbook.title.empty()
             ? fmt::format("Restore runbook: project {} from {} into {}", runbook.project, runbook.from, runbook.to)
             : runbook.title;
}

std::string heading(const ScenarioPlan& plan, const Deployment& deployment) {
  return fmt::format("Failover plan: {} (project {})", scenario_title(plan), deployment.project);
}

namespace {}  // namespace

bool unsafe(const std::vector<Step>& steps, const std::vector<std::string>& end_state) {
  return !unsafe_lines(steps, end_state).empty();
}

PlanFormat parse_plan_format(std::string_view name) {
  if (name == "text")
    return PlanFormat::text;
  if (name == "markdown")
    return PlanFormat::markdown;
  if (name == "json")
    return PlanFormat::json;
  throw usage_error(fmt::format("unknown format '{}'; expected text, markdown or json", name));
}

std::string plans(const Deployment& d, const Catalog& catalog, std::span<const ScenarioPlan> plans, PlanFormat format,
                  bool effects) {
  if (format == PlanFormat::json) {
    Json list = Json::array();
    for (const ScenarioPlan& plan : plans) list.push_back(plan_json(d, plan, effects));
    return to_json(list);
  }
  std::string out;
  for (const ScenarioPlan& plan : plans) {
    if (!out.empty())
      out += format == PlanFormat::markdown ? "\n---\n\n" : "\n";
    out += format == PlanFormat::markdown ? plan_markdown(d, catalog, plan, effects)
                                          : printable(plan_text(d, plan, effects), true);
  }
  return out;
}

std::string runbook(const Runbook& runbook, PlanFormat format, bool effects) {
  if (format == PlanFormat::json) {
    Json out{{"ceplan", version()},
             {"project", runbook.project},
             {"from", runbook.from},
             {"to", runbook.to},
             {"objectives", runbook.objectives},
             {"estimate", runbook.estimate},
             {"notes", runbook.notes},
             {"steps", steps_json(runbook.steps)},
             {"unsafe", unsafe_lines(runbook.steps, runbook.unsafe)}};
    if (effects)
      out["world"] = world_json(runbook.start, runbook.end);
    return to_json(out);
  }
  const std::string objectives = runbook.objectives.empty() ? "none set" : runbook.objectives;
  if (format == PlanFormat::markdown) {
    std::string notes;
    for (const std::string& note : runbook.notes) notes += fmt::format("> **Note:** {}\n\n", markdown_text(note));
    notes += unsafe_text(runbook.steps, runbook.unsafe, true);
    return fmt::format(
        "# {}\n\n"
        "| project | from | to | objectives | estimate |\n|---|---|---|---|---|\n| {} | {} | {} | {} | {} |\n\n"
        "{}Code Engine backs up project metadata but does not restore workloads; these steps do, in dependency "
        "order. Check each box as it is done.\n\n## Steps\n{}",
        markdown_text(heading(runbook)), markdown_text(runbook.project), markdown_text(runbook.from),
        markdown_text(runbook.to), markdown_text(objectives), markdown_text(runbook.estimate), notes,
        steps_markdown(runbook.steps, effects));
  }
  std::string notes;
  for (const std::string& note : runbook.notes) notes += fmt::format("Note: {}\n", note);
  notes += unsafe_text(runbook.steps, runbook.unsafe, false);
  // Text goes to a terminal: nothing from the file may move the cursor or reorder what is shown.
  return printable(fmt::format("{}\nObjectives: {}\nEstimate: {}\n{}\n{}", heading(runbook), objectives,
                               runbook.estimate, notes, steps_text(runbook.steps, effects)),
                   true);
}

}  // namespace ceplan::render
