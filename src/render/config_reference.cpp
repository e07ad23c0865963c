#include "render/config_reference.hpp"

#include <fmt/format.h>

#include "render/structured.hpp"
#include "rules/config.hpp"

namespace ceplan::render {
namespace {

using Json = nlohmann::ordered_json;

Json rule_names() {
  Json names = Json::array();
  for (const RuleInfo& rule : all_rules()) {
    names.push_back(rule.id);
    names.push_back(rule.name);
  }
  return Json{{"enum", std::move(names)}};
}

Json strings_or_one() {
  return Json{{"anyOf", Json::array({Json{{"type", "string"}, {"minLength", 1}},
                                     Json{{"type", "array"}, {"items", {{"type", "string"}, {"minLength", 1}}}}})}};
}

Json value_schema(ConfigType type) {
  switch (type) {
    case ConfigType::severity_or_never: return Json{{"enum", {"error", "warning", "info", "never"}}};
    case ConfigType::formats:
    case ConfigType::globs: return strings_or_one();
    case ConfigType::rules: return Json{{"type", "array"}, {"items", rule_names()}};
    case ConfigType::severities:
      return Json{{"type", "object"},
                  {"propertyNames", rule_names()},
                  {"additionalProperties", {{"enum", {"error", "warning", "info", "off"}}}}};
    case ConfigType::path: return Json{{"type", "string"}, {"minLength", 1}};
    case ConfigType::boolean: return Json{{"type", "boolean"}};
    case ConfigType::overrides: return Json{{"type", "array"}, {"items", {{"$ref", "#/$defs/override"}}}};
  }
  return Json::object();
}

}  // namespace

std::string config_json_schema() {
  Json properties = Json::object();
  Json override_properties{{"files", strings_or_one()}};
  for (const ConfigKey& key : config_keys()) {
    Json schema = value_schema(key.type);
    schema["description"] = key.description;
    if (key.in_overrides)
      override_properties[std::string(key.key)] = schema;
    properties[std::string(key.key)] = std::move(schema);
  }
  return to_json(Json{{"$schema", "https://json-schema.org/draft/2020-12/schema"},
                      {"title", "ceplan configuration (.ceplan.yaml)"},
                      {"type", "object"},
                      {"additionalProperties", false},
                      {"properties", std::move(properties)},
                      {"$defs",
                       {{"override",
                         {{"type", "object"},
                          {"required", {"files"}},
                          {"additionalProperties", false},
                          {"properties", std::move(override_properties)}}}}}});
}

std::string starter_config() {
  std::string out =
      "# ceplan configuration, read by `ceplan validate` from the nearest .ceplan.yaml above each\n"
      "# file (docs/configuration.md). Every key is optional; uncomment what you need. Command-line\n"
      "# options win over what is set here.\n";
  for (const ConfigKey& key : config_keys()) {
    out += fmt::format("\n# {}\n# {}: {}\n", key.description, key.key, key.example);
  }
  return out;
}

}  // namespace ceplan::render
