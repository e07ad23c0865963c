#pragma once
// Every command line the plans and runbooks of one deploy file print: each region and geography
// scenario of its regions, and the runbooks from its first regions into every catalog region.
// Shared by fuzz_commands and the shell-safety unit test.
#include <algorithm>
#include <string>
#include <vector>

#include "planner/runbook.hpp"
#include "planner/scenario.hpp"

namespace fuzz {

/// Appends each line of each step's commands to `lines`.
inline void add_lines(const std::vector<ceplan::Step>& steps, std::vector<std::string>& lines) {
  for (const ceplan::Step& step : steps) {
    std::size_t start = 0;
    while (start < step.command.size()) {
      const auto end = std::min(step.command.find('\n', start), step.command.size());
      lines.push_back(step.command.substr(start, end - start));
      start = end + 1;
    }
  }
}

/// Every command line of the procedures `deployment` gets (at most 4 source regions, so that a
/// file of 100 regions stays within a fuzz input's budget).
inline std::vector<std::string> every_command_line(const ceplan::Deployment& deployment,
                                                   const ceplan::Catalog& catalog) {
  std::vector<std::string> lines;
  std::vector<std::string> geographies;
  const std::size_t sources = std::min<std::size_t>(deployment.regions.size(), 4);
  for (std::size_t i = 0; i < sources; ++i) {
    const std::string& id = deployment.regions[i].id.name;
    const ceplan::Region* region = catalog.find(id);
    if (region == nullptr)
      continue;
    add_lines(ceplan::plan(deployment, catalog, {ceplan::ScenarioKind::region, id}).steps, lines);
    if (std::find(geographies.begin(), geographies.end(), region->geography) == geographies.end()) {
      geographies.push_back(region->geography);
      add_lines(ceplan::plan(deployment, catalog, {ceplan::ScenarioKind::geography, region->geography}).steps, lines);
    }
    for (const ceplan::Region& to : catalog.regions()) {
      try {
        add_lines(ceplan::restore_runbook(deployment, catalog, to.id, id).steps, lines);
      } catch (const ceplan::InputError&) {
        // into the region itself, or a file the runbook refuses
      }
    }
  }
  return lines;
}

}  // namespace fuzz
