#pragma once
// The deploy file's keys, types, enumerations and defaults as data: the loader takes its key
// and value lists from here, and `ceplan schema` renders the same table as a JSON Schema, so
// the two cannot drift apart.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/value_format.hpp"

namespace ceplan::schema {

/// What a field holds.
enum class Type {
  string,       ///< a non-empty string
  integer,      ///< a whole number within [min, max]
  boolean,      ///< true or false
  percent,      ///< 99.95 or "99.95%"
  duration,     ///< "90s", "15m", "1h30m"
  choice,       ///< one of `choices`
  string_list,  ///< a list of non-empty strings
  object,       ///< a mapping described by the object named `object`
  object_list,  ///< a list of such mappings
  region_list,  ///< a list of region ids or {id, role} mappings
  placement,    ///< a list of region ids, or a mapping from region id to `object` overrides
  region_map,   ///< a mapping from region id to `object`
};

/// One key of a mapping.
struct Field {
  std::string name;                       ///< the key
  Type type = Type::string;               ///< what it holds
  bool required = false;                  ///< must be present
  std::string description;                ///< for editors and docs
  std::vector<std::string> choices;       ///< for Type::choice
  std::string object;                     ///< for Type::object and Type::object_list
  std::optional<std::int64_t> min;        ///< for Type::integer
  std::optional<std::int64_t> max;        ///< for Type::integer
  std::string default_text;               ///< the default, as a user would write it; empty if none
  bool nullable = false;                  ///< an empty value (`apps:`) means "none"
  ValueFormat format = ValueFormat::any;  ///< the shape of a string, of a list's items or a placement's regions
};

/// One kind of mapping in the file.
struct Object {
  std::string name;           ///< e.g. "deploy", "app", "edge_proxy"
  std::string description;    ///< for editors and docs
  std::vector<Field> fields;  ///< its keys, in documentation order
};

/// Every object of the deploy file; the first is the top level ("deploy").
[[nodiscard]] const std::vector<Object>& objects();
/// The object with this name; the name must exist.
[[nodiscard]] const Object& object(std::string_view name);
/// A field of an object; both must exist.
[[nodiscard]] const Field& field(std::string_view object_name, std::string_view field_name);
/// The keys of an object, in order.
[[nodiscard]] std::vector<std::string> keys(std::string_view object_name);
/// The allowed values of a choice field.
[[nodiscard]] const std::vector<std::string>& choices(std::string_view object_name, std::string_view field);

}  // namespace ceplan::schema
