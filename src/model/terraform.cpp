#include "model/terraform.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "loader/json_document.hpp"
#include "model/terraform_view.hpp"
#include "model/vocabulary.hpp"
#include "support/spellcheck.hpp"

namespace ceplan::terraform {

std::vector<std::string> Inventory::regions() const {
  std::vector<std::string> found;
  std::unordered_set<std::string_view> seen;
  auto add = [&](const std::string& region) {
    if (!region.empty() && seen.insert(region).second)
      found.push_back(region);
  };
  for (const Project& project : projects) add(project.region);
  for (const Workload& workload : workloads) add(workload.region);
  return found;
}

std::string_view deploy_secret_format(std::string_view format) {
  if (format == "ssh_auth")
    return "ssh";
  if (format == "hmac_auth")
    return "hmac";
  for (std::string_view known : secret_formats) {
    if (known == format)
      return known;
  }
  return {};
}

std::string_view deploy_steering(std::string_view policy) {
  if (policy == "off" || policy.empty())
    return "failover";
  if (policy == "dynamic_latency")
    return "dynamic";
  return policy == "geo" || policy == "random" ? policy : std::string_view();
}

std::vector<std::string> Inventory::project_names() const {
  std::vector<std::string> names;
  std::unordered_set<std::string_view> seen;
  for (const Project& project : projects) {
    if (project.name.known() && seen.insert(project.name.value).second)
      names.push_back(project.name.value);
  }
  return names;
}

Inventory select_project(const Inventory& inventory, const std::string& name) {
  const std::vector<std::string> names = inventory.project_names();
  const std::string chosen = name.empty() && !names.empty() ? names.front() : name;
  if (!chosen.empty() && std::find(names.begin(), names.end(), chosen) == names.end())
    throw input_error(
        inventory.source, {},
        fmt::format("no project named '{}'{}", excerpt(chosen),
                    names.empty() ? std::string(": it has no project") : did_you_mean_or_list(chosen, names)));
  auto mine = [&](const Resource& resource) { return resource.project.empty() || resource.project == chosen; };
  Inventory out = inventory;
  std::erase_if(out.projects, [&](const Project& p) { return p.name.known() && p.name.value != chosen; });
  std::erase_if(out.workloads, [&](const Workload& w) { return !mine(w); });
  std::erase_if(out.artifacts, [&](const Artifact& a) { return !mine(a); });
  std::erase_if(out.domain_mappings, [&](const DomainMapping& m) { return !mine(m); });
  std::copy_if(names.begin(), names.end(), std::back_inserter(out.other_projects),
               [&](const std::string& other) { return other != chosen; });
  return out;
}

namespace {

// Walks the modules of a plan or state and reads the resources ceplan maps.
class Reader {
public:
  Reader(Inventory& inventory, const Configuration& configuration, DiagnosticSink& sink)
      : m_inventory(inventory), m_configuration(configuration), m_sink(sink) {}

  // `after_unknown` of each planned resource, by address.
  void index_changes(const json::Value* changes) {
    if (changes == nullptr || changes->kind != json::Kind::array)
      return;
    for (const json::Value& change : changes->items) {
      const json::Value* address = change.find("address");
      const json::Value* after = change.find("change");
      if (address != nullptr && after != nullptr && after->find("after_unknown") != nullptr)
        m_unknown.emplace(address->string(), after->find("after_unknown"));
    }
  }

  void walk(const json::Value& module, const std::string& path) {
    if (module.kind != json::Kind::object) {
      m_sink.error({}, fmt::format("{}: expected an object, found {}", path, json::describe(module)));
      return;
    }
    const std::string address = text_of(module.find("address"), json::member_path(path, "address"));
    if (const json::Value* resources = array_of(module.find("resources"), json::member_path(path, "resources"))) {
      for (std::size_t i = 0; i < resources->items.size(); ++i)
        resource(resources->items[i], json::index_path(json::member_path(path, "resources"), i), address);
    }
    const std::string children_path = json::member_path(path, "child_modules");
    if (const json::Value* children = array_of(module.find("child_modules"), children_path)) {
      for (std::size_t i = 0; i < children->items.size(); ++i)
        walk(children->items[i], json::index_path(children_path, i));
    }
  }

