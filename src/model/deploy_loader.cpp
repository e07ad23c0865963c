// Reads a deploy file (SPEC §2) into a Deployment, reporting every problem it can find.
#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "loader/yaml_read.hpp"
#include "model/deploy_loader.hpp"
#include "model/deploy_schema.hpp"

namespace ceplan {
namespace {

using yaml::Node;
using Keys = std::vector<std::string>;

// Keys and enumerations come from the schema table, which `ceplan schema` renders too. They are
// built on first use, so commands that read no deploy file never pay for them.
struct SchemaLists {
  Keys top_keys = schema::keys("deploy");
  Keys objective_keys = schema::keys("objectives");
  Keys region_keys = schema::keys("region");
  Keys role_names = schema::choices("region", "role");
  Keys failover_keys = schema::keys("failover");
  Keys strategy_names = schema::choices("failover", "strategy");
  Keys proxy_keys = schema::keys("edge_proxy");
  Keys services = schema::choices("edge_proxy", "service");
  Keys plans = schema::choices("edge_proxy", "plan");
  Keys health_keys = schema::keys("health_check");
  Keys app_keys = schema::keys("app");
  Keys job_keys = schema::keys("job");
  Keys secret_keys = schema::keys("secret");
  Keys configmap_keys = schema::keys("configmap");
  Keys source_names = schema::choices("secret", "source");
  Keys secret_formats = schema::choices("secret", "format");
  Keys data_keys = schema::keys("data");
  Keys placement_keys = schema::keys("placement");
  Keys steering_names = schema::choices("edge_proxy", "steering");
  Keys visibility_names = schema::choices("app", "visibility");
};

const SchemaLists& lists() {
  static const SchemaLists instance;
  return instance;
}

template <typename T>
T index_of(const Keys& names, const std::string& name) {
  return static_cast<T>(std::find(names.begin(), names.end(), name) - names.begin());
}

class DeployReader {
public:
  DeployReader(DiagnosticSink& sink, Deployment& out) : m_read(sink), m_out(out) {}

  void read(const Node& root) {
    m_out.root = root.mark;
    m_out.apps_location = m_out.jobs_location = root.mark;
    m_out.secrets_location = m_out.configmaps_location = root.mark;
    if (!m_read.map(root, "the deploy file", lists().top_keys)) {
      return;
    }
    if (const Node* version = m_read.required(root, "version", "the deploy file")) {
      // A number outside the table's bounds is an unsupported version, said as such.
      const std::int64_t supported = *schema::field("deploy", "version").min;
      auto value = m_read.integer(*version, "'version'", 0, std::numeric_limits<std::int64_t>::max());
      if (value && *value != supported) {
        m_read.error(version->mark,
                     fmt::format("unsupported version {}; this ceplan reads version {}", *value, supported));
      }
    }
    if (const Node* project = m_read.required(root, "project", "the deploy file")) {
      m_out.project = text(*project, "'project'").value_or("");
    }
    m_out.resource_group = optional_ref(root, "resource_group");
    if (const Node* objectives = root.find("objectives")) {
      read_objectives(*objectives);
    }
    if (const Node* regions = m_read.required(root, "regions", "the deploy file")) {
      m_out.regions_location = root.key_location("regions");
      read_regions(*regions);
    }
    if (const Node* failover = root.find("failover")) {
      read_failover(*failover);
    }
    each(root, "apps", m_out.apps_location, [this](const Node& item) { read_app(item); });
    each(root, "jobs", m_out.jobs_location, [this](const Node& item) { read_job(item); });
    each(root, "secrets", m_out.secrets_location,
         [this](const Node& item) { read_artifact(item, "a secret", lists().secret_keys, m_out.secrets); });
    each(root, "configmaps", m_out.configmaps_location,
         [this](const Node& item) { read_artifact(item, "a config map", lists().configmap_keys, m_out.configmaps); });
    Location ignored;
    each(root, "data", ignored, [this](const Node& item) { read_data(item); });
    apply_defaults();
  }

private:
  template <typename Read>
  void each(const Node& root, std::string_view key, Location& location, Read read) {
    const Node* list = root.find(key);
    if (list == nullptr || list->is_null()) {
      return;
    }
    location = root.key_location(key);
    if (m_read.sequence(*list, fmt::format("'{}'", key))) {
      for (const Node& item : list->items) {
        read(item);
      }
    }
  }

