// Reads a deploy file (docs/deploy-file.md) into a Deployment, reporting every problem it can find.
#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "model/deploy_loader.hpp"
#include "model/deploy_schema.hpp"
#include "model/field_reader.hpp"
#include "model/workload_reader.hpp"

namespace ceplan {
namespace {

constexpr std::size_t max_project_regions = 100;

using deploy::index_of;
using deploy::Keys;
using deploy::lists;

using yaml::Node;
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
      m_out.project = m_read.text_of(*project, "deploy", "project").value_or("");
    }
    m_out.resource_group = m_read.optional_ref(root, "resource_group", "deploy");
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
    each(root, "apps", m_out.apps_location, [this](const Node& item) {
      if (auto app = deploy::read_app(m_read, item))
        m_out.apps.push_back(std::move(*app));
    });
    each(root, "jobs", m_out.jobs_location, [this](const Node& item) {
      if (auto job = deploy::read_job(m_read, item))
        m_out.jobs.push_back(std::move(*job));
    });
    each(root, "secrets", m_out.secrets_location,
         [this](const Node& item) { read_artifact(item, "a secret", "secret", m_out.secrets); });
    each(root, "configmaps", m_out.configmaps_location,
         [this](const Node& item) { read_artifact(item, "a config map", "configmap", m_out.configmaps); });
    Location ignored;
    each(root, "data", ignored, [this](const Node& item) { read_data(item); });
    m_out.index_names();
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
    m_read.duration(node, "decision_time", out.decision_time);
  }

  void read_regions(const Node& node) {
    if (!m_read.sequence(node, "'regions'")) {
      return;
    }
    if (node.items.empty()) {
      m_read.error(node.mark, "'regions' must list at least one region");
    }
    // Every app and job may default to every region: without a bound, a long list makes the
    // model grow with its square. No catalog comes near this many regions.
    if (node.items.size() > max_project_regions) {
      m_read.error(node.mark, fmt::format("'regions' lists {} regions; a project can be in at most {}",
                                          node.items.size(), max_project_regions));
      return;
    }
    for (const Node& item : node.items) {
      ProjectRegion region;
      region.role_location = item.mark;
      if (item.kind == yaml::Kind::scalar) {
        if (auto id = m_read.text(item, "an item of 'regions'", schema::field("deploy", "regions").format)) {
          region.id = Ref{std::move(*id), item.mark};
          m_out.regions.push_back(std::move(region));
        }
        continue;
      }
      if (!m_read.map(item, "a project region", lists().region_keys)) {
        continue;
      }
      const Node* id = m_read.required(item, "id", "a project region");
      auto id_text = id != nullptr ? m_read.text_of(*id, "region", "id") : std::nullopt;
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
    m_read.duration(node, "standby_warmup", out.standby_warmup);
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
      out.domain = m_read.text_of(*value, "edge_proxy", "domain").value_or("");
    }
    if (const Node* value = node.find("proxied")) {
      out.proxied = m_read.boolean(*value, "'proxied'").value_or(true);
    }
    m_read.duration(node, "ttl", out.ttl);
    if (const Node* value = node.find("sla")) {
      out.sla = m_read.percent(*value, "'sla'").value_or(out.sla);
    }
    if (const Node* value = node.find("plan")) {
      if (auto plan = m_read.choice(*value, "'plan'", lists().plans)) {
        out.plan = Ref{std::move(*plan), value->mark};
      }
    }
    out.tls_secret = m_read.optional_ref(node, "tls_secret", "edge_proxy");
    out.target = m_read.optional_ref(node, "target", "edge_proxy");
    out.fallback = m_read.optional_ref(node, "fallback", "edge_proxy");
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
        check.path = m_read.text_of(*value, "health_check", "path").value_or(check.path);
      }
      m_read.duration(*health, "interval", check.interval);
      m_read.duration(*health, "timeout", check.timeout);
      check.retries.location = health->mark;
      m_read.integer_setting(*health, "health_check", "retries", check.retries);
    }
  }

  void read_artifact(const Node& node, const char* what, std::string_view object, std::vector<Artifact>& out) {
    if (!m_read.map(node, what, object == "secret" ? lists().secret_keys : lists().configmap_keys)) {
      return;
    }
    Artifact artifact;
    artifact.name = m_read.name_of(node, what, object);
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
    if (object == "secret")
      artifact.source_region = m_read.optional_ref(node, "source_region", "secret");
    out.push_back(std::move(artifact));
  }

  void read_data(const Node& node) {
    if (!m_read.map(node, "a data store", lists().data_keys)) {
      return;
    }
    DataStore store;
    store.name = m_read.name_of(node, "a data store", "data");
    store.region = Ref{{}, node.mark};
    if (const Node* value = m_read.required(node, "region", "a data store")) {
      store.region = Ref{m_read.text_of(*value, "data", "region").value_or(""), value->mark};
    }
    if (node.find("backup_interval") != nullptr) {
      Setting interval;
      m_read.duration(node, "backup_interval", interval);
      if (interval.given) {
        store.backup_interval = interval;
      }
    }
    if (const Node* value = node.find("cross_region_copy")) {
      store.cross_region_copy = m_read.boolean(*value, "'cross_region_copy'").value_or(false);
    }
    store.backup_in = m_read.optional_ref(node, "backup_in", "data");
    store.replica_in = m_read.optional_ref(node, "replica_in", "data");
    m_read.duration(node, "restore_time", store.restore_time);
    m_read.duration(node, "promote_time", store.promote_time);
    store.secret = m_read.optional_ref(node, "secret", "data");
    if (const Node* value = node.find("engine")) {
      if (auto engine = m_read.choice(*value, "'engine'", lists().engine_names))
        store.engine = Ref{std::string(*engine), value->mark};
    }
    m_out.data.push_back(std::move(store));
  }

  // Where a workload runs when the file does not say (docs/deploy-file.md): every region under
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

  void default_placement(Workload& workload) {
    if (!workload.regions_given) {
      workload.regions = default_regions(workload.name.location);
      workload.overrides.assign(workload.regions.size(), {});
    }
    // One entry per region: where it is defined, `regions` says how it runs there.
    for (const Ref& region : workload.restore_regions) {
      if (workload.runs_in(region.name))
        m_read.error(region.location, fmt::format("region '{}' of 'restore' of '{}' is one of its 'regions': set its "
                                                  "image and scale there",
                                                  region.name, workload.name.name));
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

  deploy::FieldReader m_read;
  Deployment& m_out;
};

}  // namespace

Deployment load_deployment(std::string_view text, const std::string& source, const InputLimits& limits) {
  DiagnosticSink sink(source);
  const Node root = yaml::parse(text, source, limits, &sink);
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
