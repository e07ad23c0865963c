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

/// A value as Markdown text: printable(), with the characters that would start a link, an image,
/// HTML, a code span, emphasis or a table cell (backslash, backtick, * _ [ ] < | ~ & !) escaped
/// with a backslash.
[[nodiscard]] std::string markdown_text(std::string_view text);
/// A value as a Markdown code span, fenced by more backticks than it holds in a row.
[[nodiscard]] std::string markdown_code(std::string_view text);
/// The fence of a Markdown code block holding `text`: at least three backticks, and more than the
/// longest run of backticks in it, so that no line of it closes the block.
[[nodiscard]] std::string markdown_fence(std::string_view text);

}  // namespace ceplan::render
