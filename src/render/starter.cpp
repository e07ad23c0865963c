#include "render/starter.hpp"

#include "render/json_schema.hpp"

#include <fmt/format.h>

#include "model/deploy_schema.hpp"
#include "model/figures.hpp"

namespace ceplan::render {
namespace {

struct StrategyText {
  std::string_view second_role;  // role of the regions after the primary; empty: no roles
  std::string_view rto;
  std::string_view comment;
  bool apps_everywhere;  // apps run in every region (else in the primary only)
};

StrategyText text_for(Strategy strategy) {
  switch (strategy) {
    case Strategy::active_active: return {"", "30m", "every region serves behind the edge proxy", true};
    case Strategy::warm_standby:
      return {"standby", "30m", "apps run in the standby too; the edge proxy fails over to it", true};
    case Strategy::pilot_light:
      return {"standby", "1h", "the standby holds secrets and config maps; `ceplan runbook` creates the apps there",
              false};
    case Strategy::backup_restore:
      return {"recovery", "4h",
              "nothing runs elsewhere; `ceplan runbook` re-creates the project in the recovery region", false};
  }
  return {};
}

// The comment above a key: its description in the deploy-file table, as `ceplan schema` and
// docs/deploy-file-keys.md give it.
std::string about(std::string_view object, std::string_view key) {
  return "# " + schema::field(object, key).description;
}

}  // namespace

std::vector<std::string> starter_regions(const Catalog& catalog) {
  std::vector<std::string> chosen;
  const Region* first = nullptr;
  for (const Region& region : catalog.regions()) {
    if (region.availability != Availability::mzr || region.campus != Campus::multi || !region.backup_endpoint) {
      continue;
    }
    if (first == nullptr) {
      first = &region;
      chosen.push_back(region.id);
    } else if (region.geography != first->geography && region.backup_endpoint != first->backup_endpoint) {
      chosen.push_back(region.id);
      break;
    }
  }
  return chosen;
}

// A template whose comments and defaults come from the deploy-file table.
std::string starter_deploy_file(const Catalog& catalog, Strategy strategy,  // NOLINT(readability-function-size)
                                const std::vector<std::string>& regions, const std::string& project) {
  if (regions.size() < 2) {
    throw usage_error(
        fmt::format("a starter file needs two regions, the primary first (got {}): one region cannot survive a "
                    "regional outage; pass --regions A,B",
                    regions.size()));
  }
  for (const std::string& id : regions) {
    (void)catalog.at(id);
  }
  const StrategyText text = text_for(strategy);
  std::string region_lines;
  for (std::size_t i = 0; i < regions.size(); ++i) {
    const Region& region = catalog.at(regions[i]);
    const std::string role = text.second_role.empty() ? std::string()
                             : i == 0                 ? std::string("primary")
                                                      : std::string(text.second_role);
    region_lines += fmt::format("  # {}, {}\n", region.name, region.geography);
    region_lines += role.empty() ? fmt::format("  - {}\n", regions[i])
                                 : fmt::format("  - {{ id: {}, role: {} }}\n", regions[i], role);
  }
  const std::string only_primary = text.apps_everywhere
                                       ? std::string()
                                       : fmt::format(
                                             "    # the primary only; the runbook re-creates it elsewhere\n"
                                             "    regions: [{}]\n",
                                             regions.front());
  // Hot strategies promote a replica in the second region; cold ones restore a named backup copy.
  const std::string copy = regions.size() < 2     ? std::string("cross_region_copy: true")
                           : text.apps_everywhere ? fmt::format("replica_in: {}", regions[1])
                                                  : fmt::format("backup_in: {}", regions[1]);
  return fmt::format(
      R"(# yaml-language-server: $schema={schema}
# A Code Engine project in several regions, written by `ceplan init`. Check it with
# `ceplan validate deploy.yaml`; plan outages with `ceplan plan deploy.yaml --scenario all`.
# Every key is described in docs/deploy-file.md of the ceplan repository.
version: 1
{about_project}
project: {project}

{about_objectives}
objectives:
  {about_availability}
  availability: 99.95
  {about_rto}
  rto: {rto}
  {about_rpo}
  rpo: 1h

{about_regions} `ceplan regions` lists every region.
regions:
{regions}
failover:
  # {comment}
  strategy: {strategy}
  # IBM Cloud Internet Services global load balancer in front of the regions; proxied, so
  # failover happens at the edge without waiting for DNS.
  edge_proxy:
    service: cis
    domain: {project}.example.com
    proxied: true
    tls_secret: {project}-tls
    health_check: {{ path: /healthz, interval: {interval}, retries: {retries}, timeout: {timeout} }}

apps:
  - name: web
    # icr.io is one registry, active in us-east, and IBM replicates no registry: a region that
    # takes over must pull from a registry that survives (regions: {{ REGION: {{ image: ... }} }}).
    image: icr.io/{project}/web:1.0
    registry_secret: {project}-registry
{only_primary}    # Health checks need a running instance (Code Engine's default scales to zero).
    min_scale: 1
    secrets: [{project}-db]
    configmaps: [{project}-settings]

jobs:
  - name: nightly
    image: icr.io/{project}/nightly:1.0
    registry_secret: {project}-registry
{only_primary}    schedule: "0 2 * * *"
    # Live in one region only, so that the job never runs twice.
    scheduled_in: [{primary}]
    idempotent: false

secrets:
  - {{ name: {project}-tls, source: secrets-manager, format: tls }}
  - {{ name: {project}-db, source: secrets-manager }}
  - {{ name: {project}-registry, source: secrets-manager, format: registry }}

configmaps:
  - {{ name: {project}-settings, source: file }}

# Stateful services the apps depend on: back them up at least as often as the RPO.
data:
  - {{ name: {project}-db, region: {primary}, backup_interval: 1h, {copy}, secret: {project}-db }}
)",
      fmt::arg("schema", deploy_schema_uri), fmt::arg("project", project), fmt::arg("rto", text.rto),
      fmt::arg("regions", region_lines), fmt::arg("strategy", to_string(strategy)), fmt::arg("comment", text.comment),
      fmt::arg("only_primary", only_primary), fmt::arg("primary", regions.front()), fmt::arg("copy", copy),
      fmt::arg("about_project", about("deploy", "project")),
      fmt::arg("about_objectives", about("deploy", "objectives")),
      fmt::arg("about_availability", about("objectives", "availability")),
      fmt::arg("about_rto", about("objectives", "rto")), fmt::arg("about_rpo", about("objectives", "rpo")),
      fmt::arg("about_regions", about("deploy", "regions")),
      fmt::arg("interval", format_duration(defaults::health_interval)), fmt::arg("retries", defaults::health_retries),
      fmt::arg("timeout", format_duration(defaults::health_timeout)));
}

}  // namespace ceplan::render