  // Every string of the deploy file names something, so none may be empty (the schema says
  // minLength 1 for the same reason).
  std::optional<std::string> text(const Node& node, std::string_view what) {
    auto value = m_read.string(node, what);
    if (value && value->empty()) {
      m_read.error(node.mark, fmt::format("{} must not be empty", what));
      return std::nullopt;
    }
    return value;
  }

  Ref name_of(const Node& map, std::string_view what) {
    Ref ref{{}, map.mark};
    if (const Node* name = m_read.required(map, "name", what)) {
      ref.location = name->mark;
      ref.name = text(*name, "'name'").value_or("");
    }
    return ref;
  }

  std::vector<Ref> refs(const Node& node, std::string_view what) {
    std::vector<Ref> out;
    if (m_read.sequence(node, what)) {
      for (const Node& item : node.items) {
        if (auto name = text(item, fmt::format("an item of {}", what))) {
          out.push_back(Ref{std::move(*name), item.mark});
        }
      }
    }
    return out;
  }

  void duration(const Node& map, std::string_view key, Setting& setting) {
    if (const Node* node = map.find(key)) {
      setting.location = node->mark;
      if (auto value = m_read.duration(*node, fmt::format("'{}'", key))) {
        setting.value = *value;
        setting.given = true;
      }
    } else {
      setting.location = map.mark;
    }
  }

  void read_objectives(const Node& node) {
    if (!m_read.map(node, "'objectives'", lists().objective_keys)) {
      return;
    }
    Objectives& out = m_out.objectives;
    if (const Node* value = node.find("availability")) {
      out.availability = m_read.percent(*value, "'availability'");
      out.availability_location = value->mark;
    }
    if (const Node* value = node.find("rto")) {
      out.rto = m_read.duration(*value, "'rto'");
      out.rto_location = value->mark;
    }
    if (const Node* value = node.find("rpo")) {
      out.rpo = m_read.duration(*value, "'rpo'");
      out.rpo_location = value->mark;
    }
  }

  void read_regions(const Node& node) {
    if (!m_read.sequence(node, "'regions'")) {
      return;
    }
    if (node.items.empty()) {
      m_read.error(node.mark, "'regions' must list at least one region");
    }
    for (const Node& item : node.items) {
      ProjectRegion region;
      region.role_location = item.mark;
      if (item.kind == yaml::Kind::scalar) {
        if (auto id = text(item, "a region id")) {
          region.id = Ref{std::move(*id), item.mark};
          m_out.regions.push_back(std::move(region));
        }
        continue;
      }
      if (!m_read.map(item, "a project region", lists().region_keys)) {
        continue;
      }
      const Node* id = m_read.required(item, "id", "a project region");
      auto id_text = id != nullptr ? text(*id, "'id'") : std::nullopt;
      if (const Node* role = item.find("role")) {
        region.role_location = role->mark;
        if (auto name = m_read.choice(*role, "'role'", lists().role_names)) {
          region.role = static_cast<Role>(index_of<int>(lists().role_names, *name) + 1);
        }
      }
      if (id_text) {
        region.id = Ref{std::move(*id_text), id->mark};
        m_out.regions.push_back(std::move(region));
      }
    }
  }

