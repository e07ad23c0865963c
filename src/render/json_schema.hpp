#pragma once
// The deploy file's JSON Schema (`ceplan schema`), rendered from the table the loader reads.

#include <string>
#include <string_view>

namespace ceplan::render {

/// Where the schema is served as JSON (not an HTML page): its `$id`, and the link `ceplan init`
/// writes for the YAML language server. Installed copies live in share/ceplan/deploy.schema.json.
inline constexpr std::string_view deploy_schema_uri =
    "https://raw.githubusercontent.com/ceplan/ceplan/main/docs/deploy.schema.json";

/// The deploy file's JSON Schema (draft 2020-12), from the loader's own definitions.
[[nodiscard]] std::string deploy_json_schema();

}  // namespace ceplan::render
