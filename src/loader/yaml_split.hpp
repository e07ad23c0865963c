#pragma once
// Parsing a large deploy file in two parts at once. Most of a large file is one block sequence
// under a top-level key (`apps:`), and yaml-cpp's scanner is most of the time it takes to read
// one; on two cores, the second half of that sequence and the keys after it are parsed beside
// the first half, and the trees are joined. Only text whose every line is complete in itself is
// split, so that the parts give the tree the whole would.

#include <functional>
#include <optional>
#include <string_view>

#include "loader/yaml_document.hpp"

namespace ceplan::yaml {

/// Where a text is cut: the first part is [0, middle), the rest of the sequence [middle, rest),
/// the keys after it [rest, end).
struct SplitPoints {
  std::size_t middle = 0;  ///< start of a sequence item's line
  std::size_t rest = 0;    ///< start of the next top-level key's line, or the end of the text
  int middle_line = 0;     ///< 0-based line of `middle`
  int rest_line = 0;       ///< 0-based line of `rest`
  std::size_t nodes = 0;   ///< about how many nodes the text holds, as the parser counts them
};

/// Smallest text worth a second thread.
inline constexpr std::size_t min_split_bytes = std::size_t{256} << 10;

/// Where `text` can be cut without changing its tree, or nullopt: it must be at least
/// `min_bytes`, a block mapping at the top, free of anchors, tags, directives and document
/// markers, with every line complete in itself (quotes and brackets closed, no block scalar),
/// and hold a block sequence under a top-level key across its middle.
[[nodiscard]] std::optional<SplitPoints> split_points(std::string_view text, std::size_t min_bytes = min_split_bytes);

/// Parses one part under `limits`; throws InputError for any problem.
using PartParser = std::function<Node(std::string_view part, const Limits& limits)>;

/// The tree of `text` from its parts parsed at once, or nullopt when it cannot be split or a
/// part fails (the caller then parses it whole, which reports problems as usual). The joined
/// tree must stay within `limits.max_nodes`, and the items of the sequence, one level below the
/// top in the whole, within one level less of `limits.max_depth`.
[[nodiscard]] std::optional<Node> parse_in_parts(std::string_view text, const Limits& limits,
                                                 const PartParser& parse_part, std::size_t min_bytes = min_split_bytes);

}  // namespace ceplan::yaml
