#include "support/line_index.hpp"

#include <algorithm>

namespace ceplan {

namespace {

bool starts_character(char c) {
  return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
}

}  // namespace

LineIndex::LineIndex(std::string_view text) : m_text(text) {
  // A UTF-8 byte order mark is not part of the first line's columns.
  m_starts.push_back(text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0);
  m_characters.reserve(text.size() / block + 1);
  std::size_t characters = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i % block == 0)
      m_characters.push_back(characters);
    characters += starts_character(text[i]) ? 1 : 0;
    if (text[i] == '\n')
      m_starts.push_back(i + 1);
  }
  if (text.size() % block == 0)
    m_characters.push_back(characters);  // so that the text's end has an entry too
}

std::size_t LineIndex::characters_before(std::size_t offset) const {
  // Whole blocks from the table, then at most one block counted: many findings on one long
  // line cost a block each, not the line.
  const std::size_t first = offset / block;
  std::size_t count = m_characters[first];
  for (std::size_t i = first * block; i < offset; ++i) count += starts_character(m_text[i]) ? 1 : 0;
  return count;
}

Location LineIndex::to_code_points(Location location) const {
  if (location.line <= 0 || location.column <= 1 || static_cast<std::size_t>(location.line) > m_starts.size()) {
    return location;
  }
  const std::size_t start = m_starts[static_cast<std::size_t>(location.line) - 1];
  const std::size_t end = std::min(m_text.size(), start + static_cast<std::size_t>(location.column) - 1);
  location.column = static_cast<int>(1 + characters_before(end) - characters_before(start));
  return location;
}

std::optional<Location> LineIndex::scalar_end(Location start) const {
  if (start.line <= 0 || start.column <= 0 || static_cast<std::size_t>(start.line) > m_starts.size()) {
    return std::nullopt;
  }
  const std::size_t line_start = m_starts[static_cast<std::size_t>(start.line) - 1];
  const std::size_t line_end = static_cast<std::size_t>(start.line) < m_starts.size()
                                   ? m_starts[static_cast<std::size_t>(start.line)] - 1
                                   : m_text.size();
  const std::string_view line = m_text.substr(line_start, line_end - line_start);
  std::size_t i = static_cast<std::size_t>(start.column) - 1;
  if (i >= line.size() || std::string_view("[{|>&*!").find(line[i]) != std::string_view::npos) {
    return std::nullopt;
  }
  if (line[i] == '\'' || line[i] == '"') {
    const char quote = line[i];
    for (++i; i < line.size(); ++i) {
      if (quote == '"' && line[i] == '\\') {
        ++i;
      } else if (line[i] == quote && quote == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
        ++i;  // '' is a quote inside a single-quoted scalar
      } else if (line[i] == quote) {
        return to_code_points({start.line, static_cast<int>(i + 2)});
      }
    }
    return std::nullopt;  // the scalar goes on to the next line
  }
  // A plain scalar ends at ": ", " #", a flow indicator or the line's end, trailing blanks aside.
  std::size_t end = i;
  for (; end < line.size(); ++end) {
    const char c = line[end];
    const bool next_blank = end + 1 >= line.size() || line[end + 1] == ' ';
    if ((c == ':' && next_blank) || std::string_view(",]}").find(c) != std::string_view::npos ||
        (c == '#' && end > i && line[end - 1] == ' ') || c == '\r') {
      break;
    }
  }
  while (end > i && line[end - 1] == ' ') --end;
  if (end == i) {
    return std::nullopt;
  }
  return to_code_points({start.line, static_cast<int>(end + 1)});
}

}  // namespace ceplan
