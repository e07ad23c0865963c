#include "model/vocabulary.hpp"

#include <cstddef>

namespace ceplan {

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

std::string_view to_string(Steering steering) {
  return steering_names.at(static_cast<std::size_t>(steering));
}

}  // namespace ceplan
