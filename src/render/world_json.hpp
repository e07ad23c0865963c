#pragma once
// The world state as JSON (`--format json --show-effects`): what exists in each region before and
// after a procedure, in Code Engine's terms, so that a drill can compare it with the account.

#include <nlohmann/json.hpp>

#include "planner/world.hpp"

namespace ceplan::render {

/// `state`: per region its reachability, project, secrets (and registry secrets' servers), config maps, apps (image and
/// scale), jobs, schedules, domain mapping and origin pool; per store its writable copy and replica.
[[nodiscard]] nlohmann::ordered_json world_json(const WorldState& state);
/// {"before": start, "after": end}.
[[nodiscard]] nlohmann::ordered_json world_json(const WorldState& start, const WorldState& end);

}  // namespace ceplan::render
