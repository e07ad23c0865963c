#include "model/terraform_view.hpp"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

namespace ceplan::terraform {
namespace {

bool is_true(const json::Value* mask) {
  return mask != nullptr && mask->kind == json::Kind::boolean && mask->boolean;
}

// The part of a mask for a member or item: a mask that is `true` covers everything below it.
const json::Value* mask_member(const json::Value* mask, std::string_view key) {
  return mask == nullptr ? nullptr : mask->find(key);
}
const json::Value* mask_item(const json::Value* mask, std::size_t index) {
  if (mask == nullptr || mask->kind != json::Kind::array || index >= mask->items.size())
    return nullptr;
  return &mask->items[index];
}

// `module.a["x"].module.b` as its calls: ("a", "[\"x\"]"), ("b", "").
std::vector<std::pair<std::string, std::string>> module_segments(std::string_view address) {
  std::vector<std::pair<std::string, std::string>> segments;
  constexpr std::string_view prefix = "module.";
  while (address.substr(0, prefix.size()) == prefix) {
    address.remove_prefix(prefix.size());
    const std::size_t end = address.find_first_of(".[");
    std::string name(address.substr(0, end));
    address.remove_prefix(end == std::string_view::npos ? address.size() : end);
    std::string key;
    if (!address.empty() && address.front() == '[') {
      bool quoted = false;
      std::size_t i = 0;
      for (; i < address.size(); ++i) {
        if (address[i] == '\\' && quoted) {
          ++i;
          continue;
        }
        if (address[i] == '"')
          quoted = !quoted;
        if (address[i] == ']' && !quoted)
          break;
      }
      key = std::string(address.substr(0, std::min(i + 1, address.size())));
      address.remove_prefix(std::min(i + 1, address.size()));
    }
    segments.emplace_back(std::move(name), std::move(key));
    if (!address.empty() && address.front() == '.')
      address.remove_prefix(1);
  }
  return segments;
}

}  // namespace

View View::member(std::string_view key) const {
  View child;
  child.path = json::member_path(path, key);
  child.value = value == nullptr ? nullptr : value->find(key);
  child.sensitive_mask = mask_member(sensitive_mask, key);
  child.unknown_mask = mask_member(unknown_mask, key);
  child.sensitive = sensitive || is_true(child.sensitive_mask);
  child.unknown = unknown || is_true(child.unknown_mask);
  return child;
}

View View::item(std::size_t index) const {
  View child;
  child.path = json::index_path(path, index);
  if (value != nullptr && value->kind == json::Kind::array && index < value->items.size())
    child.value = &value->items[index];
  child.sensitive_mask = mask_item(sensitive_mask, index);
  child.unknown_mask = mask_item(unknown_mask, index);
  child.sensitive = sensitive || is_true(child.sensitive_mask);
  child.unknown = unknown || is_true(child.unknown_mask);
  return child;
}

std::size_t View::size() const {
  return value != nullptr && value->kind == json::Kind::array ? value->items.size() : 0;
}

namespace {

// Whether the view holds a value of `kind`: sensitive, unknown and absent values give their
// state; a value of another kind is recorded as a problem.
std::optional<Known> withheld(const View& view, json::Kind kind, std::string_view expected, DiagnosticSink& sink) {
  if (view.sensitive)
    return Known::sensitive;
  if (view.value == nullptr || view.value->kind == json::Kind::null)
    return view.unknown ? Known::unknown : Known::absent;
  if (view.value->kind != kind) {
    sink.error({}, fmt::format("{}: expected {}, found {}", view.path, expected, json::describe(*view.value)));
    return Known::absent;
  }
  return std::nullopt;
}

}  // namespace

Text read_text(const View& view, DiagnosticSink& sink) {
  if (auto state = withheld(view, json::Kind::string, "a string", sink))
    return {{}, *state};
  if (view.value->text.empty())
    return {};
  return {view.value->text, Known::value};
}

Count read_count(const View& view, DiagnosticSink& sink) {
  if (auto state = withheld(view, json::Kind::number, "a whole number", sink))
    return {{}, *state};
  if (!view.value->integral) {
    sink.error({}, fmt::format("{}: expected a whole number, found {}", view.path, excerpt(view.value->text)));
    return {};
  }
  return {view.value->integer, Known::value};
}

Flag read_flag(const View& view, DiagnosticSink& sink) {
  if (auto state = withheld(view, json::Kind::boolean, "a boolean", sink))
    return {{}, *state};
  return {view.value->boolean, Known::value};
}

std::string without_keys(std::string_view module_address) {
  std::string result;
  for (const auto& [name, key] : module_segments(module_address)) {
    result += (result.empty() ? "module." : ".module.") + name;
  }
  return result;
}

bool split_module(std::string_view module_address, std::string& parent, std::string& call) {
  auto segments = module_segments(module_address);
  if (segments.empty())
    return false;
  call = segments.back().first;
  parent.clear();
  for (std::size_t i = 0; i + 1 < segments.size(); ++i) {
    parent += (parent.empty() ? "module." : ".module.") + segments[i].first + segments[i].second;
  }
  return true;
}

}  // namespace ceplan::terraform

