#pragma once
// The deploy file's vocabulary: its enumerations, how the file spells each value, and the value
// of every key it leaves out. The loader, the JSON Schema, `init` and the docs take their
// spellings and defaults from here.

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace ceplan {

/// Disaster-recovery strategy of the project.
enum class Strategy { active_active, warm_standby, pilot_light, backup_restore };
/// What a region does for the project.
enum class Role { none, primary, standby, active, recovery };
/// Where a secret or config map can be re-created from.
enum class Source { secrets_manager, file, manual };
/// How the CIS load balancer spreads traffic over its origin pools.
enum class Steering { failover, geo, dynamic, random };

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
/// Steering policies, indexed by Steering (CIS `off` is ordered failover).
inline constexpr std::array<std::string_view, 4> steering_names{"failover", "geo", "dynamic", "random"};
/// App visibilities, as `ibmcloud ce application create --visibility` takes them.
inline constexpr std::array<std::string_view, 3> visibility_names{"public", "private", "project"};
/// Data store engines whose replicas IBM Cloud Databases documents; `other` for anything else.
inline constexpr std::array<std::string_view, 4> engine_names{"postgresql", "mysql", "enterprisedb", "other"};
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
inline constexpr std::int64_t ttl = 60;                        ///< edge_proxy.ttl (IBM: cis-glb-setup)
inline constexpr double edge_sla = 99.999;            ///< edge_proxy.sla, percent (IBM: cis-ha-dr, CIS's objective)
inline constexpr std::string_view health_path = "/";  ///< health_check.path (IBM: cis-glb-setup)
inline constexpr std::int64_t health_interval = 60;   ///< health_check.interval (IBM: cis-glb-setup)
inline constexpr std::int64_t health_retries = 2;     ///< health_check.retries (IBM: cis-glb-setup)
inline constexpr std::int64_t health_timeout = 5;     ///< health_check.timeout (IBM: cis-glb-setup)
inline constexpr std::int64_t standby_warmup = 30;    ///< failover.standby_warmup
inline constexpr std::int64_t min_scale = 0;          ///< apps[].min_scale (Code Engine's default)
inline constexpr bool idempotent = false;             ///< jobs[].idempotent
inline constexpr bool cross_region_copy = false;      ///< data[].cross_region_copy
inline constexpr std::int64_t restore_time = 3600;    ///< data[].restore_time
/// data[].promote_time: IBM Cloud Databases, "read/write availability occurs after about 10
/// minutes" (databases-for-postgresql howto-read-replica).
inline constexpr std::int64_t promote_time = 600;
/// objectives.decision_time: the incident lead's decision before a manual step on the critical path.
inline constexpr std::int64_t decision_time = 900;
inline constexpr std::string_view visibility = "public";  ///< apps[].visibility (Code Engine's default)
inline constexpr std::string_view time_zone = "UTC";      ///< jobs[].time_zone
/// edge_proxy.steering: ordered failover, except under active-active, where every region serves.
constexpr Steering steering_for(Strategy chosen) {
  return chosen == Strategy::active_active ? Steering::random : Steering::failover;
}
}  // namespace defaults

/// "active-active", "warm-standby", ...
[[nodiscard]] std::string_view to_string(Strategy strategy);
/// The strategy with this name, if there is one.
[[nodiscard]] std::optional<Strategy> parse_strategy(std::string_view name);
/// "primary", "standby", ... ("" for none).
[[nodiscard]] std::string_view to_string(Role role);
/// "secrets-manager", "file", "manual".
[[nodiscard]] std::string_view to_string(Source source);
/// "failover", "geo", "dynamic", "random".
[[nodiscard]] std::string_view to_string(Steering steering);

}  // namespace ceplan
