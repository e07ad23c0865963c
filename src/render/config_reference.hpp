#pragma once
// `.ceplan.yaml` for tools and people: its JSON Schema (`ceplan schema --config`) and a commented
// starter file (`ceplan init --config`), both from config_keys().

#include <string>
#include <string_view>

namespace ceplan::render {

/// Where the configuration's schema is served as JSON: its `$id` (docs/ceplan-config.schema.json).
inline constexpr std::string_view config_schema_uri =
    "https://raw.githubusercontent.com/ceplan/ceplan/main/docs/ceplan-config.schema.json";

/// The JSON Schema (draft 2020-12) of `.ceplan.yaml`.
[[nodiscard]] std::string config_json_schema();

/// docs/config-keys.md: every key with its example and meaning (`ceplan schema --config --format markdown`).
[[nodiscard]] std::string config_reference_markdown();

/// A `.ceplan.yaml` with every key commented out, each with its description and an example.
[[nodiscard]] std::string starter_config();

}  // namespace ceplan::render
