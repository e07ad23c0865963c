#pragma once
// The deploy file's JSON Schema (`ceplan schema`), rendered from the table the loader reads.

#include <string>

namespace ceplan::render {

/// The deploy file's JSON Schema (draft 2020-12), from the loader's own definitions.
[[nodiscard]] std::string deploy_json_schema();

}  // namespace ceplan::render
