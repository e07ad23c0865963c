#pragma once
// The deploy file (docs/deploy-file.md): one Code Engine project deployed to one or more regions, with
// every default applied, and where in the file each thing was written.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/vocabulary.hpp"
#include "support/error.hpp"

namespace ceplan {

/// A name as written in the file, with its place (for references and findings).
struct Ref {
  std::string name;   ///< the name or id
  Location location;  ///< where it is written; for defaults, where its owner is
};

/// A region of the project.
struct ProjectRegion {
  Ref id;                  ///< region id
  Role role = Role::none;  ///< role, none when omitted
  Location role_location;  ///< where the role is written (the entry when omitted)
};

/// A value with its place and whether the file set it (or it is the default).
struct Setting {
  std::int64_t value = 0;  ///< the value (seconds for durations)
  Location location;       ///< where it is written; the owner's place for a default
  bool given = false;      ///< written in the file
};

/// Recovery objectives; each optional, and rules that need a missing one are skipped.
struct Objectives {
  std::optional<double> availability;  ///< percent
  std::optional<std::int64_t> rto;     ///< seconds
  std::optional<std::int64_t> rpo;     ///< seconds
  /// Seconds a person takes to decide on a manual step (data promotion or restore).
  Setting decision_time{defaults::decision_time, {}, false};
  Location availability_location;  ///< where `availability` is
  Location rto_location;           ///< where `rto` is
  Location rpo_location;           ///< where `rpo` is
};

/// CIS health check of the edge proxy (defaults from IBM: cis-glb-setup).
struct HealthCheck {
  std::string path{defaults::health_path};                 ///< probed path
  Setting interval{defaults::health_interval, {}, false};  ///< seconds between probes
  Setting retries{defaults::health_retries, {}, false};    ///< immediate retries on a timeout
  Setting timeout{defaults::health_timeout, {}, false};    ///< seconds before a probe times out
};

/// The automatic failover mechanism (docs/deploy-file.md, `failover.edge_proxy`).
struct EdgeProxy {
  Location location;                            ///< where `edge_proxy` is
  std::string service{defaults::edge_service};  ///< only "cis" is known
  std::string domain;                           ///< custom domain, empty if none
  bool proxied = defaults::proxied;             ///< false: failover waits for the DNS TTL
  Setting ttl{defaults::ttl, {}, false};        ///< DNS TTL, seconds
  double sla = defaults::edge_sla;              ///< availability of the proxy itself, percent
  std::optional<Ref> plan;                      ///< "standard-next" or "enterprise"
  std::optional<Ref> tls_secret;                ///< TLS secret of each region's domain mapping
  std::optional<Ref> target;                    ///< the app the domain maps to (default: the first app)
  std::optional<Ref> fallback;                  ///< region of the CIS fallback pool
  Steering steering = Steering::failover;       ///< steering policy (default from the strategy)
  Location steering_location;                   ///< where `steering` is (the proxy when defaulted)
  HealthCheck health_check;                     ///< probe settings
};

/// `failover`: strategy, edge proxy, standby warm-up.
struct Failover {
  Strategy strategy = defaults::strategy;                       ///< default active-active
  Location strategy_location;                                   ///< where the strategy is written
  std::optional<EdgeProxy> edge_proxy;                          ///< absent: nothing switches traffic
  Setting standby_warmup{defaults::standby_warmup, {}, false};  ///< seconds for a scaled-to-zero app to serve
};

/// What an app or job does differently in one region (`regions: { eu-gb: { min_scale: 0 } }`).
struct RegionOverrides {
  std::optional<Setting> min_scale;  ///< instances kept running there (apps)
  std::optional<Setting> max_scale;  ///< most instances there (apps)
  std::optional<Ref> image;          ///< the image pulled there
};

/// What apps and jobs have in common.
struct Workload {
  Ref name;                                ///< app or job name
  Ref image;                               ///< container image
  std::vector<Ref> regions;                ///< where it is defined (default: by strategy, see the loader)
  std::vector<RegionOverrides> overrides;  ///< per region, parallel to `regions`
  std::vector<Ref> restore_regions;        ///< regions of `restore`: not placements, only how to re-create it
  std::vector<RegionOverrides> restore;    ///< per region of `restore_regions`
  bool regions_given = false;              ///< `regions` written in the file
  Location regions_location;               ///< where `regions` is (the name when defaulted)
  std::vector<Ref> secrets;                ///< referenced secrets
  std::vector<Ref> configmaps;             ///< referenced config maps
  std::optional<Ref> registry_secret;      ///< the registry secret its image is pulled with
  std::vector<Ref> data;                   ///< data stores it uses (default: every store)
  bool data_given = false;                 ///< `data` written in the file

