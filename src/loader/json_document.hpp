#pragma once
// A JSON document as ceplan's loaders see it: a plain tree built from nlohmann/json's SAX events
// under limits. This header is nlohmann-free; only json_document.cpp talks to nlohmann/json.
// JSON carries no useful line structure (Terraform writes it on one line), so a problem in a
// well-formed document is placed by its JSON path (`$.planned_values.root_module`).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "support/error.hpp"
#include "support/limits.hpp"

namespace ceplan::json {

/// What a value holds.
enum class Kind { null, boolean, number, string, array, object };

/// One value of the tree. Objects keep their keys in order, with duplicates already rejected.
struct Value {
  Kind kind = Kind::null;         ///< what the value holds
  std::string text;               ///< a string, or a number as written
  bool boolean = false;           ///< a boolean's value
  bool integral = false;          ///< a number that is a whole number within 64 bits
  std::int64_t integer = 0;       ///< the number, when integral
  std::vector<Value> items;       ///< array items, or object values (parallel to `keys`)
  std::vector<std::string> keys;  ///< object keys, in order

  /// The member `key` of an object, or nullptr (also for other kinds).
  [[nodiscard]] const Value* find(std::string_view key) const;
  /// The string, or empty for other kinds.
  [[nodiscard]] std::string_view string() const { return kind == Kind::string ? text : std::string_view(); }
};

/// Parses `text` (named `source` in errors) as one JSON document of at most
/// `limits.max_file_size` bytes, nested at most `limits.max_depth` deep, of at most
/// `limits.max_nodes` values. Throws InputError for malformed JSON (at its line and column),
/// duplicate object keys and exceeded limits (at their JSON path).
[[nodiscard]] Value parse(std::string_view text, const std::string& source, const InputLimits& limits = {});

/// "an object", "an array", "a string", "a number", "a boolean", "null".
[[nodiscard]] std::string_view describe(const Value& value);

/// `path` followed by the member `key`: `$.a.b`, or `$.a["b c"]` when the key is not a name.
[[nodiscard]] std::string member_path(std::string_view path, std::string_view key);
/// `path` followed by the array index `index`: `$.a[3]`.
[[nodiscard]] std::string index_path(std::string_view path, std::size_t index);

}  // namespace ceplan::json
