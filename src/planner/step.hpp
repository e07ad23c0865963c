#pragma once
// One step of a procedure (plan, runbook, fail-back): typed actions, the commands they print, and
// what the simulator found wrong with it.

#include <string>
#include <vector>

#include "planner/action.hpp"

namespace ceplan {

/// One step of a procedure.
struct Step {
  std::string id;                    ///< stable slug, e.g. "secret-db-creds"
  std::string phase;                 ///< preflight, decide, fence, restore data, restore, cut over, verify, fail back
  std::string title;                 ///< what to do, one line
  std::string command;               ///< the commands its actions print, chained per region; empty when manual
  std::string verify;                ///< how to check that it worked
  std::string objective;             ///< the objective it serves
  std::vector<Action> actions;       ///< what it does, in order
  bool when_region_answers = false;  ///< fencing a lost region: run as soon as it answers (invariant 1)
  std::vector<std::string> effects;  ///< what it changes in the world state, one line each
  std::vector<std::string> violations;  ///< the invariants the simulator found it breaks
};

}  // namespace ceplan
