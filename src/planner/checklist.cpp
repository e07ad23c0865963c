#include "planner/checklist.hpp"

#include <fmt/format.h>

#include "model/figures.hpp"

namespace ceplan {

void Checklist::add(std::string id, std::string phase, std::string title, std::string command, std::string verify,
                    std::string objective) {
  m_steps.push_back(Step{std::move(id), std::move(phase), std::move(title), std::move(command), std::move(verify),
                         std::move(objective)});
}

std::string data_step_title(const DataStore& store, std::string_view into) {
  const std::string& name = store.name.name;
  if (store.replica_in) {
    return fmt::format("Promote the replica of data store {} in {}", name, store.replica_in->name);
  }
  const std::string target = into.empty() ? std::string() : fmt::format(" into {}", into);
  if (store.backup_in) {
    return fmt::format("Restore data store {}{} from its backup copy in {}", name, target, store.backup_in->name);
  }
  return fmt::format(
      "Restore data store {}{} from its {}", name, target,
      store.cross_region_copy ? "cross-region backup copy" : "latest backup, if one left " + store.region.name);
}

std::string Checklist::rto(std::string_view what) const {
  const auto& rto = m_deployment.objectives.rto;
  return rto ? fmt::format("RTO {}: {}", format_duration(*rto), what) : std::string(what);
}

std::string Checklist::rpo(std::string_view otherwise) const {
  const auto& rpo = m_deployment.objectives.rpo;
  return rpo ? fmt::format("RPO {}: data no older than that", format_duration(*rpo)) : std::string(otherwise);
}

}  // namespace ceplan
