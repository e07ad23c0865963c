#pragma once
// Byte columns, as the YAML parser counts them, to the character columns editors and SARIF
// (`columnKind: unicodeCodePoints`) count.

#include <string_view>
#include <vector>

#include "support/error.hpp"

namespace ceplan {

/// Where each line of a text starts, so that a location's column can be recounted in characters.
class LineIndex {
public:
  /// Indexes `text`, which must outlive the index.
  explicit LineIndex(std::string_view text);
  /// `location` with its column counted in Unicode code points (UTF-8 continuation bytes are not
  /// counted); unchanged when unknown or past the text.
  [[nodiscard]] Location to_code_points(Location location) const;

private:
  std::string_view m_text;
  std::vector<std::size_t> m_starts;
};

}  // namespace ceplan