  /// The overrides for `region`: its `regions` entry, else its `restore` entry; nullptr for none.
  [[nodiscard]] const RegionOverrides* overrides_in(std::string_view region) const;
  /// The image pulled in `region`: its override there, else `image`.
  [[nodiscard]] const Ref& image_in(std::string_view region) const;
  /// The image pulled in the region at `position` of `regions`: its override there, else `image`.
  [[nodiscard]] const Ref& image_at(std::size_t position) const;
  /// True if the workload is defined in `region`.
  [[nodiscard]] bool runs_in(std::string_view region) const;
  /// True if it uses the data store named `store`.
  [[nodiscard]] bool uses_data(std::string_view store) const;
};

/// A Code Engine application.
struct App : Workload {
  Setting min_scale{defaults::min_scale, {}, false};  ///< default 0: scale to zero
  std::optional<Setting> max_scale;                   ///< most instances; Code Engine's default when absent
  std::optional<Setting> port;                        ///< the port it listens on
  std::optional<Ref> cpu;                             ///< vCPUs, as `--cpu` takes them
  std::optional<Ref> memory;                          ///< memory, as `--memory` takes it
  std::optional<Ref> visibility;                      ///< public, private or project

  /// min_scale in `region`: its override there, else the app's.
  [[nodiscard]] const Setting& min_scale_in(std::string_view region) const;
  /// max_scale in `region`: its override there, else the app's; empty when neither sets one
  /// (Code Engine's default then applies).
  [[nodiscard]] const std::optional<Setting>& max_scale_in(std::string_view region) const;
};

/// A Code Engine job, possibly with a cron subscription.
struct Job : Workload {
  std::optional<Ref> schedule;             ///< cron expression; absent: on demand only
  std::vector<Ref> scheduled_in;           ///< where the schedule is live (defaults applied)
  bool scheduled_in_given = false;         ///< `scheduled_in` written in the file
  Location scheduled_in_location;          ///< where `scheduled_in` is (the job when defaulted)
  bool idempotent = defaults::idempotent;  ///< safe to run twice
  std::optional<Ref> time_zone;            ///< the schedule's time zone (default UTC)
};

/// A declared secret or config map.
struct Artifact {
  Ref name;                          ///< its name
  Source source = defaults::source;  ///< where it is re-created from
  Location source_location;          ///< where `source` is
  std::string format;                ///< secret format (`secret create --format`), empty if none
  std::optional<Ref> source_region;  ///< secrets: the region of the Secrets Manager instance
};

/// A stateful service the apps depend on.
struct DataStore {
  Ref name;                                                 ///< its name
  Ref region;                                               ///< where it lives
  std::optional<Setting> backup_interval;                   ///< seconds between backups
  bool cross_region_copy = defaults::cross_region_copy;     ///< backups copied to another region
  std::optional<Ref> replica_in;                            ///< region of a live replica, promoted on failover
  std::optional<Ref> backup_in;                             ///< region the backup copy lives in
  Setting restore_time{defaults::restore_time, {}, false};  ///< seconds to restore from a backup
  Setting promote_time{defaults::promote_time, {}, false};  ///< seconds to promote the replica
  std::optional<Ref> secret;                                ///< the secret holding its connection settings
  std::optional<Ref> engine;                                ///< postgresql, mysql, enterprisedb or other

