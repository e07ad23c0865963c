#pragma once
// Aligned plain-text tables for terminal output.

#include <string>
#include <string_view>
#include <vector>

namespace ceplan::render {

/// Columns padded to their widest cell, measured in characters, not bytes.
class Table {
public:
  /// A table with these column headings.
  explicit Table(std::vector<std::string> headings);
  /// Appends a row with one cell per heading.
  void add(std::vector<std::string> row);
  /// The table, one line per row, headings first, no trailing spaces.
  [[nodiscard]] std::string str() const;

private:
  std::vector<std::vector<std::string>> m_rows;
};

/// Each line of `text` (a final newline is optional) with `prefix` before it and a newline
/// after it; empty lines stay empty.
[[nodiscard]] std::string prefix_lines(std::string_view text, std::string_view prefix);

/// Characters in UTF-8 text (continuation bytes are not counted).
[[nodiscard]] std::size_t display_width(const std::string& text);

}  // namespace ceplan::render
