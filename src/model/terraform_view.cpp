#include "model/terraform_view.hpp"

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

Configuration::Configuration(const json::Value& plan) {
  const json::Value* configuration = plan.find("configuration");
  m_providers = at(configuration, {"provider_config"});
  m_variables = plan.find("variables");
  std::vector<std::pair<std::string, const json::Value*>> pending{{"", at(configuration, {"root_module"})}};
  while (!pending.empty()) {
    auto [path, module] = pending.back();
    pending.pop_back();
    if (module == nullptr || module->kind != json::Kind::object)
      continue;
    m_modules.emplace(path, module);
    if (const json::Value* resources = module->find("resources"); resources != nullptr) {
      for (const json::Value& resource : resources->items) {
        if (const json::Value* address = resource.find("address"); address != nullptr)
          m_resources.emplace(path + "|" + std::string(address->string()), &resource);
      }
    }
    if (const json::Value* calls = module->find("module_calls"); calls != nullptr) {
      for (std::size_t i = 0; i < calls->keys.size(); ++i) {
        pending.emplace_back(child_path(path, calls->keys[i]), calls->items[i].find("module"));
      }
    }
  }
}

const json::Value* Configuration::resource(std::string_view module_address, std::string_view type_name) const {
  const auto it = m_resources.find(without_keys(module_address) + "|" + std::string(type_name));
  return it == m_resources.end() ? nullptr : it->second;
}

std::string Configuration::provider_region(const json::Value* resource_config) const {
  const json::Value* key = at(resource_config, {"provider_config_key"});
  if (key == nullptr || m_providers == nullptr)
    return {};
  std::string name(key->string());
  const json::Value* provider = m_providers->find(name);
  // Older Terraform writes a child module's key for a provider configured in its caller.
  if (provider == nullptr && name.find(':') != std::string::npos)
    provider = m_providers->find(name.substr(name.rfind(':') + 1));
  const json::Value* region = at(provider, {"expressions", "region"});
  if (region == nullptr)
    return {};
  if (const json::Value* constant = region->find("constant_value"); constant != nullptr)
    return std::string(constant->string());
  const json::Value* module = at(provider, {"module_address"});
  const std::string module_path = module == nullptr ? std::string() : std::string(module->string());
  if (const json::Value* references = region->find("references"); references != nullptr) {
    for (const json::Value& reference : references->items) {
      if (std::string variable = variable_name(reference.string()); !variable.empty())
        return resolve_variable(variable, module_path);
    }
  }
  return {};
}

// A variable's value: the plan's for the root module (unless declared sensitive), else the constant
// its caller passes, following the caller's own variables.
std::string Configuration::resolve_variable(std::string_view name, std::string_view module) const {
  if (module.empty()) {
    const auto declared = m_modules.find("");
    const json::Value* declaration = declared == m_modules.end() ? nullptr : at(declared->second, {"variables", name});
    if (const json::Value* sensitive = at(declaration, {"sensitive"}); sensitive != nullptr && sensitive->boolean)
      return {};
    if (const json::Value* value = at(m_variables, {name, "value"}); value != nullptr)
      return std::string(value->string());
    return std::string(at(declaration, {"default"}) == nullptr ? "" : at(declaration, {"default"})->string());
  }
  std::string parent;
  std::string call;
  if (!split_module(module, parent, call))
    return {};
  const auto caller = m_modules.find(without_keys(parent));
  const json::Value* passed =
      caller == m_modules.end() ? nullptr : at(caller->second, {"module_calls", call, "expressions", name});
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
  if (references == nullptr || depth > 16)
    return addresses;
  for (const json::Value& reference : references->items) {
    const std::string_view text = reference.string();
    if (std::string variable = variable_name(text); !variable.empty()) {
      std::string parent;
      std::string call;
      if (!split_module(module_address, parent, call))
        continue;
      const auto caller = m_modules.find(without_keys(parent));
      if (caller == m_modules.end())
        continue;
      auto found = referenced(at(caller->second, {"module_calls", call, "expressions", variable}), parent, depth + 1);
      addresses.insert(addresses.end(), found.begin(), found.end());
    } else if (text.find('.') != std::string_view::npos && text.substr(0, 7) != "module." &&
               text.substr(0, 6) != "local." && text.substr(0, 5) != "each." && text.substr(0, 6) != "count.") {
      addresses.push_back(module_address.empty() ? std::string(text) : module_address + "." + std::string(text));
    }
  }
  return addresses;
}

}  // namespace ceplan::terraform