  /// True if a backup leaves the store's region (cross_region_copy, backup_in or replica_in).
  [[nodiscard]] bool has_off_region_copy() const;
};

/// A loaded deploy file with every default applied.
struct Deployment {
  std::string source;                  ///< file name as given
  std::string project;                 ///< Code Engine project name
  std::optional<Ref> resource_group;   ///< resource group the project lives in
  Location root;                       ///< the top-level mapping
  Objectives objectives;               ///< recovery objectives
  std::vector<ProjectRegion> regions;  ///< where the project exists
  Location regions_location;           ///< where `regions` is
  Failover failover;                   ///< failover settings
  std::vector<App> apps;               ///< applications
  Location apps_location;              ///< where `apps` is (the root when absent)
  std::vector<Job> jobs;               ///< jobs
  Location jobs_location;              ///< where `jobs` is (the root when absent)
  std::vector<Artifact> secrets;       ///< declared secrets
  Location secrets_location;           ///< where `secrets` is (the root when absent)
  std::vector<Artifact> configmaps;    ///< declared config maps
  Location configmaps_location;        ///< where `configmaps` is (the root when absent)
  std::vector<DataStore> data;         ///< data stores

  /// The project region with this id (the first, if listed twice), or nullptr; constant time once
  /// index_names() has run, as it has for every loaded deployment.
  [[nodiscard]] const ProjectRegion* region(std::string_view id) const;
  /// Indexes `regions`, `secrets`, `apps`, `jobs` and `data` by name, so that look-ups do not grow with the
  /// file.
  void index_names();
  /// Region ids to their first position in `regions`; filled by index_names().
  std::unordered_map<std::string, std::size_t> region_index;
  /// Secret names to their first position in `secrets`; filled by index_names().
  std::unordered_map<std::string, std::size_t> secret_index;
  /// App names to their first position in `apps`; filled by index_names().
  std::unordered_map<std::string, std::size_t> app_index;
  /// Job names to their first position in `jobs`; filled by index_names().
  std::unordered_map<std::string, std::size_t> job_index;
  /// Data store names to their first position in `data`; filled by index_names().
  std::unordered_map<std::string, std::size_t> store_index;
  /// Secret names to the positions in `data` of the stores connected through them, in file order;
  /// filled by index_names().
  std::unordered_map<std::string, std::vector<std::size_t>> stores_by_secret;
  /// The first app with this name, or nullptr; constant time once index_names() has run.
  [[nodiscard]] const App* app(std::string_view name) const;
  /// The first job with this name, or nullptr; constant time once index_names() has run.
  [[nodiscard]] const Job* job(std::string_view name) const;
  /// The stores `workload`'s `data` list names, in file order, each once (looked up by name;
  /// empty when it lists none, though it then uses every store).
  [[nodiscard]] std::vector<const DataStore*> listed_stores(const Workload& workload) const;
  /// The positions in `data` of the stores whose `secret` is `name`, in file order (from the
  /// index once index_names() has run).
  [[nodiscard]] std::vector<std::size_t> stores_of_secret(std::string_view name) const;
  /// The first region with this role, or nullptr.
  [[nodiscard]] const ProjectRegion* first_with_role(Role role) const;
  /// The TLS secret each region's domain mapping uses: `edge_proxy.tls_secret`, else
  /// "<project>-tls", which a runbook creates from the public CA's certificate.
  [[nodiscard]] std::string tls_secret_name() const;
  /// The app the edge proxy's domain maps to: `target`, else the first app; nullptr without
  /// an edge proxy or apps.
  [[nodiscard]] const App* proxy_target() const;
  /// True if `app` is reached through the edge proxy (its detection, propagation and SLA apply).
  [[nodiscard]] bool behind_proxy(const App& app) const;
  /// True if `region` takes traffic in normal operation: not a standby behind ordered
  /// (failover) steering, which serves only once the primary fails.
  [[nodiscard]] bool serves(std::string_view region) const;
  /// True when `workload` is placed in `region` in normal operation. Under pilot-light and
  /// backup-restore, an entry for a standby or recovery region is a template (the image and scale
  /// to re-create with), never a placement (SPEC §8).
  [[nodiscard]] bool places(const Workload& workload, std::string_view region) const;
  /// True when the project exists in `region` in normal operation, with every declared secret and
  /// config map: not a recovery region, nor a standby under backup-restore (SPEC §8).
  [[nodiscard]] bool holds_project(std::string_view region) const;
  /// The data store with this name, or nullptr.
  [[nodiscard]] const DataStore* data_store(std::string_view name) const;
  /// The first declared secret with this name, or nullptr; constant time once index_names() has run.
  [[nodiscard]] const Artifact* secret(std::string_view name) const;
};

}  // namespace ceplan
