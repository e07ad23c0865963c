#include "support/line_index.hpp"

#include <algorithm>

namespace ceplan {

LineIndex::LineIndex(std::string_view text) : m_text(text) {
  // A UTF-8 byte order mark is not part of the first line's columns.
  m_starts.push_back(text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n')
      m_starts.push_back(i + 1);
  }
}

Location LineIndex::to_code_points(Location location) const {
  if (location.line <= 0 || location.column <= 1 || static_cast<std::size_t>(location.line) > m_starts.size()) {
    return location;
  }
  const std::size_t start = m_starts[static_cast<std::size_t>(location.line) - 1];
  const std::size_t end = std::min(m_text.size(), start + static_cast<std::size_t>(location.column) - 1);
  int column = 1;
  for (std::size_t i = start; i < end; ++i) {
    if ((static_cast<unsigned char>(m_text[i]) & 0xC0U) != 0x80U)
      ++column;
  }
  location.column = column;
  return location;
}

}  // namespace ceplan
