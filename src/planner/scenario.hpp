#pragma once
// Outage scenarios (docs/planner.md): who survives a zone, region or geography outage, how long failover
// takes, and the ordered checklist a person follows.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.hpp"
#include "model/capacity.hpp"
#include "model/deployment.hpp"
#include "model/figures.hpp"
#include "planner/step.hpp"
#include "planner/world.hpp"

namespace ceplan {

/// What an outage takes down.
enum class ScenarioKind { zone, region, geography };

/// One outage: a zone, a region or a geography.
struct Scenario {
  ScenarioKind kind = ScenarioKind::region;  ///< what is lost
  std::string target;                        ///< zone id, region id or geography name
};

/// Parses `zone:ZONE`, `region:ID`, `geography:NAME` or `all` (one region scenario per project
/// region, then one per region outside the project whose registry the file pulls from, then one
/// per geography of these). A region may be one that hosts only a registry (ca-mon, in-mum).
/// Unknown targets throw InputError with a suggestion.
[[nodiscard]] std::vector<Scenario> parse_scenarios(std::string_view text, const Deployment& deployment,
                                                    const Catalog& catalog);

/// What happens to an app in a scenario.
enum class AppStatus { unaffected, auto_recovers, fails_over, manual_failover, degraded, down };
/// What happens to a job in a scenario.
enum class JobStatus { unaffected, auto_recovers, reschedule, degraded, down };

/// An app's fate in a scenario.
struct AppOutcome {
  std::string name;                          ///< app name
  AppStatus status = AppStatus::unaffected;  ///< what happens to it
  /// What its traffic does, apart from its registry: `fails_over` or `manual_failover` when it
  /// moves, also for a `degraded` app.
  AppStatus routing = AppStatus::unaffected;
  std::string lost_registry;                 ///< the registry it pulls from, when the scenario takes it
  std::string lost_secret;                   ///< a secret its re-creation needs whose Secrets Manager is lost
  std::vector<std::string> serving_regions;  ///< regions that serve it during the outage
  std::optional<FailoverTime> failover;      ///< set when it fails over through the edge proxy
  CompositeAvailability availability;        ///< its composite availability in normal operation
  /// It still serves, but a region that would take over, or a copy of its data, is lost.
  bool redundancy_lost = false;
  /// What its data needs after the outage; apps without a `data` list share one, the plan's `data`.
  std::shared_ptr<const DataRecovery> data;
  bool uses_every_store = true;  ///< it lists no `data`, so it uses every store
};

/// A job's fate in a scenario.
struct JobOutcome {
  std::string name;                          ///< job name
  JobStatus status = JobStatus::unaffected;  ///< what happens to it
  std::vector<std::string> regions;          ///< regions where it remains defined
  std::string lost_registry;                 ///< the registry it pulls from, when the scenario takes it
  std::string lost_secret;                   ///< a secret its re-creation needs whose Secrets Manager is lost
};

/// Everything `ceplan plan` says about one scenario.
struct ScenarioPlan {
  Scenario scenario;                         ///< the outage
  std::vector<std::string> lost;             ///< project regions lost entirely
  std::vector<std::string> degraded;         ///< project regions that lose a zone only
  std::vector<std::string> unreachable;      ///< every region it takes, the project's or not
  std::vector<std::string> lost_registries;  ///< "icr.io (us-east)": registries it takes that the file pulls from
  std::vector<RegionLoad> capacity;          ///< what each surviving region runs at max scale, when regions are lost
  /// App revisions the checklist creates per region, in the order it first does (a project holds
  /// at most 120, old ones included).
  std::vector<std::pair<std::string, std::int64_t>> revisions;
  std::shared_ptr<const DataRecovery> data;  ///< what every store needs after the outage
  std::vector<AppOutcome> apps;              ///< one per app, in file order
  std::vector<JobOutcome> jobs;              ///< one per job, in file order
  std::vector<Step> steps;                   ///< the ordered checklist
  std::vector<std::string> notes;            ///< caveats shown above the results (e.g. --ignore-findings)
  std::vector<std::string> unsafe;           ///< what the simulator found wrong with the end state (SPEC §8)
  WorldState start;                          ///< the world state the steps start from
  WorldState end;                            ///< the world state the steps leave (what the simulator expects)
};

/// What one scenario does to every app and job, without the checklist (what `ceplan diff` compares).
[[nodiscard]] ScenarioPlan outcomes(const Deployment& deployment, const Catalog& catalog, const Scenario& scenario);
/// The normal placement with every region the scenario takes (the project's and any other, such
/// as a registry's) unreachable.
[[nodiscard]] WorldState scenario_state(const Deployment& deployment, const Catalog& catalog, const Scenario& scenario);
/// Plans one scenario.
[[nodiscard]] ScenarioPlan plan(const Deployment& deployment, const Catalog& catalog, const Scenario& scenario);

/// "zone", "region", "geography".
[[nodiscard]] std::string_view to_string(ScenarioKind kind);
/// "unaffected", "auto-recovers", "fails-over", "manual-failover", "degraded", "down".
[[nodiscard]] std::string_view to_string(AppStatus status);
/// "unaffected", "auto-recovers", "reschedule", "degraded", "down".
[[nodiscard]] std::string_view to_string(JobStatus status);

}  // namespace ceplan