namespace ceplan::terraform {
namespace {

std::string child_path(const std::string& path, std::string_view call) {
  return fmt::format("{}module.{}", path.empty() ? "" : path + ".", call);
}

// `var.region` -> "region"; `ibm_x.y.attr` -> ""; only the variable's own name counts.
std::string variable_name(std::string_view reference) {
  if (reference.substr(0, 4) != "var.")
    return {};
  reference.remove_prefix(4);
  return std::string(reference.substr(0, reference.find_first_of(".[")));
}

const json::Value* at(const json::Value* value, std::initializer_list<std::string_view> keys) {
  for (std::string_view key : keys) {
    if (value == nullptr)
      return nullptr;
    value = value->find(key);
  }
  return value;
}

}  // namespace

// Indexes every member of `object` under `prefix` + its key, so that look-ups into large objects
// (a plan may have thousands of variables or providers) stay constant time.
void Configuration::index(const std::string& prefix, const json::Value* object) {
  if (object == nullptr || object->kind != json::Kind::object)
    return;
  for (std::size_t i = 0; i < object->keys.size(); ++i) m_index.emplace(prefix + object->keys[i], &object->items[i]);
}

const json::Value* Configuration::indexed(const std::string& key) const {
  const auto it = m_index.find(key);
  return it == m_index.end() ? nullptr : it->second;
}

Configuration::Configuration(const json::Value& plan) {
  const json::Value* configuration = plan.find("configuration");
  index("provider|", at(configuration, {"provider_config"}));
  index("value|", plan.find("variables"));
  index("declared|", at(configuration, {"root_module", "variables"}));
  std::vector<std::pair<std::string, const json::Value*>> pending{{"", at(configuration, {"root_module"})}};
  while (!pending.empty()) {
    auto [path, module] = pending.back();
    pending.pop_back();
    if (module == nullptr || module->kind != json::Kind::object)
      continue;
    if (const json::Value* resources = module->find("resources"); resources != nullptr) {
      for (const json::Value& resource : resources->items) {
        if (const json::Value* address = resource.find("address"); address != nullptr)
          m_index.emplace("resource|" + path + "|" + std::string(address->string()), &resource);
      }
    }
    const json::Value* calls = module->find("module_calls");
    for (std::size_t i = 0; calls != nullptr && i < calls->keys.size(); ++i) {
      index(fmt::format("argument|{}|{}|", path, calls->keys[i]), calls->items[i].find("expressions"));
      pending.emplace_back(child_path(path, calls->keys[i]), calls->items[i].find("module"));
    }
  }
}

const json::Value* Configuration::resource(std::string_view module_address, std::string_view type_name) const {
  return indexed("resource|" + without_keys(module_address) + "|" + std::string(type_name));
}

std::string Configuration::provider_region(const json::Value* resource_config) const {
  const json::Value* key = at(resource_config, {"provider_config_key"});
  if (key == nullptr)
    return {};
  const std::string name(key->string());
  if (const auto cached = m_regions.find(name); cached != m_regions.end())
    return cached->second;
  const json::Value* provider = indexed("provider|" + name);
  // Older Terraform writes a child module's key for a provider configured in its caller.
  if (provider == nullptr && name.find(':') != std::string::npos)
    provider = indexed("provider|" + name.substr(name.rfind(':') + 1));
  std::string found;
  const json::Value* region = at(provider, {"expressions", "region"});
  if (const json::Value* constant = at(region, {"constant_value"}); constant != nullptr) {
    found = constant->string();
  } else if (const json::Value* references = at(region, {"references"}); references != nullptr) {
    const json::Value* module = at(provider, {"module_address"});
    for (const json::Value& reference : references->items) {
      if (std::string variable = variable_name(reference.string()); !variable.empty()) {
        found = resolve_variable(variable, module == nullptr ? std::string_view() : module->string());
        break;
      }
    }
  }
  m_regions.emplace(name, found);
  return found;
}

// A variable's value: the plan's for the root module (unless declared sensitive), else the constant
// its caller passes, following the caller's own variables.
std::string Configuration::resolve_variable(std::string_view name, std::string_view module) const {
  if (module.empty()) {
    const json::Value* declaration = indexed("declared|" + std::string(name));
    if (const json::Value* sensitive = at(declaration, {"sensitive"}); sensitive != nullptr && sensitive->boolean)
      return {};
    if (const json::Value* value = at(indexed("value|" + std::string(name)), {"value"}); value != nullptr)
      return std::string(value->string());
    const json::Value* fallback = at(declaration, {"default"});
    return std::string(fallback == nullptr ? std::string_view() : fallback->string());
  }
  std::string parent;
  std::string call;
  if (!split_module(module, parent, call))
    return {};
  const json::Value* passed = indexed(fmt::format("argument|{}|{}|{}", without_keys(parent), call, name));
  if (const json::Value* constant = at(passed, {"constant_value"}); constant != nullptr)
    return std::string(constant->string());
  if (const json::Value* references = at(passed, {"references"}); references != nullptr) {
    for (const json::Value& reference : references->items) {
      if (std::string variable = variable_name(reference.string()); !variable.empty())
        return resolve_variable(variable, parent);
    }
  }
  return {};
}

std::vector<std::string> Configuration::referenced(const json::Value* expression, const std::string& module_address,
                                                   int depth) const {
  std::vector<std::string> addresses;
  const json::Value* references = at(expression, {"references"});
  if (references == nullptr || depth > max_reference_depth)
    return addresses;
  const std::size_t count = std::min(references->items.size(), max_references);
  for (std::size_t i = 0; i < count; ++i) {
    const std::string_view text = references->items[i].string();
    std::string parent;
    std::string call;
    if (std::string variable = variable_name(text); !variable.empty()) {
      if (!split_module(module_address, parent, call))
        continue;
      const json::Value* passed = indexed(fmt::format("argument|{}|{}|{}", without_keys(parent), call, variable));
      auto found = referenced(passed, parent, depth + 1);
      addresses.insert(addresses.end(), found.begin(), found.end());
    } else if (text.find('.') != std::string_view::npos && text.substr(0, 7) != "module." &&
               text.substr(0, 6) != "local." && text.substr(0, 5) != "each." && text.substr(0, 6) != "count.") {
      addresses.push_back(module_address.empty() ? std::string(text) : module_address + "." + std::string(text));
    }
  }
  return addresses;
}

}  // namespace ceplan::terraform
