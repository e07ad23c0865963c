#pragma once
// What a Terraform plan or state says about a Code Engine deployment (docs/terraform.md): the
// IBM provider's resources ceplan understands, each with its address, its region and only the
// attributes ceplan maps. Nothing here holds a secret's data, a literal environment value or a
// value Terraform marks sensitive: the reader never copies them.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/limits.hpp"

namespace ceplan::terraform {

/// Whether Terraform gives a value.
enum class Known {
  absent,     ///< not set, or no such attribute
  value,      ///< known
  unknown,    ///< known only after apply
  sensitive,  ///< marked sensitive: withheld
};

/// An attribute as Terraform knows it.
template <class T>
struct Attr {
  T value{};                    ///< the value, when known
  Known state = Known::absent;  ///< whether it is known

  /// True when the value is known.
  [[nodiscard]] bool known() const { return state == Known::value; }
};

using Text = Attr<std::string>;    ///< a string attribute
using Count = Attr<std::int64_t>;  ///< a whole-number attribute
using Flag = Attr<bool>;           ///< a boolean attribute

/// What every resource has: its address (`module.app["api"].ibm_code_engine_app.this`).
struct Resource {
  std::string address;   ///< the resource instance's address
  std::string region;    ///< resolved region; empty for global resources or when unknown
  bool tainted = false;  ///< marked tainted in state: Terraform will replace it
  std::string project;   ///< the name of its Code Engine project, when known (Code Engine resources)
};

/// `ibm_code_engine_project`, managed or read as a data source.
struct Project : Resource {
  Text name;  ///< the project's name
};

/// `ibm_code_engine_app` or `ibm_code_engine_job`.
struct Workload : Resource {
  bool job = false;                     ///< a job, not an app
  Text name;                            ///< its name
  Text image;                           ///< `image_reference`
  Count min_scale;                      ///< `scale_min_instances` (apps)
  Count max_scale;                      ///< `scale_max_instances` (apps)
  std::vector<std::string> secrets;     ///< secrets referenced by env variables and volume mounts
  std::vector<std::string> configmaps;  ///< config maps referenced likewise
  Text registry_secret;                 ///< `image_secret`
};

/// `ibm_code_engine_secret` or `ibm_code_engine_config_map`.
struct Artifact : Resource {
  bool secret = true;  ///< a secret, not a config map
  Text name;           ///< its name
  Text format;         ///< the provider's `format` (secrets)
};

/// `ibm_code_engine_domain_mapping`.
struct DomainMapping : Resource {
  Text name;        ///< the domain
  Text tls_secret;  ///< `tls_secret`
  Text target;      ///< `component.name`: the app it maps to
};

/// `ibm_cis_healthcheck`.
struct HealthCheck : Resource {
  Text path;       ///< probed path
  Count interval;  ///< seconds between probes
  Count retries;   ///< retries on a timeout
  Count timeout;   ///< seconds before a probe times out
};

/// `ibm_cis_origin_pool`; its region is that of the domain mapping or app its origin points at.
struct Pool : Resource {
  Text name;                           ///< the pool's name
  std::optional<std::size_t> monitor;  ///< its health check, an index into Inventory::health_checks
};

/// `ibm_cis_global_load_balancer`.
struct LoadBalancer : Resource {
  Text name;                       ///< the domain it answers for
  Flag proxied;                    ///< `proxied`
  Count ttl;                       ///< `ttl`
  Text steering;                   ///< `steering_policy` as CIS spells it (`off`, `geo`, ...)
  std::vector<std::size_t> pools;  ///< `default_pool_ids` in priority order: indexes into Inventory::pools
};

/// `ibm_database`, `ibm_cloudant` or `ibm_cos_bucket`.
struct DataStore : Resource {
  std::string type;            ///< the resource type
  Text name;                   ///< its name (a bucket's `bucket_name`)
  Text location;               ///< `location`, or a bucket's `region_location` / `single_site_location`
  Text cross_region_location;  ///< a bucket's `cross_region_location` (`us`, `eu`, `ap`)
};

/// Everything ceplan read from one plan or state.
struct Inventory {
  std::string source;                          ///< file name as given
  bool plan = false;                           ///< a plan (else a state)
  std::vector<Project> projects;               ///< projects, in file order
  std::vector<Workload> workloads;             ///< apps and jobs
  std::vector<Artifact> artifacts;             ///< secrets and config maps
  std::vector<DomainMapping> domain_mappings;  ///< domain mappings
  std::vector<HealthCheck> health_checks;      ///< CIS health checks
  std::vector<Pool> pools;                     ///< CIS origin pools
  std::vector<LoadBalancer> load_balancers;    ///< CIS global load balancers
  std::vector<DataStore> data_stores;          ///< data services

  std::vector<std::string> other_projects;  ///< projects of other names, left out by select_project()

  /// The names of the projects, in file order, each once.
  [[nodiscard]] std::vector<std::string> project_names() const;
  /// The region of every project, then of every app or job (whose project Terraform may not
  /// manage), in file order, each once.
  [[nodiscard]] std::vector<std::string> regions() const;
};

/// How to read a plan.
struct ReadOptions {
  std::string region;         ///< region of resources whose provider takes its region from the environment
  std::string region_option;  ///< how the user gives `region`, for messages ("--region")
  InputLimits limits;         ///< bounds on the input
};

/// More distinct regions than this is not a Code Engine deployment, and is refused: it bounds
/// every per-region loop.
inline constexpr std::size_t max_regions = 100;

/// The `format_version` majors the reader supports.
inline constexpr std::string_view supported_versions = "1.x";

/// Reads the JSON of `terraform show -json` (a saved plan or a state), named `source`. Throws
/// InputError with the JSON path of the problem for malformed or foreign JSON, an unsupported
/// `format_version`, or a Code Engine resource whose region cannot be told.
[[nodiscard]] Inventory read(std::string_view text, const std::string& source, const ReadOptions& options = {});

/// The deploy file's secret format (`secret create --format`) for the provider's `format`
/// (`ssh_auth` is `ssh`, `hmac_auth` is `hmac`), or empty when it has none.
[[nodiscard]] std::string_view deploy_secret_format(std::string_view format);
/// The deploy file's steering for a CIS `steering_policy` (`off` or none is `failover`,
/// `dynamic_latency` is `dynamic`), or empty when it has none.
[[nodiscard]] std::string_view deploy_steering(std::string_view policy);

/// The part of `inventory` that belongs to the project called `name` (empty: the first project's):
/// its projects, the Code Engine resources in them or in no known project, and every CIS resource
/// and data store; `other_projects` names the rest. Throws InputError listing the projects there
/// are when none is called `name`.
[[nodiscard]] Inventory select_project(const Inventory& inventory, const std::string& name);

}  // namespace ceplan::terraform
