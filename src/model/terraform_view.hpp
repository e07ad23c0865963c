#pragma once
// Reading `terraform show -json` (docs/terraform.md): a value together with what Terraform says
// about it (sensitive, unknown until apply) and its JSON path, and the plan's configuration,
// which tells a resource's provider region and what its expressions refer to when the plan leaves
// the values unknown.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "loader/json_document.hpp"
#include "model/terraform.hpp"
#include "support/error.hpp"

namespace ceplan::terraform {

/// A value of a resource with its sensitivity and unknown-ness, which Terraform records in
/// parallel trees (`sensitive_values`, `after_unknown`) of the same shape.
struct View {
  const json::Value* value = nullptr;           ///< the value; nullptr when absent
  const json::Value* sensitive_mask = nullptr;  ///< the matching part of `sensitive_values`
  const json::Value* unknown_mask = nullptr;    ///< the matching part of `after_unknown`
  bool sensitive = false;                       ///< marked sensitive, here or above
  bool unknown = false;                         ///< unknown until apply, here or above
  std::string path;                             ///< JSON path, for messages

  /// The member `key` of an object value.
  [[nodiscard]] View member(std::string_view key) const;
  /// The item `index` of an array value.
  [[nodiscard]] View item(std::size_t index) const;
  /// How many items an array value has (0 for other kinds).
  [[nodiscard]] std::size_t size() const;
};

/// A string attribute: sensitive and unknown values are withheld, a wrong type is recorded.
[[nodiscard]] Text read_text(const View& view, DiagnosticSink& sink);
/// A whole-number attribute, likewise.
[[nodiscard]] Count read_count(const View& view, DiagnosticSink& sink);
/// A boolean attribute, likewise.
[[nodiscard]] Flag read_flag(const View& view, DiagnosticSink& sink);

/// `module.app["api"].module.db` without instance keys: `module.app.module.db`.
[[nodiscard]] std::string without_keys(std::string_view module_address);
/// The module instance that calls `module_address`, and the call's name: `module.app["api"]` gives
/// "" and "app"; false for the root module.
bool split_module(std::string_view module_address, std::string& parent, std::string& call);

/// The plan's `configuration` and `variables`, indexed.
class Configuration {
public:
  /// Indexes `plan` (the document's root); a state has no configuration, and every look-up then
  /// finds nothing.
  explicit Configuration(const json::Value& plan);

  /// The configuration of resource `type.name` in the module instance `module_address`.
  [[nodiscard]] const json::Value* resource(std::string_view module_address, std::string_view type_name) const;
  /// The region the resource's provider is configured with, or empty when the configuration does
  /// not say (the environment sets it) or the value is sensitive.
  [[nodiscard]] std::string provider_region(const json::Value* resource_config) const;
  /// Addresses of resources that `expression` (an `expressions` member) refers to, seen from the
  /// module instance `module_address`, following module variables up to their callers.
  [[nodiscard]] std::vector<std::string> referenced(const json::Value* expression, const std::string& module_address,
                                                    int depth = 0) const;

  /// References read from one expression: a resource's links are among the first few.
  static constexpr std::size_t max_references = 64;
  /// Module variables followed up their callers, at most.
  static constexpr int max_reference_depth = 16;

private:
  void index(const std::string& prefix, const json::Value* object);
  [[nodiscard]] const json::Value* indexed(const std::string& key) const;
  [[nodiscard]] std::string resolve_variable(std::string_view name, std::string_view module) const;

  // "provider|KEY", "value|VAR", "declared|VAR", "argument|PATH|CALL|VAR" and
  // "resource|PATH|TYPE.NAME", module paths without instance keys.
  std::unordered_map<std::string, const json::Value*> m_index;
  mutable std::unordered_map<std::string, std::string> m_regions;  // provider key -> region, once resolved
};

/// Which list of the inventory a resource is in.
enum class Collection { project, workload, artifact, domain_mapping, health_check, pool, load_balancer, data_store };

/// What the reader keeps about a resource to resolve its region and links once all are read.
struct Pending {
  Collection collection = Collection::project;  ///< the list it is in
  std::size_t index = 0;                        ///< its place there
  std::string module;                           ///< the module instance it is in
  const json::Value* config = nullptr;          ///< its configuration, when the plan has one
  Text project_id;                              ///< `project_id` (Code Engine resources)
  std::vector<std::string> ids;                 ///< ids others refer to it by
  std::vector<Text> points_at;                  ///< ids it refers to: origins, pools or monitor
};

/// The resource a pending entry stands for.
[[nodiscard]] Resource& resource_of(Inventory& inventory, const Pending& pending);

/// Gives every Code Engine resource its region (its own, its project's, its provider's, then
/// `options.region`), every pool its region and monitor, and every load balancer its pools;
/// records a problem for a Code Engine resource whose region cannot be told.
void resolve_links(Inventory& inventory, const std::vector<Pending>& pending, const Configuration& configuration,
                   const ReadOptions& options, DiagnosticSink& sink);

}  // namespace ceplan::terraform