  void read_failover(const Node& node) {
    if (!m_read.map(node, "'failover'", lists().failover_keys)) {
      return;
    }
    Failover& out = m_out.failover;
    out.strategy_location = node.mark;
    if (const Node* strategy = node.find("strategy")) {
      out.strategy_location = strategy->mark;
      if (auto name = m_read.choice(*strategy, "'strategy'", lists().strategy_names)) {
        out.strategy = index_of<Strategy>(lists().strategy_names, *name);
      }
    }
    duration(node, "standby_warmup", out.standby_warmup);
    if (const Node* proxy = node.find("edge_proxy"); proxy != nullptr && !proxy->is_null()) {
      read_edge_proxy(*proxy);
    }
  }

  void read_edge_proxy(const Node& node) {
    if (!m_read.map(node, "'edge_proxy'", lists().proxy_keys)) {
      return;
    }
    EdgeProxy& out = m_out.failover.edge_proxy.emplace();
    out.location = node.mark;
    if (const Node* value = node.find("service")) {
      out.service = m_read.choice(*value, "'service'", lists().services).value_or(out.service);
    }
    if (const Node* value = node.find("domain")) {
      out.domain = text(*value, "'domain'").value_or("");
    }
    if (const Node* value = node.find("proxied")) {
      out.proxied = m_read.boolean(*value, "'proxied'").value_or(true);
    }
    duration(node, "ttl", out.ttl);
    if (const Node* value = node.find("sla")) {
      out.sla = m_read.percent(*value, "'sla'").value_or(out.sla);
    }
    if (const Node* value = node.find("plan")) {
      if (auto plan = m_read.choice(*value, "'plan'", lists().plans)) {
        out.plan = Ref{std::move(*plan), value->mark};
      }
    }
    out.tls_secret = optional_ref(node, "tls_secret");
    out.target = optional_ref(node, "target");
    out.steering = defaults::steering_for(m_out.failover.strategy);
    out.steering_location = node.mark;
    if (const Node* value = node.find("steering")) {
      out.steering_location = value->mark;
      if (auto name = m_read.choice(*value, "'steering'", lists().steering_names)) {
        out.steering = index_of<Steering>(lists().steering_names, *name);
      }
    }
    HealthCheck& check = out.health_check;
    check.interval.location = check.retries.location = check.timeout.location = node.mark;
    if (const Node* health = node.find("health_check")) {
      if (!m_read.map(*health, "'health_check'", lists().health_keys)) {
        return;
      }
      if (const Node* value = health->find("path")) {
        check.path = text(*value, "'path'").value_or(check.path);
      }
      duration(*health, "interval", check.interval);
      duration(*health, "timeout", check.timeout);
      check.retries.location = health->mark;
      integer_setting(*health, "health_check", "retries", check.retries);
    }
  }

  void read_workload(const Node& node, const char* what, Workload& out) {
    out.name = name_of(node, what);
    out.image = Ref{{}, node.mark};
    if (const Node* value = m_read.required(node, "image", what)) {
      out.image = Ref{text(*value, "'image'").value_or(""), value->mark};
    }
    out.regions_location = out.name.location;
    if (const Node* value = node.find("regions")) {
      read_placement(*value, out);
      out.regions_given = true;
      out.regions_location = value->mark;
    }
    if (const Node* value = node.find("secrets")) {
      out.secrets = refs(*value, "'secrets'");
    }
    if (const Node* value = node.find("configmaps")) {
      out.configmaps = refs(*value, "'configmaps'");
    }
    out.registry_secret = optional_ref(node, "registry_secret");
    if (const Node* value = node.find("data")) {
      out.data = refs(*value, "'data'");
      out.data_given = true;
    }
  }

