#include "model/workload_reader.hpp"

#include <fmt/format.h>

namespace ceplan::deploy {
namespace {

using yaml::Node;

std::string regions_of(const Workload& workload) {
  return workload.name.name.empty() ? std::string("'regions'") : fmt::format("'regions' of '{}'", workload.name.name);
}

// `{ a: {}, b: { min_scale: 0, image: ... } }` under `regions` or `restore`.
void read_region_map(FieldReader& read, const Node& node, std::string_view object, std::string_view key,
                     const Workload& owner, std::vector<Ref>& regions, std::vector<RegionOverrides>& overrides) {
  const ValueFormat format = schema::field(object, "regions").format;
  for (std::size_t i = 0; i < node.keys.size(); ++i) {
    const Node& item = node.items[i];
    RegionOverrides local;
    if (!item.is_null() && read.map(item, fmt::format("region '{}' of '{}'", excerpt(node.keys[i]), owner.name.name),
                                    object == "job" ? lists().job_placement_keys : lists().placement_keys)) {
      if (item.find("min_scale") != nullptr) {
        read.integer_setting(item, "placement", "min_scale", local.min_scale.emplace());
      }
      if (item.find("max_scale") != nullptr) {
        read.integer_setting(item, "placement", "max_scale", local.max_scale.emplace());
      }
      if (const Node* image = item.find("image")) {
        if (auto text = read.text_of(*image, "placement", "image"))
          local.image = Ref{std::move(*text), image->mark};
      }
    }
    if (auto region = read.shaped(node.keys[i], node.key_marks[i], fmt::format("a key of '{}'", key), format)) {
      regions.push_back(Ref{std::move(*region), node.key_marks[i]});
      overrides.push_back(std::move(local));
    }
  }
}

// `regions: [a, b]`, or `regions: { a: {}, b: { min_scale: 0, image: ... } }`.
void read_placement(FieldReader& read, const Node& node, std::string_view object, Workload& out) {
  if (node.kind != yaml::Kind::map) {
    out.regions = read.refs(node, "'regions'", schema::field(object, "regions").format);
    out.overrides.resize(out.regions.size());
    if (node.kind == yaml::Kind::sequence && node.items.empty()) {
      read.error(node.mark, fmt::format("{} must list at least one region", regions_of(out)));
    }
    return;
  }
  if (node.keys.empty()) {
    read.error(node.mark, fmt::format("{} must list at least one region", regions_of(out)));
  }
  read_region_map(read, node, object, "regions", out, out.regions, out.overrides);
}

void read_workload(FieldReader& read, const Node& node, const char* what, std::string_view object, Workload& out) {
  out.name = read.name_of(node, what, object);
  out.image = Ref{{}, node.mark};
  if (const Node* value = read.required(node, "image", what)) {
    out.image = Ref{read.text_of(*value, object, "image").value_or(""), value->mark};
  }
  out.regions_location = out.name.location;
  if (const Node* value = node.find("regions")) {
    read_placement(read, *value, object, out);
    out.regions_given = true;
    out.regions_location = value->mark;
  }
  if (const Node* value = node.find("restore"); value != nullptr && !value->is_null()) {
    if (value->kind == yaml::Kind::map) {
      read_region_map(read, *value, object, "restore", out, out.restore_regions, out.restore);
    } else {
      read.error(value->mark, fmt::format("'restore' of '{}' must map region ids to what it is re-created with there, "
                                          "e.g. restore: {{ us-east: {{ image: ... }} }}",
                                          out.name.name));
    }
  }
  if (const Node* value = node.find("secrets")) {
    out.secrets = read.refs_of(*value, object, "secrets");
  }
  if (const Node* value = node.find("configmaps")) {
    out.configmaps = read.refs_of(*value, object, "configmaps");
  }
  out.registry_secret = read.optional_ref(node, "registry_secret", object);
  if (const Node* value = node.find("data")) {
    out.data = read.refs(*value, "'data'");
    out.data_given = true;
  }
}

}  // namespace

std::optional<App> read_app(FieldReader& read, const Node& node) {
  if (!read.map(node, "an app", lists().app_keys)) {
    return std::nullopt;
  }
  App app;
  read_workload(read, node, "an app", "app", app);
  app.min_scale.location = app.name.location;
  read.integer_setting(node, "app", "min_scale", app.min_scale);
  app.max_scale = read.optional_integer(node, "app", "max_scale");
  app.port = read.optional_integer(node, "app", "port");
  app.cpu = read.optional_ref(node, "cpu", "app");
  app.memory = read.optional_ref(node, "memory", "app");
  if (const Node* value = node.find("visibility")) {
    if (auto name = read.choice(*value, "'visibility'", lists().visibility_names)) {
      app.visibility = Ref{std::move(*name), value->mark};
    }
  }
  return app;
}

std::optional<Job> read_job(FieldReader& read, const Node& node) {
  if (!read.map(node, "a job", lists().job_keys)) {
    return std::nullopt;
  }
  Job job;
  read_workload(read, node, "a job", "job", job);
  job.scheduled_in_location = job.name.location;
  if (const Node* value = node.find("schedule"); value != nullptr && !value->is_null()) {
    if (auto cron = read.text_of(*value, "job", "schedule")) {
      job.schedule = Ref{std::move(*cron), value->mark};
    }
  }
  if (const Node* value = node.find("scheduled_in")) {
    job.scheduled_in = read.refs_of(*value, "job", "scheduled_in");
    job.scheduled_in_given = true;
    job.scheduled_in_location = value->mark;
    // An invalid schedule is reported as such; only a missing one makes this a second problem.
    if (const Node* schedule = node.find("schedule"); schedule == nullptr || schedule->is_null()) {
      read.error(value->mark, fmt::format("job '{}' has 'scheduled_in' but no 'schedule'", job.name.name));
    }
  }
  if (const Node* value = node.find("idempotent")) {
    job.idempotent = read.boolean(*value, "'idempotent'").value_or(false);
  }
  job.time_zone = read.optional_ref(node, "time_zone", "job");
  return job;
}

}  // namespace ceplan::deploy
