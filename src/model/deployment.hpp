#pragma once
// The deploy file (SPEC §2): one Code Engine project deployed to one or more regions, with
// every default applied, and where in the file each thing was written.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/error.hpp"

namespace ceplan {

/// A name as written in the file, with its place (for references and findings).
struct Ref {
  std::string name;   ///< the name or id
  Location location;  ///< where it is written; for defaults, where its owner is
};

/// Disaster-recovery strategy of the project.
enum class Strategy { active_active, warm_standby, pilot_light, backup_restore };
/// What a region does for the project.
enum class Role { none, primary, standby, active, recovery };
/// Where a secret or config map can be re-created from.
enum class Source { secrets_manager, file, manual };

// How the deploy file spells each value, in enumerator order (Role::none is never written).
// The loader, the JSON Schema, `init` and the docs all take their spellings from here.

/// Strategy names, indexed by Strategy.
inline constexpr std::array<std::string_view, 4> strategy_names{"active-active", "warm-standby", "pilot-light",
                                                                "backup-restore"};
/// Role names, indexed by Role minus one.
inline constexpr std::array<std::string_view, 4> role_names{"primary", "standby", "active", "recovery"};
/// Source names, indexed by Source.
inline constexpr std::array<std::string_view, 3> source_names{"secrets-manager", "file", "manual"};
/// Secret formats, as `ibmcloud ce secret create --format` takes them.
inline constexpr std::array<std::string_view, 6> secret_formats{"generic",  "basic_auth", "hmac",
                                                                "registry", "ssh",        "tls"};
/// Edge-proxy services ceplan knows.
inline constexpr std::array<std::string_view, 1> edge_services{"cis"};
/// CIS plans whose limits CE206 checks.
inline constexpr std::array<std::string_view, 2> cis_plans{"standard-next", "enterprise"};

/// The value of every optional key the file leaves out (durations in seconds).
namespace defaults {
inline constexpr Strategy strategy = Strategy::active_active;  ///< failover.strategy
inline constexpr Source source = Source::secrets_manager;      ///< secrets[].source, configmaps[].source
inline constexpr std::string_view edge_service = "cis";        ///< edge_proxy.service
inline constexpr bool proxied = true;                          ///< edge_proxy.proxied
inline constexpr std::int64_t ttl = 60;                        ///< edge_proxy.ttl (FACTS §4)
inline constexpr double edge_sla = 99.99;                      ///< edge_proxy.sla, percent
inline constexpr std::string_view health_path = "/";           ///< health_check.path (FACTS §4)
inline constexpr std::int64_t health_interval = 60;            ///< health_check.interval (FACTS §4)
inline constexpr std::int64_t health_retries = 2;              ///< health_check.retries (FACTS §4)
inline constexpr std::int64_t health_timeout = 5;              ///< health_check.timeout (FACTS §4)
inline constexpr std::int64_t standby_warmup = 30;             ///< failover.standby_warmup
inline constexpr std::int64_t min_scale = 0;                   ///< apps[].min_scale (Code Engine's default)
inline constexpr bool idempotent = false;                      ///< jobs[].idempotent
inline constexpr bool cross_region_copy = false;               ///< data[].cross_region_copy
}  // namespace defaults

/// A region of the project.
struct ProjectRegion {
  Ref id;                  ///< region id
  Role role = Role::none;  ///< role, none when omitted
  Location role_location;  ///< where the role is written (the entry when omitted)
};

/// Recovery objectives; each optional, and rules that need a missing one are skipped.
struct Objectives {
  std::optional<double> availability;  ///< percent
  std::optional<std::int64_t> rto;     ///< seconds
  std::optional<std::int64_t> rpo;     ///< seconds
  Location availability_location;      ///< where `availability` is
  Location rto_location;               ///< where `rto` is
  Location rpo_location;               ///< where `rpo` is
};

/// A value with its place and whether the file set it (or it is the default).
struct Setting {
  std::int64_t value = 0;  ///< the value (seconds for durations)
  Location location;       ///< where it is written; the owner's place for a default
  bool given = false;      ///< written in the file
};

/// CIS health check of the edge proxy (defaults from FACTS §4).
struct HealthCheck {
  std::string path{defaults::health_path};                 ///< probed path
  Setting interval{defaults::health_interval, {}, false};  ///< seconds between probes
  Setting retries{defaults::health_retries, {}, false};    ///< immediate retries on a timeout
  Setting timeout{defaults::health_timeout, {}, false};    ///< seconds before a probe times out
};

/// The automatic failover mechanism (SPEC §2, `failover.edge_proxy`).
struct EdgeProxy {
  Location location;                            ///< where `edge_proxy` is
  std::string service{defaults::edge_service};  ///< only "cis" is known
  std::string domain;                           ///< custom domain, empty if none
  bool proxied = defaults::proxied;             ///< false: failover waits for the DNS TTL
  Setting ttl{defaults::ttl, {}, false};        ///< DNS TTL, seconds
  double sla = defaults::edge_sla;              ///< availability of the proxy itself, percent
  std::optional<Ref> plan;                      ///< "standard-next" or "enterprise"
  std::optional<Ref> tls_secret;                ///< TLS secret of each region's domain mapping
  HealthCheck health_check;                     ///< probe settings
};

/// `failover`: strategy, edge proxy, standby warm-up.
struct Failover {
  Strategy strategy = defaults::strategy;                       ///< default active-active
  Location strategy_location;                                   ///< where the strategy is written
  std::optional<EdgeProxy> edge_proxy;                          ///< absent: nothing switches traffic
  Setting standby_warmup{defaults::standby_warmup, {}, false};  ///< seconds for a scaled-to-zero app to serve
};

/// What apps and jobs have in common.
struct Workload {
  Ref name;                     ///< app or job name
  Ref image;                    ///< container image
  std::vector<Ref> regions;     ///< where it is defined (default: every project region)
  bool regions_given = false;   ///< `regions` written in the file
  Location regions_location;    ///< where `regions` is (the name when defaulted)
  std::vector<Ref> secrets;     ///< referenced secrets
  std::vector<Ref> configmaps;  ///< referenced config maps
};

/// A Code Engine application.
struct App : Workload {
  Setting min_scale{defaults::min_scale, {}, false};  ///< default 0: scale to zero
};

/// A Code Engine job, possibly with a cron subscription.
struct Job : Workload {
  std::optional<Ref> schedule;             ///< cron expression; absent: on demand only
  std::vector<Ref> scheduled_in;           ///< where the schedule is live (defaults applied)
  bool scheduled_in_given = false;         ///< `scheduled_in` written in the file
  Location scheduled_in_location;          ///< where `scheduled_in` is (the job when defaulted)
  bool idempotent = defaults::idempotent;  ///< safe to run twice
};

/// A declared secret or config map.
struct Artifact {
  Ref name;                          ///< its name
  Source source = defaults::source;  ///< where it is re-created from
  Location source_location;          ///< where `source` is
  std::string format;                ///< secret format (`secret create --format`), empty if none
};

/// A stateful service the apps depend on.
struct DataStore {
  Ref name;                                              ///< its name
  Ref region;                                            ///< where it lives
  std::optional<Setting> backup_interval;                ///< seconds between backups
  bool cross_region_copy = defaults::cross_region_copy;  ///< backups copied to another region
};

/// A loaded deploy file with every default applied.
struct Deployment {
  std::string source;                  ///< file name as given
  std::string project;                 ///< Code Engine project name
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

  /// The project region with this id, or nullptr.
  [[nodiscard]] const ProjectRegion* region(std::string_view id) const;
  /// The first region with this role, or nullptr.
  [[nodiscard]] const ProjectRegion* first_with_role(Role role) const;
};

/// "active-active", "warm-standby", ...
[[nodiscard]] std::string_view to_string(Strategy strategy);
/// The strategy with this name, if there is one.
[[nodiscard]] std::optional<Strategy> parse_strategy(std::string_view name);
/// "primary", "standby", ... ("" for none).
[[nodiscard]] std::string_view to_string(Role role);
/// "secrets-manager", "file", "manual".
[[nodiscard]] std::string_view to_string(Source source);

}  // namespace ceplan
