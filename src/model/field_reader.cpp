#include "model/field_reader.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace ceplan::deploy {

using yaml::Node;

namespace {

// 'key', as messages name a key: built for every value read, so without a format string.
std::string quoted(std::string_view key) {
  std::string out;
  out.reserve(key.size() + 2);
  out += '\'';
  out += key;
  out += '\'';
  return out;
}

}  // namespace

const SchemaLists& lists() {
  static const SchemaLists instance;
  return instance;
}

// Every string of the deploy file names something, so none may be empty (the schema says
// minLength 1 for the same reason).
std::optional<std::string> FieldReader::text(const Node& node, std::string_view what, ValueFormat format) {
  auto value = yaml::Reader::string(node, what);
  if (!value) {
    return std::nullopt;
  }
  return shaped(std::move(*value), node.mark, what, format);
}

std::optional<std::string> FieldReader::shaped(std::string value, const Location& mark, std::string_view what,
                                               ValueFormat format) {
  if (value.empty()) {
    error(mark, fmt::format("{} must not be empty", what));
    return std::nullopt;
  }
  // A "\n" or "\e" escape would reach shell commands, Markdown and XML reports; a bidi override
  // would show a reviewer a name in another order than the one that runs.
  if (has_hidden_characters(value)) {
    error(mark, fmt::format("{} must not contain control characters (a newline, a tab, an escape) or "
                            "invisible format characters (a bidi override, a zero-width space)",
                            what));
    return std::nullopt;
  }
  if (auto problem = format_problem(format, value)) {
    error(mark, fmt::format("{} {}, not '{}'", what, *problem, excerpt(value)));
    return std::nullopt;
  }
  return value;
}

std::optional<std::string> FieldReader::text_of(const Node& node, std::string_view object, std::string_view key) {
  return text(node, quoted(key), schema::field(object, key).format);
}

Ref FieldReader::name_of(const Node& map, std::string_view what, std::string_view object) {
  Ref ref{{}, map.mark};
  if (const Node* name = required(map, "name", what)) {
    ref.location = name->mark;
    ref.name = text_of(*name, object, "name").value_or("");
  }
  return ref;
}

std::vector<Ref> FieldReader::refs(const Node& node, std::string_view what, ValueFormat format) {
  std::vector<Ref> out;
  if (sequence(node, what)) {
    const std::string item_what = fmt::format("an item of {}", what);
    for (const Node& item : node.items) {
      if (auto name = text(item, item_what, format)) {
        out.push_back(Ref{std::move(*name), item.mark});
      }
    }
  }
  return out;
}
std::vector<Ref> FieldReader::refs_of(const Node& node, std::string_view object, std::string_view key) {
  return refs(node, quoted(key), schema::field(object, key).format);
}

void FieldReader::duration(const Node& map, std::string_view key, Setting& setting) {
  if (const Node* node = map.find(key)) {
    setting.location = node->mark;
    if (auto value = yaml::Reader::duration(*node, quoted(key))) {
      setting.value = *value;
      setting.given = true;
    }
  } else {
    setting.location = map.mark;
  }
}
std::optional<Ref> FieldReader::optional_ref(const Node& map, std::string_view key, std::string_view object) {
  if (const Node* value = map.find(key)) {
    auto name = object.empty() ? text(*value, quoted(key)) : text_of(*value, object, key);
    if (name) {
      return Ref{std::move(*name), value->mark};
    }
  }
  return std::nullopt;
}
std::optional<Setting> FieldReader::optional_integer(const Node& map, std::string_view object, std::string_view key) {
  if (map.find(key) == nullptr) {
    return std::nullopt;
  }
  Setting setting;
  integer_setting(map, object, key, setting);
  return setting.given ? std::optional<Setting>(setting) : std::nullopt;
}
// An integer key read within the bounds the table gives it.
void FieldReader::integer_setting(const Node& map, std::string_view object, std::string_view key, Setting& setting) {
  if (const Node* value = map.find(key)) {
    const schema::Field& field = schema::field(object, key);
    setting.location = value->mark;
    if (auto number = yaml::Reader::integer(*value, quoted(key), *field.min, *field.max)) {
      setting.value = *number;
      setting.given = true;
    }
  }
}

}  // namespace ceplan::deploy
