#pragma once
// Whether the regions that survive an outage can run what they take over within Code Engine's
// per-project caps (SPEC §9; codeengine limits.md): 128 vCPU, 512 GB of memory and 250 instances
// running at once, counting apps, job runs and builds together.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/deployment.hpp"

namespace ceplan {

/// Code Engine's caps and app defaults (codeengine limits.md, "Project quotas" and "Application
/// defaults and limits").
namespace caps {
inline constexpr double vcpu = 128;                ///< vCPU per project, all instances together
inline constexpr double memory_gb = 512;           ///< GB of memory per project
inline constexpr std::int64_t instances = 250;     ///< active instances per project
inline constexpr std::int64_t projects = 20;       ///< projects per region, soft-deleted ones for 7 days
inline constexpr std::int64_t revisions = 120;     ///< app revisions per project
inline constexpr double app_cpu = 1.0;             ///< an app's vCPU per instance when not set
inline constexpr double app_memory_gb = 4;         ///< an app's memory per instance when not set
inline constexpr std::int64_t app_max_scale = 10;  ///< an app's max scale when not set
}  // namespace caps

/// The most one region's project may have to run at once.
struct RegionLoad {
  std::string region;                  ///< project region
  double vcpu = 0;                     ///< max scale × vCPU per instance, summed over its apps
  double memory_gb = 0;                ///< max scale × memory per instance, summed
  std::int64_t instances = 0;          ///< max scale, summed
  bool takes_over = false;             ///< it runs load of a lost region
  std::string heaviest;                ///< the app that adds the most vCPU there
  double heaviest_vcpu = 0;            ///< how much it adds
  std::vector<std::string> unbounded;  ///< apps with max_scale 0 (no limit but the caps)
  std::vector<std::string> unknown;    ///< apps whose cpu or memory ceplan cannot read

  /// True when a figure is above the project's cap.
  [[nodiscard]] bool over() const;
};

/// vCPUs from `--cpu` text ("0.5", "2", "250m"), or nullopt.
[[nodiscard]] std::optional<double> parse_cpu(std::string_view text);
/// GB from `--memory` text ("4G", "512M", "1.5Gi"), or nullopt.
[[nodiscard]] std::optional<double> parse_memory_gb(std::string_view text);

/// Where a workload no surviving region runs is re-created: a surviving standby or recovery
/// region first, then any other surviving project region; "" when none survives.
[[nodiscard]] std::string takeover_region(const Deployment& deployment, const std::vector<std::string>& lost);

/// The load of each surviving project region that runs an app when the `lost` regions are lost:
/// each app it runs at its max scale there, plus its share of the max scale the app had in the
/// lost regions (split among the regions that serve it), or, where the app is re-created, the
/// larger of the two. Jobs are left out: the file does not say how many instances a run takes.
[[nodiscard]] std::vector<RegionLoad> takeover_load(const Deployment& deployment, const std::vector<std::string>& lost);

}  // namespace ceplan
