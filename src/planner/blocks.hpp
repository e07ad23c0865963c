#pragma once
// A step's actions as the commands that run them, grouped by the region's project they target:
// the one chain plans and runbooks print, and the guarded blocks of a runbook script.

#include <string>
#include <vector>

#include "model/deployment.hpp"
#include "planner/action.hpp"

namespace ceplan::planner {

/// One command of a block, with the action kind it runs (create_project and select_project for the
/// project's own commands).
struct BlockCommand {
  ActionKind kind = ActionKind::note;  ///< what it does
  std::string text;                    ///< the command line, quoted for the shell
  std::string name;                    ///< the app, job, secret or config map it acts on
};

/// The commands of a step that run in one region's project, or outside any project.
struct Block {
  std::string region;                  ///< the region targeted; "" outside a project (curl, openssl, sleep)
  std::string target;                  ///< `ibmcloud target -r R [-g G]`; "" outside a project
  std::vector<BlockCommand> commands;  ///< in order, the project's creation and selection first
};

/// The target of a block in `region`'s existing project: `-g` too when the file names the resource
/// group, since a project name is unique only within its group.
[[nodiscard]] std::string project_target(const Deployment& deployment, const std::string& region);
/// The local files the action's command reads (a secret's or config map's data); none for others.
[[nodiscard]] std::vector<std::string> input_files(const Deployment& deployment, const Action& action);
/// The command of one action, without its region's target and selection; "" for a manual action.
[[nodiscard]] std::string command_of(const Deployment& deployment, const Action& action);
/// The commands of `actions` in blocks: a new block for each region's project (targeted with `-g`
/// before a project is created, or when the file names the resource group), and one for each
/// command outside a project.
[[nodiscard]] std::vector<Block> blocks(const Deployment& deployment, const std::vector<Action>& actions);
/// The commands of `actions` as one chain: per region `ibmcloud target -r R` (with `-g` before a
/// project is created) `&& ibmcloud ce project select --name P && ...`, one command a line, and
/// the regions' blocks joined by `&&` too.
[[nodiscard]] std::string commands(const Deployment& deployment, const std::vector<Action>& actions);

}  // namespace ceplan::planner
