#pragma once
// The checklist both `plan` and `runbook` build: ordered steps, each with its commands, a check
// and the objective it serves.

#include <string>
#include <string_view>
#include <vector>

#include "model/deployment.hpp"

namespace ceplan {

/// One step of a checklist.
struct Step {
  std::string id;         ///< stable slug, e.g. "secret-db-creds"
  std::string phase;      ///< preflight, decide, restore, cut over, verify, fail back
  std::string title;      ///< what to do, one line
  std::string command;    ///< the commands to run, one per line; empty for a manual step
  std::string verify;     ///< how to check that it worked
  std::string objective;  ///< the objective it serves
};

/// What brings a lost data store back, for step titles: "Promote the replica of data store db in
/// eu-gb", "Restore data store db from its backup copy in eu-gb", ... `into` names the region
/// restored into, when there is one.
[[nodiscard]] std::string data_step_title(const DataStore& store, std::string_view into = {});

/// Builds a checklist: appends steps and words their objectives from the deployment's RTO and RPO.
class Checklist {
public:
  /// Steps go to `steps`; objectives come from `deployment`.
  Checklist(const Deployment& deployment, std::vector<Step>& steps) : m_deployment(deployment), m_steps(steps) {}

  /// Appends one step.
  void add(std::string id, std::string phase, std::string title, std::string command, std::string verify,
           std::string objective);
  /// "RTO 15m: <what>" when the deployment sets an RTO, else `what`.
  [[nodiscard]] std::string rto(std::string_view what) const;
  /// "RPO 1h: data no older than that" when the deployment sets an RPO, else `otherwise`.
  [[nodiscard]] std::string rpo(std::string_view otherwise) const;

private:
  const Deployment& m_deployment;
  std::vector<Step>& m_steps;
};

}  // namespace ceplan
