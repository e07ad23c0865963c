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

/// Scenario plans; JSON is always a list of plans, one per scenario (so a consumer reads one shape
/// whatever --scenario selects), each step with its `effect` on the world state; `effects` shows them in text and
/// Markdown too. A procedure the simulator found unsafe opens with a banner, and each step that breaks an invariant
/// says which.
[[nodiscard]] std::string plans(const Deployment& deployment, const Catalog& catalog,
                                std::span<const ScenarioPlan> plans, PlanFormat format, bool effects = false);
/// A restore runbook; Markdown renders its steps as `- [ ]` checklists.
[[nodiscard]] std::string runbook(const Runbook& runbook, PlanFormat format, bool effects = false);
/// "Restore runbook: project P from A into B", or the fail-back's own title.
[[nodiscard]] std::string heading(const Runbook& runbook);
/// "Failover plan: region R is lost (project P)".
[[nodiscard]] std::string heading(const ScenarioPlan& plan, const Deployment& deployment);
/// True when the simulator found the procedure breaks an invariant (SPEC §8).
[[nodiscard]] bool unsafe(const std::vector<Step>& steps, const std::vector<std::string>& end_state);

}  // namespace ceplan::render
