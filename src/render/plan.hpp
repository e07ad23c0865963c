#pragma once
// Renders `ceplan plan` scenarios and `ceplan runbook` checklists as text, Markdown or JSON.

#include <span>
#include <string>
#include <string_view>

#include "planner/runbook.hpp"
#include "planner/scenario.hpp"

namespace ceplan::render {

/// Output formats of plan and runbook.
enum class PlanFormat { text, markdown, json };

/// Parses "text", "markdown" or "json"; throws InputError otherwise.
[[nodiscard]] PlanFormat parse_plan_format(std::string_view name);

/// Scenario plans; JSON gives one document for one scenario and a list for several.
[[nodiscard]] std::string plans(const Deployment& deployment, const Catalog& catalog,
                                std::span<const ScenarioPlan> plans, PlanFormat format, bool as_list);
/// A restore runbook; Markdown renders its steps as `- [ ]` checklists.
[[nodiscard]] std::string runbook(const Runbook& runbook, PlanFormat format);

}  // namespace ceplan::render
