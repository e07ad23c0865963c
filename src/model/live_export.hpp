#pragma once
// What IBM's documented Code Engine export says is live in one region (docs/live-drift.md):
// `kubectl get service|configmap|secret|domainmapping|pingsource|jobdefinition|... -o json`, one
// directory per region. Fields are read only where Knative or Kubernetes documents them (a
// Knative Service's image, references and scale annotations; a PingSource's schedule, time zone
// and sink); of the kinds IBM documents without their fields only `metadata.name` is read. A
// Secret's `data` and `stringData` are never read.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "support/error.hpp"
#include "support/limits.hpp"

namespace ceplan::live {

/// An object of the export: its name and where it was read.
struct Object {
  std::string name;  ///< `metadata.name`
  std::string file;  ///< the file it is in
  std::string path;  ///< its JSON path there (`$.items[2]`)

  /// "FILE $.items[2]", for messages.
  [[nodiscard]] std::string origin() const { return file + " " + path; }
};

/// A Knative Service (`serving.knative.dev`): a Code Engine app.
struct App : Object {
  std::string image;                      ///< the first container's image; empty when it names none
  std::optional<std::int64_t> min_scale;  ///< `autoscaling.knative.dev/min-scale` (or `minScale`)
  std::optional<std::int64_t> max_scale;  ///< `autoscaling.knative.dev/max-scale` (or `maxScale`)
  std::vector<std::string> secrets;       ///< secrets its containers read (envFrom, env, volumes)
  std::vector<std::string> configmaps;    ///< config maps likewise
  std::vector<std::string> pull_secrets;  ///< `imagePullSecrets`
  std::optional<std::int64_t> port;       ///< the first container's first `ports[].containerPort`
};

/// A Kubernetes Secret: its name and type, never its data.
struct Secret : Object {
  std::string type;  ///< `type` (`Opaque`, `kubernetes.io/tls`, ...)
};

/// A Knative PingSource (`sources.knative.dev`): a Code Engine cron subscription.
struct Cron : Object {
  std::string schedule;   ///< `spec.schedule`, or Knative's default when it has none: `* * * * *`
  std::string time_zone;  ///< `spec.timezone`
  std::string sink_kind;  ///< `spec.sink.ref.kind`, when it names one
  std::string sink_name;  ///< `spec.sink.ref.name`, when it names one

  /// True when its sink is a Knative Service: an app's subscription, no job's schedule.
  [[nodiscard]] bool fires_app() const { return sink_kind == "Service"; }
};

/// One region's export.
struct RegionExport {
  std::string region;                    ///< the region it was taken in
  std::string directory;                 ///< where it was read from
  std::vector<App> apps;                 ///< Knative Services
  std::vector<Object> jobs;              ///< JobDefinitions (name only)
  std::vector<Secret> secrets;           ///< Secrets
  std::vector<Object> configmaps;        ///< ConfigMaps (name only)
  std::vector<Object> domain_mappings;   ///< DomainMappings (name only: the domain)
  std::vector<Cron> crons;               ///< PingSources
  std::vector<std::string> other_kinds;  ///< kinds present but not mapped (Revision, Build, ...), each once

  /// Indexes apps, jobs, secrets and config maps by name, so that look-ups do not grow with the
  /// export; RegionReader::finish() has run it. Without it, look-ups scan.
  void index_names();
  /// The app of this name, or nullptr.
  [[nodiscard]] const App* app(std::string_view name) const;
  /// The job of this name, or nullptr.
  [[nodiscard]] const Object* job(std::string_view name) const;
  /// True when a secret of this name is live here.
  [[nodiscard]] bool has_secret(std::string_view name) const;
  /// True when a config map of this name is live here.
  [[nodiscard]] bool has_configmap(std::string_view name) const;

private:
  std::unordered_map<std::string, std::size_t> m_index[4];  // apps, jobs, secrets, config maps
};

/// Every region's export, in the order given.
struct Export {
  std::vector<RegionExport> regions;  ///< one per region

  /// The export of `region`, or nullptr.
  [[nodiscard]] const RegionExport* region(std::string_view region) const;
};

/// Reads the files of one region's export (each a `List` or a single object, of any mix of kinds),
/// one at a time, so that only what ceplan maps is kept. An object listed twice (a single-object
/// export beside the whole list) is kept once.
class RegionReader {
public:
  /// Starts the export of `region`, read from `directory`, each file under `limits`.
  RegionReader(std::string region, std::string directory, const InputLimits& limits = {});

  /// Reads one file, `text` named `source`; its problems are kept for finish().
  void add(std::string_view text, const std::string& source);
  /// The region's export. Throws InputError naming the file and JSON path of each problem:
  /// malformed JSON, a document that is not a Kubernetes object, a mapped object without a name.
  [[nodiscard]] RegionExport finish();

private:
  RegionExport m_out;
  InputLimits m_limits;
  std::unordered_set<std::string> m_seen;  // "KIND\nNAME" of the objects read
  std::vector<Diagnostic> m_problems;
};

/// The job a cron subscription fires, among `jobs`: the one its sink names, else the one whose
/// `<job>-cron` name ceplan's runbooks give it; empty when neither names one of `jobs` (or the
/// sink is an app).
[[nodiscard]] std::string cron_job(const Cron& cron, const std::unordered_set<std::string>& jobs);

}  // namespace ceplan::live
