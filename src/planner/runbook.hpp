#pragma once
// Restore runbooks (docs/planner.md): the ordered steps that re-create the project in another region.

#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "model/deployment.hpp"
#include "planner/step.hpp"

namespace ceplan {

/// A restore runbook (`ceplan runbook`).
struct Runbook {
  std::string title;                ///< the heading; "" for "Restore runbook: project P from A into B"
  std::string project;              ///< project name
  std::string from;                 ///< region restored from
  std::string to;                   ///< region restored into
  std::string objectives;           ///< "RTO 10m, RPO 15m", or "" without objectives
  std::string estimate;             ///< what the restore takes, as far as the file says
  std::vector<std::string> notes;   ///< caveats shown above the steps (e.g. --ignore-findings)
  std::vector<Step> steps;          ///< in dependency order
  std::vector<std::string> unsafe;  ///< what the simulator found wrong with the end state (SPEC §8)
  WorldState start;                 ///< the world state the steps start from
  WorldState end;                   ///< the world state the steps leave (what the simulator expects)
};

/// "RTO 10m, RPO 15m": the objectives a procedure serves, or "" when the file sets none.
[[nodiscard]] std::string objectives_text(const Deployment& deployment);

/// The runbook that re-creates the project in `to`; `from` defaults to the primary region (or
/// the first). Regions outside the catalog, a `from` the project does not list, or `from` equal
/// to `to` throw InputError.
[[nodiscard]] Runbook restore_runbook(const Deployment& deployment, const Catalog& catalog, const std::string& to,
                                      const std::string& from = {});

}  // namespace ceplan