  std::vector<Pending> take_pending() { return std::move(m_pending); }

private:
  const json::Value* array_of(const json::Value* value, const std::string& path) {
    if (value == nullptr || value->kind == json::Kind::null)
      return nullptr;
    if (value->kind != json::Kind::array) {
      m_sink.error({}, fmt::format("{}: expected an array, found {}", path, json::describe(*value)));
      return nullptr;
    }
    return value;
  }

  std::string text_of(const json::Value* value, const std::string& path) {
    if (value == nullptr || value->kind == json::Kind::null)
      return {};
    if (value->kind != json::Kind::string)
      m_sink.error({}, fmt::format("{}: expected a string, found {}", path, json::describe(*value)));
    return std::string(value->string());
  }

  void resource(const json::Value& entry, const std::string& path, const std::string& module) {
    if (entry.kind != json::Kind::object) {
      m_sink.error({}, fmt::format("{}: expected an object, found {}", path, json::describe(entry)));
      return;
    }
    const std::string address = text_of(entry.find("address"), json::member_path(path, "address"));
    const std::string type = text_of(entry.find("type"), json::member_path(path, "type"));
    const std::string name = text_of(entry.find("name"), json::member_path(path, "name"));
    const std::string mode = text_of(entry.find("mode"), json::member_path(path, "mode"));
    if (address.empty() || type.empty()) {
      m_sink.error({}, fmt::format("{}: a resource needs an 'address' and a 'type'", path));
      return;
    }
    // A project Terraform only reads (`data "ibm_code_engine_project"`) is still a region of the
    // deployment; other data sources describe nothing ceplan maps.
    const bool data = mode == "data";
    if (data && type != "ibm_code_engine_project")
      return;
    View view;
    view.path = json::member_path(path, "values");
    view.value = entry.find("values");
    view.sensitive_mask = entry.find("sensitive_values");
    if (const auto it = m_unknown.find(address); it != m_unknown.end())
      view.unknown_mask = it->second;
    Pending pending;
    pending.module = module;
    pending.config = m_configuration.resource(module, (data ? "data." : "") + type + "." + name);
    const json::Value* tainted = entry.find("tainted");
    Resource base{address, {}, tainted != nullptr && tainted->kind == json::Kind::boolean && tainted->boolean, {}};
    read_resource(type, view, base, pending);
  }

  void read_resource(const std::string& type, const View& view, const Resource& base, Pending& pending);
  void read_workload(const View& view, const Resource& base, bool job, Pending& pending);
  void read_cis(const std::string& type, const View& view, const Resource& base, Pending& pending);
  void read_data_store(const std::string& type, const View& view, const Resource& base);

  void keep(Pending& pending, Collection collection, std::size_t index, const View& view) {
    pending.collection = collection;
    pending.index = index;
    if (collection <= Collection::domain_mapping)
      pending.project_id = read_text(view.member("project_id"), m_sink);
    m_pending.push_back(std::move(pending));
  }

