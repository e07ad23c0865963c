#include "model/live_export.hpp"

#include <algorithm>
#include <charconv>
#include <unordered_set>

#include <fmt/format.h>

#include "loader/json_document.hpp"
#include "support/error.hpp"

namespace ceplan::live {
namespace {

// Reads the objects of one document into a region, reporting problems at their JSON path.
class Reader {
public:
  // `seen` holds "KIND\nNAME" of the objects already read, across the region's documents.
  Reader(RegionExport& out, std::unordered_set<std::string>& seen, const std::string& file, DiagnosticSink& sink)
      : m_out(out), m_seen(seen), m_file(file), m_sink(sink) {}

  void document(const json::Value& root) {
    if (root.kind != json::Kind::object || root.find("kind") == nullptr) {
      fail("$", "expected a Kubernetes object or List, the output of `kubectl get KIND -o json`");
      return;
    }
    if (root.find("kind")->string() != "List") {
      object(root, "$");
      return;
    }
    const json::Value* items = root.find("items");
    if (items == nullptr || items->kind != json::Kind::array) {
      fail("$.items", "a List needs an array of items");
      return;
    }
    for (std::size_t i = 0; i < items->items.size(); ++i) object(items->items[i], json::index_path("$.items", i));
  }

private:
  void fail(const std::string& path, std::string_view message) {
    m_sink.error({}, fmt::format("{}: {}", path, message));
  }

  // A string member; absent or null is empty, another type is a problem.
  std::string text(const json::Value& owner, std::string_view key, const std::string& path) {
    const json::Value* value = owner.find(key);
    if (value == nullptr || value->kind == json::Kind::null)
      return {};
    if (value->kind != json::Kind::string) {
      fail(json::member_path(path, key), fmt::format("expected a string, found {}", json::describe(*value)));
      return {};
    }
    return std::string(value->string());
  }

  // The object at `keys` below `owner`, or nullptr when any step is absent or not an object.
  static const json::Value* dig(const json::Value* owner, std::initializer_list<std::string_view> keys) {
    for (std::string_view key : keys) {
      if (owner == nullptr || owner->kind != json::Kind::object)
        return nullptr;
      owner = owner->find(key);
    }
    return owner;
  }

  static std::string name_at(const json::Value* owner, std::initializer_list<std::string_view> keys) {
    const json::Value* value = dig(owner, keys);
    return value == nullptr ? std::string() : std::string(value->string());
  }

  // Appends `name` to `list` unless empty or already there; `seen` holds what `list` holds, so
  // that a Service with thousands of references is still read in linear time.
  static void add_once(std::vector<std::string>& list, std::unordered_set<std::string>& seen, std::string name) {
    if (!name.empty() && seen.insert(name).second)
      list.push_back(std::move(name));
  }

  void object(const json::Value& item, const std::string& path);
  void service(const json::Value& item, App& app, const std::string& path);
  void references(const json::Value& pod, App& app);
  std::optional<std::int64_t> scale(const json::Value* annotations, std::string_view which, const std::string& path);
  void cron(const json::Value& item, Cron& cron, const std::string& path);