  // `regions: [a, b]`, or `regions: { a: {}, b: { min_scale: 0, image: ... } }`.
  void read_placement(const Node& node, Workload& out) {
    if (node.kind != yaml::Kind::map) {
      out.regions = refs(node, "'regions'");
      out.overrides.resize(out.regions.size());
      return;
    }
    for (std::size_t i = 0; i < node.keys.size(); ++i) {
      const Node& item = node.items[i];
      RegionOverrides local;
      if (!item.is_null() &&
          m_read.map(item, fmt::format("region '{}' of '{}'", node.keys[i], out.name.name), lists().placement_keys)) {
        if (item.find("min_scale") != nullptr) {
          integer_setting(item, "placement", "min_scale", local.min_scale.emplace());
        }
        if (item.find("max_scale") != nullptr) {
          integer_setting(item, "placement", "max_scale", local.max_scale.emplace());
        }
        local.image = optional_ref(item, "image");
      }
      out.regions.push_back(Ref{node.keys[i], node.key_marks[i]});
      out.overrides.push_back(std::move(local));
    }
  }

  std::optional<Ref> optional_ref(const Node& map, std::string_view key) {
    if (const Node* value = map.find(key)) {
      if (auto name = text(*value, fmt::format("'{}'", key))) {
        return Ref{std::move(*name), value->mark};
      }
    }
    return std::nullopt;
  }

  std::optional<Setting> optional_integer(const Node& map, std::string_view object, std::string_view key) {
    if (map.find(key) == nullptr) {
      return std::nullopt;
    }
    Setting setting;
    integer_setting(map, object, key, setting);
    return setting.given ? std::optional<Setting>(setting) : std::nullopt;
  }

  // An integer key read within the bounds the table gives it.
  void integer_setting(const Node& map, std::string_view object, std::string_view key, Setting& setting) {
    if (const Node* value = map.find(key)) {
      const schema::Field& field = schema::field(object, key);
      setting.location = value->mark;
      if (auto number = m_read.integer(*value, fmt::format("'{}'", key), *field.min, *field.max)) {
        setting.value = *number;
        setting.given = true;
      }
    }
  }

  void read_app(const Node& node) {
    if (!m_read.map(node, "an app", lists().app_keys)) {
      return;
    }
    App app;
    read_workload(node, "an app", app);
    app.min_scale.location = app.name.location;
    integer_setting(node, "app", "min_scale", app.min_scale);
    app.max_scale = optional_integer(node, "app", "max_scale");
    app.port = optional_integer(node, "app", "port");
    app.cpu = optional_ref(node, "cpu");
    app.memory = optional_ref(node, "memory");
    if (const Node* value = node.find("visibility")) {
      if (auto name = m_read.choice(*value, "'visibility'", lists().visibility_names)) {
        app.visibility = Ref{std::move(*name), value->mark};
      }
    }
    m_out.apps.push_back(std::move(app));
  }

  void read_job(const Node& node) {
    if (!m_read.map(node, "a job", lists().job_keys)) {
      return;
    }
    Job job;
    read_workload(node, "a job", job);
    job.scheduled_in_location = job.name.location;
    if (const Node* value = node.find("schedule"); value != nullptr && !value->is_null()) {
      if (auto cron = text(*value, "'schedule'")) {
        job.schedule = Ref{std::move(*cron), value->mark};
      }
    }
    if (const Node* value = node.find("scheduled_in")) {
      job.scheduled_in = refs(*value, "'scheduled_in'");
      job.scheduled_in_given = true;
      job.scheduled_in_location = value->mark;
      if (!job.schedule) {
        m_read.error(value->mark, fmt::format("job '{}' has 'scheduled_in' but no 'schedule'", job.name.name));
      }
    }
    if (const Node* value = node.find("idempotent")) {
      job.idempotent = m_read.boolean(*value, "'idempotent'").value_or(false);
    }
    job.time_zone = optional_ref(node, "time_zone");
    m_out.jobs.push_back(std::move(job));
  }