  Inventory& m_inventory;
  const Configuration& m_configuration;
  DiagnosticSink& m_sink;
  std::unordered_map<std::string_view, const json::Value*> m_unknown;
  std::vector<Pending> m_pending;
};

void Reader::read_resource(const std::string& type, const View& view, const Resource& base, Pending& pending) {
  if (type == "ibm_code_engine_project") {
    Project project{base, read_text(view.member("name"), m_sink)};
    project.region = read_text(view.member("region"), m_sink).value;
    for (const char* id : {"project_id", "id"}) pending.ids.push_back(read_text(view.member(id), m_sink).value);
    m_inventory.projects.push_back(std::move(project));
    keep(pending, Collection::project, m_inventory.projects.size() - 1, view);
  } else if (type == "ibm_code_engine_app" || type == "ibm_code_engine_job") {
    read_workload(view, base, type == "ibm_code_engine_job", pending);
  } else if (type == "ibm_code_engine_secret" || type == "ibm_code_engine_config_map") {
    Artifact artifact{base, type == "ibm_code_engine_secret", read_text(view.member("name"), m_sink), {}};
    if (artifact.secret)
      artifact.format = read_text(view.member("format"), m_sink);
    artifact.region = read_text(view.member("region"), m_sink).value;
    m_inventory.artifacts.push_back(std::move(artifact));
    keep(pending, Collection::artifact, m_inventory.artifacts.size() - 1, view);
  } else if (type == "ibm_code_engine_domain_mapping") {
    DomainMapping mapping{base, read_text(view.member("name"), m_sink), read_text(view.member("tls_secret"), m_sink),
                          read_text(view.member("component").item(0).member("name"), m_sink)};
    mapping.region = read_text(view.member("region"), m_sink).value;
    pending.ids.push_back(read_text(view.member("cname_target"), m_sink).value);
    m_inventory.domain_mappings.push_back(std::move(mapping));
    keep(pending, Collection::domain_mapping, m_inventory.domain_mappings.size() - 1, view);
  } else if (type.rfind("ibm_cis_", 0) == 0) {
    read_cis(type, view, base, pending);
  } else {
    read_data_store(type, view, base);
  }
}

// Secrets and config maps an app or job reads: `run_env_variables` of a secret or config-map
// type, and `run_volume_mounts`. Literal values are never read.
void Reader::read_workload(const View& view, const Resource& base, bool job, Pending& pending) {
  Workload workload;
  static_cast<Resource&>(workload) = base;
  workload.job = job;
  workload.name = read_text(view.member("name"), m_sink);
  workload.image = read_text(view.member("image_reference"), m_sink);
  if (!job) {
    workload.min_scale = read_count(view.member("scale_min_instances"), m_sink);
    workload.max_scale = read_count(view.member("scale_max_instances"), m_sink);
  }
  workload.registry_secret = read_text(view.member("image_secret"), m_sink);
  workload.region = read_text(view.member("region"), m_sink).value;
  // A name read twice (an env variable and a mount) is listed once.
  std::unordered_set<std::string> seen_secrets;
  std::unordered_set<std::string> seen_configmaps;
  auto add = [](std::vector<std::string>& names, std::unordered_set<std::string>& seen, const Text& name) {
    if (name.known() && seen.insert(name.value).second)
      names.push_back(name.value);
  };
  for (const char* list : {"run_env_variables", "run_volume_mounts"}) {
    const View entries = view.member(list);
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const std::string kind = read_text(entries.item(i).member("type"), m_sink).value;
      const Text reference = read_text(entries.item(i).member("reference"), m_sink);
      if (kind.rfind("secret", 0) == 0)
        add(workload.secrets, seen_secrets, reference);
      else if (kind.rfind("config_map", 0) == 0)
        add(workload.configmaps, seen_configmaps, reference);
    }
  }
  m_inventory.workloads.push_back(std::move(workload));
  keep(pending, Collection::workload, m_inventory.workloads.size() - 1, view);
}

// CIS resources are global; what ties them to regions is what they point at. Their ids are
// composite (`<id>:<crn>`), so both forms are kept.
void Reader::read_cis(const std::string& type, const View& view, const Resource& base, Pending& pending) {
  for (const char* id : {"id", "pool_id", "monitor_id"}) {
    const std::string value = read_text(view.member(id), m_sink).value;
    pending.ids.push_back(value);
    pending.ids.push_back(value.substr(0, value.find(':')));
  }
  if (type == "ibm_cis_healthcheck") {
    m_inventory.health_checks.push_back(
        {base, read_text(view.member("path"), m_sink), read_count(view.member("interval"), m_sink),
         read_count(view.member("retries"), m_sink), read_count(view.member("timeout"), m_sink)});
    keep(pending, Collection::health_check, m_inventory.health_checks.size() - 1, view);
  } else if (type == "ibm_cis_origin_pool") {
    const View origins = view.member("origins");
    for (std::size_t i = 0; i < origins.size(); ++i)
      pending.points_at.push_back(read_text(origins.item(i).member("address"), m_sink));
    pending.points_at.push_back(read_text(view.member("monitor"), m_sink));
    m_inventory.pools.push_back({base, read_text(view.member("name"), m_sink), std::nullopt});
    keep(pending, Collection::pool, m_inventory.pools.size() - 1, view);
  } else if (type == "ibm_cis_global_load_balancer") {
    const View pools = view.member("default_pool_ids");
    for (std::size_t i = 0; i < pools.size(); ++i) pending.points_at.push_back(read_text(pools.item(i), m_sink));
    m_inventory.load_balancers.push_back({base,
                                          read_text(view.member("name"), m_sink),
                                          read_flag(view.member("proxied"), m_sink),
                                          read_count(view.member("ttl"), m_sink),
                                          read_text(view.member("steering_policy"), m_sink),
                                          {}});
    keep(pending, Collection::load_balancer, m_inventory.load_balancers.size() - 1, view);
  }
}

void Reader::read_data_store(const std::string& type, const View& view, const Resource& base) {
  DataStore store{base, type, {}, {}, {}};
  if (type == "ibm_database" || type == "ibm_cloudant") {
    store.name = read_text(view.member("name"), m_sink);
    store.location = read_text(view.member("location"), m_sink);
  } else if (type == "ibm_cos_bucket") {
    store.name = read_text(view.member("bucket_name"), m_sink);
    for (const char* key : {"region_location", "single_site_location"}) {
      if (const Text location = read_text(view.member(key), m_sink); location.state != Known::absent)
        store.location = location;
    }
    store.cross_region_location = read_text(view.member("cross_region_location"), m_sink);
  } else {
    return;
  }
  m_inventory.data_stores.push_back(std::move(store));
}

// format_version 1.x: the JSON output format's compatibility promise covers minor versions.
void check_version(const json::Value& root, const std::string& source) {
  if (root.kind != json::Kind::object)
    throw input_error(
        source, {},
        fmt::format("$: expected the object `terraform show -json` writes, found {}", json::describe(root)));
  const json::Value* version = root.find("format_version");
  if (version == nullptr)
    throw input_error(source, {},
                      "$: no 'format_version': not the JSON of `terraform show -json` (a saved plan or a state)");
  const std::string_view text = version->string();
  if (version->kind != json::Kind::string || text.substr(0, 2) != "1.")
    throw input_error(source, {},
                      fmt::format("$.format_version: unsupported format_version {}; ceplan reads {}",
                                  version->kind == json::Kind::string ? "'" + excerpt(text) + "'"
                                                                      : std::string(json::describe(*version)),
                                  supported_versions));
}

}  // namespace