  RegionExport& m_out;
  std::unordered_set<std::string>& m_seen;
  const std::string& m_file;
  DiagnosticSink& m_sink;
};

void Reader::object(const json::Value& item, const std::string& path) {
  if (item.kind != json::Kind::object) {
    fail(path, fmt::format("expected an object, found {}", json::describe(item)));
    return;
  }
  const std::string kind = text(item, "kind", path);
  const std::string api = text(item, "apiVersion", path);
  const bool knative_service = kind == "Service" && api.starts_with("serving.knative.dev/");
  const bool core = api == "v1" && (kind == "Secret" || kind == "ConfigMap");
  const bool ping = kind == "PingSource" && api.starts_with("sources.knative.dev/");
  if (!knative_service && !core && !ping && kind != "JobDefinition" && kind != "DomainMapping") {
    if (!kind.empty() && m_seen.insert('\n' + kind).second)
      m_out.other_kinds.push_back(kind);
    return;
  }
  const json::Value* metadata = item.find("metadata");
  const std::string name = metadata == nullptr ? std::string() : text(*metadata, "name", path + ".metadata");
  if (name.empty()) {
    const json::Value* given = metadata == nullptr ? nullptr : metadata->find("name");
    if (given == nullptr || given->kind == json::Kind::string || given->kind == json::Kind::null)
      fail(path, fmt::format("a {} needs metadata.name", kind));
    return;
  }
  if (!m_seen.insert(kind + '\n' + name).second)
    return;
  const Object base{name, m_file, path};
  if (knative_service) {
    App app{base, {}, {}, {}, {}, {}, {}, {}};
    service(item, app, path);
    m_out.apps.push_back(std::move(app));
  } else if (kind == "Secret") {
    // `data` and `stringData` hold the secret's values: only the name and type are read.
    m_out.secrets.push_back(Secret{base, text(item, "type", path)});
  } else if (kind == "ConfigMap") {
    m_out.configmaps.push_back(base);
  } else if (ping) {
    Cron entry{base, {}, {}, {}, {}};
    cron(item, entry, path);
    m_out.crons.push_back(std::move(entry));
  } else {
    (kind == "JobDefinition" ? m_out.jobs : m_out.domain_mappings).push_back(base);
  }
}

// Knative Serving's Service: spec.template holds the revision's metadata (scale annotations)
// and its pod spec (containers, volumes, imagePullSecrets).
void Reader::service(const json::Value& item, App& app, const std::string& path) {
  const json::Value* annotations = dig(&item, {"spec", "template", "metadata", "annotations"});
  const std::string annotations_path = path + ".spec.template.metadata.annotations";
  app.min_scale = scale(annotations, "min", annotations_path);
  app.max_scale = scale(annotations, "max", annotations_path);
  const json::Value* pod = dig(&item, {"spec", "template", "spec"});
  if (pod == nullptr || pod->kind != json::Kind::object)
    return;
  if (const json::Value* containers = pod->find("containers");
      containers != nullptr && containers->kind == json::Kind::array && !containers->items.empty()) {
    const json::Value& first = containers->items.front();
    app.image = name_at(&first, {"image"});
    const json::Value* ports = dig(&first, {"ports"});
    if (ports != nullptr && ports->kind == json::Kind::array && !ports->items.empty()) {
      const json::Value* port = dig(&ports->items.front(), {"containerPort"});
      if (port != nullptr && port->integral && port->integer > 0 && port->integer <= 65535)
        app.port = port->integer;
    }
  }
  references(*pod, app);
}

void Reader::references(const json::Value& pod, App& app) {
  auto each = [](const json::Value* list, auto&& visit) {
    if (list != nullptr && list->kind == json::Kind::array) {
      for (const json::Value& entry : list->items) visit(entry);
    }
  };
  std::unordered_set<std::string> secrets;
  std::unordered_set<std::string> configmaps;
  std::unordered_set<std::string> pulls;
  auto both = [&](const json::Value& entry, std::initializer_list<std::string_view> secret,
                  std::initializer_list<std::string_view> configmap) {
    add_once(app.secrets, secrets, name_at(&entry, secret));
    add_once(app.configmaps, configmaps, name_at(&entry, configmap));
  };
  each(pod.find("containers"), [&](const json::Value& container) {
    each(container.find("envFrom"), [&](const json::Value& source) {
      both(source, {"secretRef", "name"}, {"configMapRef", "name"});
    });
    each(container.find("env"), [&](const json::Value& variable) {
      both(variable, {"valueFrom", "secretKeyRef", "name"}, {"valueFrom", "configMapKeyRef", "name"});
    });
  });
  each(pod.find("volumes"), [&](const json::Value& volume) {
    both(volume, {"secret", "secretName"}, {"configMap", "name"});
  });
  each(pod.find("imagePullSecrets"),
       [&](const json::Value& secret) { add_once(app.pull_secrets, pulls, name_at(&secret, {"name"})); });
}

// Knative's `autoscaling.knative.dev/min-scale`, or the legacy `minScale`: a whole number as a string.
std::optional<std::int64_t> Reader::scale(const json::Value* annotations, std::string_view which,
                                          const std::string& path) {
  if (annotations == nullptr || annotations->kind != json::Kind::object)
    return std::nullopt;
  for (const std::string& key : {fmt::format("autoscaling.knative.dev/{}-scale", which),
                                 fmt::format("autoscaling.knative.dev/{}Scale", which)}) {
    const json::Value* value = annotations->find(key);
    if (value == nullptr)
      continue;
    const std::string_view digits = value->string();
    std::int64_t number = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
    if (digits.empty() || error != std::errc() || end != digits.data() + digits.size() || number < 0) {
      fail(json::member_path(path, key),
           fmt::format("expected a whole number as a string, found {}", value->kind == json::Kind::string
                                                                            ? fmt::format("'{}'", excerpt(digits))
                                                                            : std::string(json::describe(*value))));
      return std::nullopt;
    }
    return number;
  }
  return std::nullopt;
}

// Knative Eventing's PingSource: spec.schedule, spec.timezone and spec.sink.ref.
void Reader::cron(const json::Value& item, Cron& cron, const std::string& path) {
  // Knative's PingSource fires every minute when it has no schedule.
  cron.schedule = "* * * * *";
  const json::Value* spec = item.find("spec");
  if (spec == nullptr || spec->kind != json::Kind::object)
    return;
  if (std::string given = text(*spec, "schedule", path + ".spec"); !given.empty())
    cron.schedule = std::move(given);
  cron.time_zone = text(*spec, "timezone", path + ".spec");
  cron.sink_kind = name_at(spec, {"sink", "ref", "kind"});
  cron.sink_name = name_at(spec, {"sink", "ref", "name"});
}

// The entry of `list` called `name`: through `index` when it covers the list (index_names() has
// run), else by a scan (an export built by hand).
template <class T>
const T* named(const std::vector<T>& list, const std::unordered_map<std::string, std::size_t>& index,
               std::string_view name) {
  if (index.size() == list.size()) {
    const auto it = index.find(std::string(name));
    return it == index.end() ? nullptr : &list[it->second];
  }
  const auto it = std::find_if(list.begin(), list.end(), [&](const T& entry) { return entry.name == name; });
  return it == list.end() ? nullptr : &*it;
}

template <class T>
void index_list(const std::vector<T>& list, std::unordered_map<std::string, std::size_t>& index) {
  index.clear();
  for (std::size_t i = 0; i < list.size(); ++i) index.emplace(list[i].name, i);
}

}  // namespace

void RegionExport::index_names() {
  index_list(apps, m_index[0]);
  index_list(jobs, m_index[1]);
  index_list(secrets, m_index[2]);
  index_list(configmaps, m_index[3]);
}
const App* RegionExport::app(std::string_view name) const {
  return named(apps, m_index[0], name);
}
const Object* RegionExport::job(std::string_view name) const {
  return named(jobs, m_index[1], name);
}
bool RegionExport::has_secret(std::string_view name) const {
  return named(secrets, m_index[2], name) != nullptr;
}
bool RegionExport::has_configmap(std::string_view name) const {
  return named(configmaps, m_index[3], name) != nullptr;
}

const RegionExport* Export::region(std::string_view id) const {
  const auto it = std::find_if(regions.begin(), regions.end(), [&](const RegionExport& r) { return r.region == id; });
  return it == regions.end() ? nullptr : &*it;
}

RegionReader::RegionReader(std::string region, std::string directory, const InputLimits& limits) : m_limits(limits) {
  m_out.region = std::move(region);
  m_out.directory = std::move(directory);
}

void RegionReader::add(std::string_view text, const std::string& source) {
  try {
    const json::Value root = json::parse(text, source, m_limits);
    DiagnosticSink sink(source);
    Reader(m_out, m_seen, source, sink).document(root);
    sink.throw_if_failed();
  } catch (const InputError& error) {
    m_problems.insert(m_problems.end(), error.diagnostics().begin(), error.diagnostics().end());
  }
}

RegionExport RegionReader::finish() {
  if (!m_problems.empty())
    throw InputError(std::move(m_problems));
  m_out.index_names();
  return std::move(m_out);
}

std::string cron_job(const Cron& cron, const std::unordered_set<std::string>& jobs) {
  auto known = [&](std::string_view name) { return jobs.contains(std::string(name)); };
  if (!cron.sink_name.empty())
    return !cron.fires_app() && known(cron.sink_name) ? cron.sink_name : std::string();
  constexpr std::string_view suffix = "-cron";
  const std::string_view name = cron.name;
  if (name.size() > suffix.size() && name.ends_with(suffix) && known(name.substr(0, name.size() - suffix.size())))
    return std::string(name.substr(0, name.size() - suffix.size()));
  return {};
}

}  // namespace ceplan::live
