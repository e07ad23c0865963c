#pragma once
// JSON values and their YAML spelling, shared by the renderers that emit data for programs.

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace ceplan::render {

/// Block-style YAML for a JSON value, so both formats carry exactly the same data.
[[nodiscard]] std::string to_yaml(const nlohmann::ordered_json& value);

/// Indented JSON with a final newline; invalid UTF-8 is replaced rather than thrown on.
[[nodiscard]] std::string to_json(const nlohmann::ordered_json& value);

/// A string as a YAML scalar: plain when that reads back as the same string, else double-quoted,
/// so that no value (a name from Terraform) can change the document's structure.
[[nodiscard]] std::string yaml_scalar(std::string_view text);
/// Text for an XML attribute or element: markup characters escaped, and control characters XML
/// 1.0 cannot hold replaced by U+FFFD.
[[nodiscard]] std::string xml_escape(std::string_view text);

}  // namespace ceplan::render
