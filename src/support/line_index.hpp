#pragma once
// Byte columns, as the YAML parser counts them, to the character columns editors and SARIF
// (`columnKind: unicodeCodePoints`) count.

#include <optional>
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
  /// Where the scalar or mapping key that starts at `start` (byte columns) ends: the column just
  /// after its last character, in code points, on the same line. Plain and quoted scalars only;
  /// nullopt for a collection, a multi-line scalar or an unknown location.
  [[nodiscard]] std::optional<Location> scalar_end(Location start) const;

private:
  static constexpr std::size_t block = 64;
  /// Code points in the text before byte `offset`.
  [[nodiscard]] std::size_t characters_before(std::size_t offset) const;

  std::string_view m_text;
  std::vector<std::size_t> m_starts;
  std::vector<std::size_t> m_characters;  ///< code points before each block of `block` bytes
};

}  // namespace ceplan
