// The deploy file's JSON Schema, rendered from the table the loader reads its keys from.
#include <fmt/format.h>

#include "render/json_schema.hpp"

#include "model/deploy_schema.hpp"
#include "render/ci.hpp"
#include "render/structured.hpp"

namespace ceplan::render {
namespace {

using Json = nlohmann::ordered_json;
using schema::Type;

Json ref(const std::string& name) {
  return Json{{"$ref", "#/$defs/" + name}};
}

// A string of the field's shape: the value of a string field, an item of a list, a region.
Json string_schema(const schema::Field& field) {
  Json out{{"type", "string"}, {"minLength", 1}};
  if (const std::string_view pattern = format_pattern(field.format); !pattern.empty()) {
    out["pattern"] = pattern;
  }
  return out;
}

Json value_schema(const schema::Field& field) {
  switch (field.type) {
    case Type::string: return string_schema(field);
    case Type::integer: return Json{{"type", "integer"}, {"minimum", *field.min}, {"maximum", *field.max}};
    case Type::boolean: return Json{{"type", "boolean"}};
    case Type::percent: return ref("percent");
    case Type::duration: return ref("duration");
    case Type::choice: return Json{{"enum", field.choices}};
    case Type::string_list: return Json{{"type", "array"}, {"items", string_schema(field)}};
    case Type::object: return ref(field.object);
    case Type::object_list: return Json{{"type", "array"}, {"items", ref(field.object)}};
    case Type::placement:
      return Json{{"anyOf", Json::array({Json{{"type", "array"}, {"items", string_schema(field)}},
                                         Json{{"type", "object"},
                                              {"propertyNames", string_schema(field)},
                                              {"additionalProperties", ref(field.object)}}})}};
    case Type::region_map:
      return Json{
          {"type", "object"}, {"propertyNames", string_schema(field)}, {"additionalProperties", ref(field.object)}};
    case Type::region_list:
      return Json{{"type", "array"},
                  {"minItems", 1},
                  {"items", {{"anyOf", Json::array({string_schema(field), ref(field.object)})}}}};
  }
  return Json::object();
}

Json field_schema(const schema::Field& field) {
  Json out = value_schema(field);
  if (field.nullable) {
    out = Json{{"anyOf", Json::array({out, Json{{"type", "null"}}})}};
  }
  out["description"] = field.default_text.empty()
                           ? field.description
                           : fmt::format("{} Default: {}.", field.description, field.default_text);
  return out;
}

Json object_schema(const schema::Object& object) {
  Json properties = Json::object();
  Json required = Json::array();
  for (const schema::Field& field : object.fields) {
    properties[field.name] = field_schema(field);
    if (field.required) {
      required.push_back(field.name);
    }
  }
  Json out{{"type", "object"}, {"description", object.description}, {"additionalProperties", false}};
  if (!required.empty()) {
    out["required"] = std::move(required);
  }
  out["properties"] = std::move(properties);
  return out;
}

}  // namespace

std::string deploy_json_schema() {
  const auto& objects = schema::objects();
  Json defs = Json::object();
  for (std::size_t i = 1; i < objects.size(); ++i) {
    defs[objects[i].name] = object_schema(objects[i]);
  }
  defs["duration"] = Json{{"type", "string"},
                          {"pattern", "^([0-9]+d)?([0-9]+h)?([0-9]+m)?([0-9]+s)?$"},
                          {"minLength", 2},
                          {"description", "A duration such as 90s, 15m, 4h, 1d or 1h30m."}};
  defs["percent"] =
      Json{{"anyOf", Json::array({Json{{"type", "number"}, {"exclusiveMinimum", 0}, {"maximum", 100}},
                                  Json{{"type", "string"},
                                       {"pattern", "^(?!0(\\.0+)?%?$)(100(\\.0+)?|[1-9]?[0-9](\\.[0-9]+)?)%?$"}}})},
           {"description", "A percentage such as 99.95 or \"99.95%\"."}};
  Json root{{"$schema", "https://json-schema.org/draft/2020-12/schema"},
            {"$id", deploy_schema_uri},
            {"title", "ceplan deploy file"}};
  const Json top = object_schema(objects.front());  // named: items() would dangle on a temporary
  for (const auto& [key, value] : top.items()) {
    root[key] = value;
  }
  root["$defs"] = std::move(defs);
  return to_json(root);
}

}  // namespace ceplan::render
