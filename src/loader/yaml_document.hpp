#pragma once
// A YAML document as ceplan's loaders see it: a plain tree with 1-based marks, built from
// yaml-cpp's event stream under limits. This header is yaml-cpp free; only yaml_document.cpp
// talks to yaml-cpp.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "support/error.hpp"
#include "support/limits.hpp"

namespace ceplan::yaml {

/// What a node holds.
enum class Kind { null, scalar, sequence, map };

/// One node of the tree. Maps keep their keys in order, with duplicates already rejected.
struct Node {
  Kind kind = Kind::null;           ///< what the node holds
  Location mark;                    ///< where the node starts (for an alias: where the alias is)
  std::string value;                ///< scalar text (empty for other kinds)
  bool plain = true;                ///< scalar written without quotes (so `null`, `~` and numbers are typed)
  std::vector<Node> items;          ///< sequence items, or map values (parallel to `keys`)
  std::vector<std::string> keys;    ///< map keys, in file order
  std::vector<Location> key_marks;  ///< where each map key is

  /// The value for `key` in a map, or nullptr.
  [[nodiscard]] const Node* find(std::string_view key) const;
  /// Where `key` is written in a map, or this node's mark if it is absent.
  [[nodiscard]] Location key_location(std::string_view key) const;
  /// True for a null node or a plain scalar spelled as YAML's null (`null`, `~`, empty).
  [[nodiscard]] bool is_null() const;
  /// The same tree, marks included.
  friend bool operator==(const Node&, const Node&) = default;
};

/// The limits the parser enforces.
using Limits = InputLimits;

/// Parses `text` (named `source` in errors) as exactly one YAML document of at most
/// `limits.max_file_size` bytes.
/// An empty document gives a null node at 1:1. Throws InputError for malformed YAML, a second
/// document, invalid UTF-8, control characters, tabs in indentation, duplicate map keys,
/// non-scalar keys, undefined or self-referencing aliases, and exceeded limits. With
/// `recoverable`, problems after which the tree is still whole (a duplicate key: the first one
/// counts) go there instead, so that a caller can report them with what it finds in the tree.
[[nodiscard]] Node parse(std::string_view text, const std::string& source, const Limits& limits = {},
                         DiagnosticSink* recoverable = nullptr);

/// A short description of a node's kind for messages: "a mapping", "a sequence", "a scalar", "null".
[[nodiscard]] std::string_view describe(const Node& node);

}  // namespace ceplan::yaml
