#pragma once
// The one planner behind plan, runbook and fail-back (docs/planner.md): it builds a procedure
// step by step over the world state, deciding each step from what the previous ones left (an app
// is scaled only where it exists, a replica promoted only where it is reachable), and applies
// each step's effect before deciding the next.

#include <string>
#include <string_view>
#include <vector>

#include "planner/step.hpp"

namespace ceplan {

/// A procedure being built: its steps and the world state they leave.
class Procedure {
public:
  /// Steps go to `steps`, starting from `state`.
  Procedure(const Deployment& deployment, const Catalog& catalog, WorldState state, std::vector<Step>& steps);

  /// Appends a step: renders its actions' commands and applies their effects.
  void add(Step step);
  /// Shorthand for a step of actions.
  void add(std::string id, std::string phase, std::string title, std::vector<Action> actions, std::string verify,
           std::string objective);

  /// The state the steps so far leave.
  [[nodiscard]] const WorldState& state() const { return m_state; }
  /// The deploy file.
  [[nodiscard]] const Deployment& deployment() const { return m_d; }
  /// The catalog.
  [[nodiscard]] const Catalog& catalog() const { return m_catalog; }
  /// "RTO 15m: <what>" when the deployment sets an RTO, else `what`.
  [[nodiscard]] std::string rto(std::string_view what) const;
  /// "RPO 1h: data no older than that" when the deployment sets an RPO, else `otherwise`.
  [[nodiscard]] std::string rpo(std::string_view otherwise) const;

  // Phases that plan, runbook and fail-back share, in the order an incident needs them.

  /// Disable the origin pools of the `lost` regions that have one, so that no traffic returns
  /// there when they pass health checks again.
  void fence_traffic(const std::vector<std::string>& lost);
  /// Delete the live schedules of `region`, a lost region, as soon as it answers.
  void stop_schedules(const std::string& region);
  /// Make each store whose writable copy was in a lost region writable again: promote a reachable
  /// replica, else restore a backup copy into `into` (none when `into` is empty or no copy
  /// survives; `whole_geography`: an unnamed copy is not trusted). Then repoint its secret and
  /// restart its readers in every reachable region that runs them.
  void recover_data(const std::string& into, bool whole_geography);
  /// Update the secrets of `stores` (each once) and restart, once, every app that reads one of
  /// them, in each reachable region that holds such a secret: one step, however many stores.
  void repoint(const std::vector<const DataStore*>& stores);
  /// A closing step per lost region: what to do when it recovers (fail-back).
  void fail_back_hint(const std::string& region, std::string_view id);

private:
  const Deployment& m_d;
  const Catalog& m_catalog;
  WorldState m_state;
  std::vector<Step>& m_steps;
};

/// What brings a lost data store back, for step titles: "Promote the replica of data store db in
/// eu-gb", "Restore data store db into eu-gb from its backup copy in eu-de", ...
[[nodiscard]] std::string data_step_title(const DataStore& store, bool promote, std::string_view where);

/// A step with its text and actions; the commands and effects are filled in when it is added.
[[nodiscard]] Step make_step(std::string id, std::string phase, std::string title, std::vector<Action> actions,
                             std::string verify, std::string objective);

/// An action of `kind` on `name` in `region`.
[[nodiscard]] Action act(ActionKind kind, std::string region, std::string name = {});

}  // namespace ceplan