  void read_artifact(const Node& node, const char* what, const Keys& keys, std::vector<Artifact>& out) {
    if (!m_read.map(node, what, keys)) {
      return;
    }
    Artifact artifact;
    artifact.name = name_of(node, what);
    artifact.source_location = artifact.name.location;
    if (const Node* value = node.find("source")) {
      artifact.source_location = value->mark;
      if (auto source = m_read.choice(*value, "'source'", lists().source_names)) {
        artifact.source = index_of<Source>(lists().source_names, *source);
      }
    }
    if (const Node* value = node.find("format")) {
      artifact.format = m_read.choice(*value, "'format'", lists().secret_formats).value_or("");
    }
    out.push_back(std::move(artifact));
  }

  void read_data(const Node& node) {
    if (!m_read.map(node, "a data store", lists().data_keys)) {
      return;
    }
    DataStore store;
    store.name = name_of(node, "a data store");
    store.region = Ref{{}, node.mark};
    if (const Node* value = m_read.required(node, "region", "a data store")) {
      store.region = Ref{text(*value, "'region'").value_or(""), value->mark};
    }
    if (node.find("backup_interval") != nullptr) {
      Setting interval;
      duration(node, "backup_interval", interval);
      if (interval.given) {
        store.backup_interval = interval;
      }
    }
    if (const Node* value = node.find("cross_region_copy")) {
      store.cross_region_copy = m_read.boolean(*value, "'cross_region_copy'").value_or(false);
    }
    store.backup_in = optional_ref(node, "backup_in");
    store.replica_in = optional_ref(node, "replica_in");
    duration(node, "restore_time", store.restore_time);
    duration(node, "promote_time", store.promote_time);
    store.secret = optional_ref(node, "secret");
    m_out.data.push_back(std::move(store));
  }

  // Where a workload runs when the file does not say (SPEC §7): every region under
  // active-active, the primary and standby regions under warm-standby, and only the primary
  // under pilot-light and backup-restore, whose other regions hold nothing until a runbook runs.
  std::vector<Ref> default_regions(Location location) const {
    const Strategy strategy = m_out.failover.strategy;
    std::vector<Ref> out;
    for (const ProjectRegion& region : m_out.regions) {
      const bool runs = strategy == Strategy::active_active ||
                        (strategy == Strategy::warm_standby && region.role != Role::recovery) ||
                        region.role == Role::primary;
      if (runs) {
        out.push_back(Ref{region.id.name, location});
      }
    }
    // Without a primary to go by, the workload still runs somewhere: in every region.
    if (out.empty()) {
      for (const ProjectRegion& region : m_out.regions) out.push_back(Ref{region.id.name, location});
    }
    return out;
  }

  void default_placement(Workload& workload) const {
    if (!workload.regions_given) {
      workload.regions = default_regions(workload.name.location);
      workload.overrides.assign(workload.regions.size(), {});
    }
  }

  // A schedule is live in the primary under the strategies that keep one, else in every
  // region of the job.
  void apply_defaults() {
    for (App& app : m_out.apps) {
      default_placement(app);
    }
    const bool primary_only = m_out.failover.strategy != Strategy::active_active;
    const ProjectRegion* primary = m_out.first_with_role(Role::primary);
    for (Job& job : m_out.jobs) {
      default_placement(job);
      if (!job.schedule || job.scheduled_in_given) {
        continue;
      }
      if (primary_only && primary != nullptr) {
        job.scheduled_in = {Ref{primary->id.name, job.name.location}};
      } else {
        job.scheduled_in = job.regions;
        for (Ref& ref : job.scheduled_in) {
          ref.location = job.name.location;
        }
      }
    }
  }

  yaml::Reader m_read;
  Deployment& m_out;
};

}  // namespace

Deployment load_deployment(std::string_view text, const std::string& source, const InputLimits& limits) {
  DiagnosticSink sink(source);
  const Node root = yaml::parse(text, source, limits);
  Deployment deployment;
  deployment.source = source;
  if (root.is_null()) {
    sink.error(root.mark, "the deploy file is empty; it needs at least 'version', 'project' and 'regions'");
  } else {
    DeployReader(sink, deployment).read(root);
  }
  sink.throw_if_failed();
  return deployment;
}

}  // namespace ceplan
