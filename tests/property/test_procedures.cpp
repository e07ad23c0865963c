// The planner's property test (SPEC §8): every region and geography plan, every runbook (each
// project region lost, restored into each other one) and every fail-back of thousands of generated
// deploy files is replayed by the simulator, and none may break an invariant. The count and first
// seed come from CEPLAN_PROPERTY_FILES (default 2000) and CEPLAN_PROPERTY_SEED (default 1). A
// failure prints its seed and file: shrink it by hand and keep it in tests/data/property-regressions/.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <fmt/format.h>

#include "catalog/embedded_catalog.hpp"
#include "generator.hpp"
#include "model/deploy_loader.hpp"
#include "planner/action.hpp"
#include "planner/failback.hpp"
#include "planner/runbook.hpp"
#include "planner/scenario.hpp"

namespace {

const ceplan::Catalog& catalog() {
  static const ceplan::Catalog instance = ceplan::embedded_catalog();
  return instance;
}

std::uint32_t setting(const char* name, std::uint32_t fallback) {
  const char* value = std::getenv(name);
  return value == nullptr || *value == '\0' ? fallback : static_cast<std::uint32_t>(std::strtoul(value, nullptr, 10));
}

void note(const std::string& procedure, const std::vector<ceplan::Step>& steps, const std::vector<std::string>& end,
          std::vector<std::string>& out) {
  for (const ceplan::Step& step : steps) {
    for (const std::string& violation : step.violations)
      out.push_back(fmt::format("{}: {}: {}", procedure, step.id, violation));
  }
  for (const std::string& violation : end) out.push_back(fmt::format("{}: {}", procedure, violation));
}

// The capacity a plan reports for each region covers the max scale its steps leave there.
void check_capacity(const ceplan::Deployment& d, const ceplan::Scenario& scenario, const ceplan::ScenarioPlan& plan,
                    std::vector<std::string>& out) {
  if (plan.lost.empty())
    return;
  ceplan::WorldState state = ceplan::scenario_state(d, catalog(), scenario);
  for (const ceplan::Step& step : plan.steps) {
    for (const ceplan::Action& action : step.actions) ceplan::apply(state, d, action);
  }
  for (const auto& [id, region] : state.regions) {
    if (!region.reachable || region.apps.empty())
      continue;
    std::int64_t instances = 0;
    for (const auto& [name, app] : region.apps) instances += app.max_scale.value_or(ceplan::caps::app_max_scale);
    const auto load = std::find_if(plan.capacity.begin(), plan.capacity.end(),
                                   [&](const ceplan::RegionLoad& l) { return l.region == id; });
    const std::int64_t counted = load == plan.capacity.end() ? 0 : load->instances;
    const bool unbounded = load != plan.capacity.end() && !load->unbounded.empty();
    if (instances > counted && !unbounded)
      out.push_back(fmt::format("plan {}: capacity of {} counts {} instances, its apps may run {}", scenario.target, id,
                                counted, instances));
  }
}

// Every violation of every procedure of `d`.
std::vector<std::string> violations(const ceplan::Deployment& d, const std::vector<std::string>& regions,
                                    const std::vector<std::string>& geographies, std::size_t& procedures,
                                    std::size_t& registries_lost) {
  std::vector<std::string> out;
  // Every project region and geography, and those of the registries the file pulls from.
  std::vector<ceplan::Scenario> scenarios = ceplan::parse_scenarios("all", d, catalog());
  for (const std::string& geography : geographies) {
    if (std::none_of(scenarios.begin(), scenarios.end(),
                     [&](const ceplan::Scenario& s) { return s.target == geography; }))
      scenarios.push_back({ceplan::ScenarioKind::geography, geography});
  }
  for (const ceplan::Scenario& scenario : scenarios) {
    const std::string name = fmt::format("{} {}", ceplan::to_string(scenario.kind), scenario.target);
    const auto plan = ceplan::plan(d, catalog(), scenario);
    note("plan " + name, plan.steps, plan.unsafe, out);
    registries_lost += plan.lost_registries.empty() ? 0 : 1;
    check_capacity(d, scenario, plan, out);
    const auto back = ceplan::failback(d, catalog(), scenario);
    note("failback " + name, back.steps, back.unsafe, out);
    procedures += 2;
  }
  for (const std::string& from : regions) {
    for (const std::string& to : regions) {
      if (from == to)
        continue;
      const auto runbook = ceplan::restore_runbook(d, catalog(), to, from);
      note(fmt::format("runbook {} -> {}", from, to), runbook.steps, runbook.unsafe, out);
      ++procedures;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("every procedure of every generated deploy file keeps the invariants") {
  const std::uint32_t files = setting("CEPLAN_PROPERTY_FILES", 2000);
  const std::uint32_t first = setting("CEPLAN_PROPERTY_SEED", 1);
  std::size_t procedures = 0;
  std::size_t registries_lost = 0;  // plans in which a registry the file pulls from is lost
  for (std::uint32_t seed = first; seed < first + files; ++seed) {
    const property::GeneratedFile file = property::generate(seed, catalog());
    const ceplan::Deployment d = ceplan::load_deployment(file.text, fmt::format("seed-{}.yaml", seed));
    const auto found = violations(d, file.regions, file.geographies, procedures, registries_lost);
    if (!found.empty()) {
      FAIL(fmt::format("seed {} breaks an invariant:\n{}\n{}", seed, fmt::join(found, "\n"), file.text));
    }
  }
  INFO(procedures);
  CHECK(procedures >= files * 5);
  CHECK(registries_lost >= files / 4);
  WARN(fmt::format("{} procedures of {} generated files ({} plans losing a registry), 0 violations", procedures, files,
                   registries_lost));
}

TEST_CASE("every reproducer the property test found keeps the invariants") {
  std::size_t procedures = 0;
  std::size_t registries_lost = 0;
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(CEPLAN_PROPERTY_REGRESSIONS)) {
    std::ifstream in(entry.path());
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const ceplan::Deployment d = ceplan::load_deployment(text, entry.path().filename().string());
    std::vector<std::string> regions;
    std::vector<std::string> geographies;
    for (const ceplan::ProjectRegion& region : d.regions) {
      regions.push_back(region.id.name);
      const std::string& geography = catalog().at(region.id.name).geography;
      if (std::find(geographies.begin(), geographies.end(), geography) == geographies.end())
        geographies.push_back(geography);
    }
    INFO(entry.path().string());
    CHECK(violations(d, regions, geographies, procedures, registries_lost) == std::vector<std::string>{});
    ++files;
  }
  CHECK(files >= 1);
}
