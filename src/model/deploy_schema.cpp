// The deploy file of docs/deploy-file.md as data.
#include "model/deploy_schema.hpp"

#include <algorithm>
#include <span>
#include <stdexcept>

#include <fmt/format.h>

#include "model/deployment.hpp"
#include "model/figures.hpp"

namespace ceplan::schema {
namespace {

constexpr std::int64_t max_count = 1'000'000;
constexpr std::int64_t max_port = 65535;

Field required(std::string name, Type type, std::string description) {
  return Field{std::move(name), type, true, std::move(description), {}, {}, {}, {}, {}};
}

Field optional(std::string name, Type type, std::string description, std::string default_text = {}) {
  return Field{std::move(name), type, false, std::move(description), {}, {}, {}, {}, std::move(default_text)};
}

Field choice(std::string name, std::span<const std::string_view> values, std::string description,
             std::string_view default_text = {}) {
  Field field = optional(std::move(name), Type::choice, std::move(description), std::string(default_text));
  field.choices.assign(values.begin(), values.end());
  return field;
}

// A default duration as a user writes one: "1h", "5m", "90s".
std::string seconds(std::int64_t value) {
  return format_duration(value);
}

std::string yes_no(bool value) {
  return value ? "true" : "false";
}

Field nested(std::string name, Type type, std::string object, std::string description, bool is_required = false) {
  Field field = optional(std::move(name), type, std::move(description));
  field.object = std::move(object);
  field.required = is_required;
  field.nullable = type == Type::object_list;  // the loader reads `apps:` with nothing as no apps
  return field;
}

Field placement(std::string name, std::string description, std::string object = "placement") {
  Field field = optional(std::move(name), Type::placement, std::move(description),
                         "every region under active-active; the primary and standby regions under warm-standby; "
                         "the primary only under pilot-light and backup-restore");
  field.object = std::move(object);
  field.format = ValueFormat::region;
  return field;
}

// `restore: { REGION: { image: ... } }`: what a workload is re-created with in a region it is not
// placed in, such as a runbook's --restore-to region outside the project.
Field restore(std::string object) {
  Field field = optional("restore", Type::region_map,
                         "Image (and for apps, scale) to re-create it with in a region it does not run in, such as "
                         "a runbook's --restore-to region outside the project.");
  field.object = std::move(object);
  field.format = ValueFormat::region;
  return field;
}

Field shaped(Field field, ValueFormat format) {
  field.format = format;
  return field;
}

Field nullable(Field field) {
  field.nullable = true;
  return field;
}

Field integer(std::string name, std::int64_t min, std::int64_t max, std::string description,
              std::string default_text = {}) {
  Field field = optional(std::move(name), Type::integer, std::move(description), std::move(default_text));
  field.min = min;
  field.max = max;
  return field;
}

// Built on first use: the loader's key lists are namespace-scope constants of another file.
// A data table, one entry per key of the deploy file.
std::vector<Object> make_objects() {  // NOLINT(readability-function-size)
  namespace d = defaults;
  return {
      {"deploy",
       "A Code Engine project deployed to one or more regions (ceplan deploy file, version 1).",
       {
           [] {
             Field f = integer("version", 1, 1, "Deploy-file format version; must be 1.");
             f.required = true;
             return f;
           }(),
           shaped(required("project", Type::string, "Code Engine project name, the same in every region."),
                  ValueFormat::project),
           shaped(
               optional("resource_group", Type::string,
                        "Resource group the project is created in (ibmcloud target -g) when a runbook re-creates it."),
               ValueFormat::label),
           nested("objectives", Type::object, "objectives",
                  "Recovery objectives; rules that need a missing one are skipped."),
           shaped(nested("regions", Type::region_list, "region", "Regions the project exists in.", true),
                  ValueFormat::region),
           nested("failover", Type::object, "failover", "How traffic and workloads move when a region fails."),
           nested("apps", Type::object_list, "app", "Code Engine applications."),
           nested("jobs", Type::object_list, "job", "Code Engine jobs."),
           nested("secrets", Type::object_list, "secret", "Secrets the apps, jobs and edge proxy use."),
           nested("configmaps", Type::object_list, "configmap", "Config maps the apps and jobs use."),
           nested("data", Type::object_list, "data", "Stateful services the apps depend on."),
       }},
      {"objectives",
       "Recovery objectives.",
       {
           optional("availability", Type::percent, "Target availability of each app, percent."),
           optional("rto", Type::duration, "Recovery time objective, e.g. 15m."),
           optional("rpo", Type::duration, "Recovery point objective, e.g. 1h."),
           optional("decision_time", Type::duration,
                    "Time the incident lead takes to decide on a manual step (promoting or restoring data); "
                    "added once to a failover that waits for one, and shown as human.",
                    seconds(d::decision_time)),
       }},
      {"region",
       "A region of the project: an id from the catalog and its role.",
       {
           shaped(required("id", Type::string, "Region id, e.g. us-south."), ValueFormat::region),
           choice("role", role_names, "What the region does under the failover strategy."),
       }},
      {"failover",
       "Failover strategy and mechanism.",
       {
           choice("strategy", strategy_names, "Disaster-recovery strategy.", to_string(d::strategy)),
           nested("edge_proxy", Type::object, "edge_proxy",
                  "The automatic failover mechanism: a CIS global load balancer."),
           optional("standby_warmup", Type::duration, "Time for a scaled-to-zero standby app to serve.",
                    seconds(d::standby_warmup)),
       }},
      {"edge_proxy",
       "IBM Cloud Internet Services global load balancer in front of the regions.",
       {
           choice("service", edge_services, "Edge proxy service.", d::edge_service),
           shaped(optional("domain", Type::string, "Custom domain served by the load balancer."), ValueFormat::host),
           optional("proxied", Type::boolean, "Proxied load balancer; false means failover also waits for the DNS TTL.",
                    yes_no(d::proxied)),
           optional("ttl", Type::duration, "DNS TTL of a DNS-only load balancer.", seconds(d::ttl)),
           optional("sla", Type::percent, "Availability of the edge proxy itself, percent.",
                    fmt::format("{}", d::edge_sla)),
           choice("plan", cis_plans, "CIS plan, whose limits apply."),
           shaped(optional("tls_secret", Type::string, "TLS secret each region's domain mapping uses."),
                  ValueFormat::dns_name),
           shaped(optional("target", Type::string, "The app the domain maps to; only it is behind the proxy.",
                           "the first app"),
                  ValueFormat::name),
           shaped(optional("fallback", Type::string,
                           "Region of the CIS fallback pool, which takes traffic when every other pool is unhealthy, "
                           "whatever its own health (and under random steering even when they are healthy)."),
                  ValueFormat::region),
           choice("steering", steering_names,
                  "How CIS spreads traffic: failover sends it to the highest-priority healthy pool.",
                  "random under active-active, else failover"),
           nested("health_check", Type::object, "health_check", "Origin health check."),
       }},
      {"health_check",
       "CIS origin health check.",
       {
           shaped(optional("path", Type::string, "Probed path.", std::string(d::health_path)), ValueFormat::url_path),
           optional("interval", Type::duration, "Time between probes.", seconds(d::health_interval)),
           integer("retries", 0, 1000, "Immediate retries after a timeout.", std::to_string(d::health_retries)),
           optional("timeout", Type::duration, "Probe timeout.", seconds(d::health_timeout)),
       }},
      {"app",
       "A Code Engine application.",
       {
           shaped(required("name", Type::string, "Application name."), ValueFormat::name),
           shaped(required("image", Type::string, "Container image, e.g. icr.io/ns/app:1.0."), ValueFormat::image),
           placement("regions", "Regions the app runs in, or a mapping from region to what differs there."),
           restore("placement"),
           integer("min_scale", 0, max_count, "Minimum number of instances.", std::to_string(d::min_scale)),
           integer("max_scale", 0, max_count, "Maximum number of instances.", "Code Engine's default"),
           integer("port", 1, max_port, "Port the app listens on.", "Code Engine's default"),
           shaped(
               optional("cpu", Type::string, "vCPUs per instance, as ibmcloud ce application create --cpu takes them."),
               ValueFormat::label),
           shaped(optional("memory", Type::string, "Memory per instance, as --memory takes it, e.g. 1G."),
                  ValueFormat::label),
           choice("visibility", visibility_names, "Who can reach the app.", d::visibility),
           shaped(optional("registry_secret", Type::string, "Secret of format registry the image is pulled with."),
                  ValueFormat::dns_name),
           shaped(optional("secrets", Type::string_list, "Secrets the app uses."), ValueFormat::dns_name),
           shaped(optional("configmaps", Type::string_list, "Config maps the app uses."), ValueFormat::dns_name),
           optional("data", Type::string_list, "Data stores the app uses.", "every data store"),
       }},
      {"job",
       "A Code Engine job.",
       {
           shaped(required("name", Type::string, "Job name."), ValueFormat::name),
           shaped(required("image", Type::string, "Container image."), ValueFormat::image),
           placement("regions", "Regions the job is defined in, or a mapping from region to what differs there.",
                     "job_placement"),
           restore("job_placement"),
           nullable(shaped(
               optional("schedule", Type::string, "Cron schedule of its subscription; absent means on demand only."),
               ValueFormat::cron)),
           shaped(
               optional("scheduled_in", Type::string_list, "Regions where the schedule is live.",
                        "the primary under warm-standby, pilot-light and backup-restore, else every region of the job"),
               ValueFormat::region),
           shaped(optional("time_zone", Type::string, "Time zone of the schedule, e.g. Europe/London.",
                           std::string(d::time_zone)),
                  ValueFormat::time_zone),
           optional("idempotent", Type::boolean, "Safe to run twice.", yes_no(d::idempotent)),
           shaped(optional("registry_secret", Type::string, "Secret of format registry the image is pulled with."),
                  ValueFormat::dns_name),
           shaped(optional("secrets", Type::string_list, "Secrets the job uses."), ValueFormat::dns_name),
           shaped(optional("configmaps", Type::string_list, "Config maps the job uses."), ValueFormat::dns_name),
           optional("data", Type::string_list, "Data stores the job uses.", "every data store"),
       }},
      {"secret",
       "A secret of the project.",
       {
           shaped(required("name", Type::string, "Secret name."), ValueFormat::dns_name),
           choice("source", source_names, "Where the secret is re-created from.", to_string(d::source)),
           choice("format", secret_formats, "Format, as ibmcloud ce secret create --format."),
           shaped(optional("source_region", Type::string,
                           "Region of the Secrets Manager instance it is re-created from; lost with that region."),
                  ValueFormat::region),
       }},
      {"configmap",
       "A config map of the project.",
       {
           shaped(required("name", Type::string, "Config map name."), ValueFormat::dns_name),
           choice("source", source_names, "Where the config map is re-created from.", to_string(d::source)),
       }},
      {"data",
       "A stateful service the apps depend on.",
       {
           required("name", Type::string, "Data store name."),
           shaped(required("region", Type::string, "Region the data store lives in."), ValueFormat::region),
           optional("backup_interval", Type::duration, "Time between backups."),
           optional("cross_region_copy", Type::boolean, "Backups are copied to another region.",
                    yes_no(d::cross_region_copy)),
           shaped(optional("backup_in", Type::string, "Region the cross-region backup copy lives in."),
                  ValueFormat::region),
           shaped(optional("replica_in", Type::string, "Region of a live replica that is promoted on failover."),
                  ValueFormat::region),
           optional("restore_time", Type::duration, "Time to restore the store from a backup.",
                    seconds(d::restore_time)),
           optional("promote_time", Type::duration, "Time to promote the replica.", seconds(d::promote_time)),
           shaped(optional("secret", Type::string, "Secret holding the store's connection settings."),
                  ValueFormat::dns_name),
           choice("engine", engine_names, "Database engine, for the limits IBM Cloud Databases puts on replicas."),
       }},
      {"placement",
       "What an app does differently in one region.",
       {
           integer("min_scale", 0, max_count, "Minimum number of instances there.", "the app's"),
           integer("max_scale", 0, max_count, "Maximum number of instances there.", "the app's"),
           optional("image", Type::string, "Image pulled there, e.g. from that region's registry.", "its own image"),
       }},
      {"job_placement",
       "What a job does differently in one region (a job has no scale).",
       {
           optional("image", Type::string, "Image pulled there, e.g. from that region's registry.", "its own image"),
       }},
  };
}

}  // namespace

const std::vector<Object>& objects() {
  static const std::vector<Object> all = make_objects();
  return all;
}

const Object& object(std::string_view name) {
  const auto& all = objects();
  auto it = std::find_if(all.begin(), all.end(), [&](const Object& o) { return o.name == name; });
  if (it == all.end()) {
    throw std::logic_error("no deploy-file object named " + std::string(name));
  }
  return *it;
}

const Field& field(std::string_view object_name, std::string_view field_name) {
  const Object& owner = object(object_name);
  auto it = std::find_if(owner.fields.begin(), owner.fields.end(),
                         [&](const Field& candidate) { return candidate.name == field_name; });
  if (it == owner.fields.end()) {
    throw std::logic_error("no deploy-file field " + std::string(field_name));
  }
  return *it;
}

std::vector<std::string> keys(std::string_view object_name) {
  std::vector<std::string> out;
  for (const Field& field : object(object_name).fields) {
    out.push_back(field.name);
  }
  return out;
}

const std::vector<std::string>& choices(std::string_view object_name, std::string_view field_name) {
  const Field& found = field(object_name, field_name);
  if (found.type != Type::choice) {
    throw std::logic_error("no choice field " + std::string(field_name));
  }
  return found.choices;
}

}  // namespace ceplan::schema
