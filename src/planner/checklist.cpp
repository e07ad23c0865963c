#include "planner/checklist.hpp"

#include <fmt/format.h>

#include "model/figures.hpp"

namespace ceplan {

void Checklist::add(std::string id, std::string phase, std::string title, std::string command, std::string verify,
                    std::string objective) {
  m_steps.push_back(Step{std::move(id), std::move(phase), std::move(title), std::move(command), std::move(verify),
                         std::move(objective)});
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
