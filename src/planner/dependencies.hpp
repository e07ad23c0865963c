#pragma once
// Dependencies as failure points (SPEC §9): a scenario takes every region in it, the project's or
// not, and with them the registries the file's images pull from. An app whose registry is lost
// keeps serving with the instances it has but cannot scale, restart or be re-created.

#include <optional>
#include <string>
#include <vector>

#include "planner/procedure.hpp"
#include "planner/scenario.hpp"

namespace ceplan {

/// Every region the scenario takes: catalog regions and registry-only regions (ca-mon, in-mum),
/// whether the project uses them or not. A zone takes only a single-zone region.
[[nodiscard]] std::vector<std::string> unreachable_regions(const Catalog& catalog, const Scenario& scenario);

/// The registry host `workload` pulls from in one of `regions` whose region is in `unreachable`,
/// or nullopt when every registry it pulls from there survives.
[[nodiscard]] std::optional<std::string> lost_registry(const Workload& workload,
                                                       const std::vector<std::string>& regions, const Catalog& catalog,
                                                       const std::vector<std::string>& unreachable);

/// "icr.io (us-east)" for each registry the plan's apps and jobs lost, in the order they use them.
[[nodiscard]] std::vector<std::string> lost_registries(const Catalog& catalog, const ScenarioPlan& plan);

/// The scenarios `--scenario all` adds to one per project region: each region outside the project
/// that holds a registry the file pulls from, then each geography that holds any of these.
[[nodiscard]] std::vector<Scenario> dependency_scenarios(const Deployment& deployment, const Catalog& catalog);

/// When the plan loses registries: freeze whatever would pull an image from them.
void freeze_deploys(Procedure& procedure, const ScenarioPlan& plan);
/// Marks each down app and job that must be re-created in `takeover` but needs a secret the region
/// does not hold and whose Secrets Manager instance the scenario takes.
void mark_lost_secrets(const Deployment& deployment, const WorldState& start, const std::string& takeover,
                       ScenarioPlan& plan);
/// When a Secrets Manager instance is lost: what stays down, and how to bring its secrets back.
void secret_sources(Procedure& procedure, const ScenarioPlan& plan, const std::string& takeover);

/// When the plan loses registries: how to get each image into one that survives.
void copy_images(Procedure& procedure, const ScenarioPlan& plan);

}  // namespace ceplan
