#pragma once
// Reading apps and jobs, with their per-region placement.

#include <optional>

#include "model/field_reader.hpp"

namespace ceplan::deploy {

/// One item of `apps`, or nullopt when it is not a mapping (the problem is recorded).
[[nodiscard]] std::optional<App> read_app(FieldReader& read, const yaml::Node& node);
/// One item of `jobs`, or nullopt when it is not a mapping (the problem is recorded).
[[nodiscard]] std::optional<Job> read_job(FieldReader& read, const yaml::Node& node);

}  // namespace ceplan::deploy
