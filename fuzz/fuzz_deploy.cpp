// libFuzzer target: a deploy file through the loader, every rule, its ignore comments, every
// scenario and a runbook.
// Input errors are the expected outcome for most inputs; anything else that escapes is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "budget.hpp"
#include "catalog/embedded_catalog.hpp"
#include "loader/yaml_split.hpp"
#include "model/deploy_loader.hpp"
#include "planner/diff.hpp"
#include "planner/runbook.hpp"
#include "planner/scenario.hpp"
#include "render/ci.hpp"
#include "render/findings.hpp"
#include "render/junit.hpp"
#include "render/plan.hpp"
#include "rules/check.hpp"
#include "rules/suppression.hpp"

namespace {

const ceplan::Catalog& catalog() {
  static const ceplan::Catalog instance = ceplan::embedded_catalog();
  return instance;
}

void exercise(std::string_view text, const ceplan::Deployment& deployment) {
  std::vector<ceplan::Finding> findings = ceplan::check(deployment, catalog());
  // The file's `# ceplan:ignore` comments; an unknown rule in one is an input error.
  (void)ceplan::apply_suppressions(text, "f.yaml", findings, {}, true);
  const std::vector<ceplan::render::FileReport> reports{{"f.yaml", std::move(findings)}};
  (void)ceplan::render::findings(reports, ceplan::render::FindingsFormat::json);
  (void)ceplan::render::sarif(reports);
  (void)ceplan::render::junit(reports, {}, {ceplan::Severity::info});
  (void)ceplan::render::junit(reports, {}, {ceplan::Severity::info, ceplan::render::JunitFlavor::strict});
  (void)ceplan::render::github(reports);
  std::vector<ceplan::ScenarioPlan> plans;
  for (const ceplan::Region& region : catalog().regions()) {
    plans.push_back(ceplan::plan(deployment, catalog(), {ceplan::ScenarioKind::region, region.id}));
    plans.push_back(ceplan::plan(deployment, catalog(), {ceplan::ScenarioKind::zone, region.zones.front()}));
  }
  plans.push_back(ceplan::plan(deployment, catalog(), {ceplan::ScenarioKind::geography, "Europe"}));
  (void)ceplan::render::plans(deployment, catalog(), plans, ceplan::render::PlanFormat::markdown);
  (void)ceplan::render::plans(deployment, catalog(), plans, ceplan::render::PlanFormat::json);
  (void)ceplan::diff(deployment, deployment, catalog());
  try {
    const auto runbook = ceplan::restore_runbook(deployment, catalog(), "eu-gb");
    (void)ceplan::render::runbook(runbook, ceplan::render::PlanFormat::json);
  } catch (const ceplan::InputError&) {
    // restoring into the project's own source region is refused; that is expected
  }
}

// Where the text can be parsed in parts, the parts must give the tree of the whole.
void compare_parts(std::string_view text) {
  try {
    const ceplan::yaml::Node whole = ceplan::yaml::parse(text, "f.yaml");
    const auto parts = ceplan::yaml::parse_in_parts(
        text, {},
        [](std::string_view part, const ceplan::yaml::Limits& limits) {
          return ceplan::yaml::parse(part, "f.yaml", limits);
        },
        0);
    if (parts && !(*parts == whole)) {
      std::fprintf(stderr, "parsing in parts gave another tree than parsing whole\n");
      std::abort();
    }
  } catch (const ceplan::InputError&) {
    // not YAML ceplan reads: nothing to compare
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)catalog();  // loaded once, outside the first input's budget
  const fuzz::Meter meter(fuzz::input_budget, size);
  compare_parts(text);
  try {
    exercise(text, ceplan::load_deployment(text, "f.yaml"));
  } catch (const ceplan::InputError& error) {
    for (const auto& diagnostic : error.diagnostics()) {
      (void)diagnostic.format();
    }
  }
  meter.check();
  return 0;
}
