#include "model/deployment.hpp"

namespace ceplan {

const ProjectRegion* Deployment::region(std::string_view id) const {
  for (const ProjectRegion& entry : regions) {
    if (entry.id.name == id) {
      return &entry;
    }
  }
  return nullptr;
}

const ProjectRegion* Deployment::first_with_role(Role role) const {
  for (const ProjectRegion& entry : regions) {
    if (entry.role == role) {
      return &entry;
    }
  }
  return nullptr;
}

std::string_view to_string(Strategy strategy) {
  return strategy_names.at(static_cast<std::size_t>(strategy));
}

std::optional<Strategy> parse_strategy(std::string_view name) {
  for (std::size_t i = 0; i < strategy_names.size(); ++i) {
    if (strategy_names[i] == name) {
      return static_cast<Strategy>(i);
    }
  }
  return std::nullopt;
}

std::string_view to_string(Role role) {
  return role == Role::none ? std::string_view() : role_names.at(static_cast<std::size_t>(role) - 1);
}

std::string_view to_string(Source source) {
  return source_names.at(static_cast<std::size_t>(source));
}

}  // namespace ceplan