Inventory read(std::string_view text, const std::string& source, const ReadOptions& options) {
  const json::Value root = json::parse(text, source, options.limits);
  check_version(root, source);
  Inventory inventory;
  inventory.source = source;
  DiagnosticSink sink(source);
  const json::Value* values = root.find("planned_values");
  inventory.plan = values != nullptr;
  const std::string path = inventory.plan ? "$.planned_values" : "$.values";
  if (!inventory.plan)
    values = root.find("values");
  const Configuration configuration(root);
  Reader reader(inventory, configuration, sink);
  reader.index_changes(root.find("resource_changes"));
  if (values != nullptr && values->kind != json::Kind::null) {
    const json::Value* module = values->find("root_module");
    if (values->kind != json::Kind::object || module == nullptr)
      sink.error({}, fmt::format("{}: expected an object with a 'root_module'", path));
    else
      reader.walk(*module, json::member_path(path, "root_module"));
  }
  sink.throw_if_failed();
  resolve_links(inventory, reader.take_pending(), configuration, options, sink);
  sink.throw_if_failed();
  if (const std::size_t regions = inventory.regions().size(); regions > max_regions)
    throw input_error(source, {},
                      fmt::format("resources in {} regions: Code Engine has far fewer; ceplan "
                                  "reads at most {}",
                                  regions, max_regions));
  return inventory;
}

}  // namespace ceplan::terraform
