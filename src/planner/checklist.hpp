#pragma once
// The checklist both `plan` and `runbook` build: ordered steps, each with its commands, a check
// and the objective it serves.

#include <functional>
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

/// The scheduled jobs whose schedule is live in `region`.
[[nodiscard]] std::vector<const Job*> jobs_scheduled_in(const Deployment& deployment, std::string_view region);

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

  // Steps that plans and runbooks share, in the order an incident needs them.

  /// Disable the lost regions' origin pools in CIS, so that traffic does not return to them the
  /// moment they pass health checks (ordered steering sends it to the highest-priority healthy
  /// pool). No step without an edge proxy.
  void fence_traffic(const std::vector<std::string>& lost);
  /// Delete, in `region`, the cron subscription of every job whose schedule is live there; no
  /// step when none is.
  void stop_schedules(std::string_view region);
  /// Promote or restore `store` (into `into`, when restoring a project), then give the apps the
  /// new connection settings: update its secret and restart the apps that read it, in each of
  /// `regions` (the current project, in `into`, when `regions` is empty). Only apps for which
  /// `running(app, region)` holds are restarted: one created later reads the secret as it starts,
  /// and `application update` on an app that does not exist yet would fail.
  void recover_data(const DataStore& store, std::string_view into, const std::vector<std::string>& regions,
                    const std::function<bool(const App&, std::string_view)>& running);
  /// When `region` recovers: stop its schedules first, keep its pool disabled, reconcile the data
  /// back, and only then let traffic return.
  void fail_back(std::string_view region, std::string_view id);

private:
  const Deployment& m_deployment;
  std::vector<Step>& m_steps;
};

}  // namespace ceplan
