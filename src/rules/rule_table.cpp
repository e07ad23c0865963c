// The rule catalogue: ids, names and severities are part of the contract (docs/rules.md).
#include <algorithm>

#include <fmt/format.h>

#include "rules/rule_table.hpp"

#include "support/error.hpp"
#include "support/lists.hpp"
#include "support/spellcheck.hpp"

namespace ceplan {
namespace {

using enum Severity;

const std::vector<RuleInfo> rules{
    {RuleId::ignore_without_reason, "CE001", "ignore-without-reason", warning,
     "a `# ceplan:ignore` comment gives no reason",
     "A suppression outlives the person who wrote it. Without a reason, nobody can later tell an accepted risk "
     "from a silenced mistake, and the next incident review cannot either.",
     "jobs:\n  - { name: nightly, image: icr.io/x/n:1, schedule: '0 2 * * *' }  # ceplan:ignore CE301",
     "add reason=\"...\" saying why the finding does not apply"},
    {RuleId::unused_ignore, "CE002", "unused-ignore", warning,
     "a `# ceplan:ignore` comment suppresses nothing (with --report-unused-ignores)",
     "A suppression left behind after the finding was fixed would silently hide the same finding if it came "
     "back, and misleads readers about what is accepted.",
     "regions: [us-south, eu-de]  # ceplan:ignore CE101 reason=\"old id\"", "remove the comment"},
    {RuleId::unknown_region, "CE101", "unknown-region", error, "a region id is not in the catalog",
     "ceplan can only reason about regions it knows: zones, campus and backup endpoint all come from the "
     "catalog. An unknown id is usually a typo, and a project created there would fail.",
     "regions: [us-soth]", "use a region id that `ceplan regions` lists"},
    {RuleId::not_multizone, "CE102", "not-multizone", error, "a region used is not a multizone region (MZR)",
     "IBM's HA/DR page: every Code Engine region is an MZR of three or more independent zones, and a workload "
     "is re-created in another zone when its zone fails. A single-zone region has no such zonal failover.",
     "regions: [my-szr-1]   # a catalog region with availability: SZR", "deploy to MZR regions only"},
    {RuleId::single_region, "CE103", "single-region", warning,
     "an app or a job is defined in only one region (an error when objectives.rto is set)",
     "IBM's HA/DR page: a regional disaster can take a whole region down, and Code Engine has no automatic "
     "regional failover; only workloads deployed across several MZRs survive it. Under pilot-light and "
     "backup-restore a single region is fine when the project has a standby or recovery region to re-create "
     "the workload in.",
     "apps:\n  - { name: web, image: icr.io/x/web:1, regions: [us-south] }",
     "define it in a second region, or adopt pilot-light/backup-restore with a standby or recovery region"},
    {RuleId::single_geography, "CE104", "single-geography", warning,
     "an app in two or more regions has all of them in one geography",
     "Regions of one geography share political, regulatory and often physical risk (a continental network or "
     "power event). Spreading across geographies is what survives the loss of a whole geography.",
     "regions: [eu-de, eu-gb]", "add a region in another geography"},
    {RuleId::shared_backup_endpoint, "CE105", "shared-backup-endpoint", info,
     "a project of two or more regions backs up to one cross-regional endpoint only",
     "IBM backs up project metadata to one cross-regional endpoint per region (IBM's HA/DR page, table 2). If every "
     "region "
     "of the project uses the same endpoint, an outage of that endpoint leaves no metadata backup at all.",
     "regions: [eu-de, eu-gb]   # both back up to EU", "add a region that backs up to another endpoint"},
    {RuleId::roles, "CE106", "roles", error, "region roles do not fit the failover strategy",
     "Each strategy needs a shape: active-active has only active regions; warm-standby and pilot-light have "
     "exactly one primary and at least one standby; backup-restore has exactly one primary. Without it, "
     "planning cannot tell where traffic and schedules belong.",
     "failover: { strategy: warm-standby }\nregions: [{ id: us-south, role: primary }]",
     "give the regions roles that fit the strategy"},
    {RuleId::region_not_in_project, "CE107", "region-not-in-project", error,
     "an app, job or data store names a region the project does not list",
     "Every region an app, job or data store uses must be one the project exists in; otherwise nothing would "
     "create the project there and the workload could not be deployed.",
     "regions: [us-south]\napps:\n  - { name: web, image: icr.io/x/web:1, regions: [us-south, eu-de] }",
     "add the region to the project's regions, or remove it from the workload"},
    {RuleId::duplicate_name, "CE108", "duplicate-name", error,
     "two apps, two jobs, two secrets, two config maps or two regions share a name",
     "Code Engine names are unique per project: the second definition would replace or collide with the first.",
     "apps:\n  - { name: web, image: icr.io/x/a:1 }\n  - { name: web, image: icr.io/x/b:1 }",
     "rename or remove one of them"},
    {RuleId::single_campus_region, "CE109", "single-campus-region", info, "a region used is a single-campus MZR",
     "IBM's locations page: a single-campus MZR is considered an MZR with the same SLA, but its zones may share "
     "power, cooling, networking and physical security, so one site event can take every zone.",
     "regions: [jp-osa]", "pair it with a multi-campus region, or accept the shared-site risk"},
    {RuleId::quota_exceeded, "CE110", "quota-exceeded", error, "the project exceeds a Code Engine per-project limit",
     "Code Engine limits each project to 40 apps, 100 jobs, 100 secrets, 100 config maps and 100 cron "
     "subscriptions, an app's min scale to 250, and the active instances of all apps and jobs together to 250. "
     "A restore that hits a limit stops half-way.",
     "apps: [... 41 apps ...]", "split the workload across projects, or stay within the limit"},
    {RuleId::duplicate_region, "CE111", "duplicate-region", error, "an app or a job lists the same region twice",
     "A region listed twice is one region: counting it twice overstates availability and hides that the "
     "workload has one region fewer than it seems.",
     "apps:\n  - { name: web, image: icr.io/x/web:1, regions: [us-south, us-south] }", "list each region once"},
    {RuleId::takeover_capacity, "CE112", "takeover-capacity", warning,
     "a region that takes over cannot run the load at max scale within Code Engine's per-project caps",
     "Code Engine caps what a project runs at once at 128 vCPU, 512 GB of memory and 250 instances, apps, job "
     "runs and builds together (IBM's limits page; an app without cpu, memory or max_scale gets 1 vCPU, 4 GB "
     "and 10). When a region is lost, the regions that take over run their own apps and the lost region's: "
     "ceplan adds each app's max scale there to its share of the lost one's, times its cpu and memory. Above a "
     "cap, the project stops scaling just when it needs to.",
     "apps:\n  - { name: web, image: icr.io/x/web:1, regions: [us-south, eu-de], max_scale: 100 }",
     "lower max_scale or the cpu and memory per instance, spread the load over more regions, or ask IBM to "
     "raise the project's quota"},
    {RuleId::no_edge_proxy, "CE201", "no-edge-proxy", error,
     "an app runs in two or more regions and failover.edge_proxy is missing",
     "IBM's HA/DR page: surviving a regional disaster needs the workload in several MZRs *and* an automatic "
     "failover mechanism through an edge proxy such as IBM Cloud Internet Services. Without one, nothing "
     "moves traffic when a region fails.",
     "apps:\n  - { name: web, image: icr.io/x/web:1, regions: [us-south, eu-de] }   # no failover.edge_proxy",
     "add failover.edge_proxy (a CIS global load balancer with a health check)"},
    {RuleId::failover_exceeds_rto, "CE202", "failover-exceeds-rto", error,
     "the estimated worst-case failover time exceeds objectives.rto (active-active, warm-standby)",
     "Worst-case failover = health-check detection (interval + (retries + 1) × timeout) + DNS propagation "
     "(0 when proxied, else the TTL) + standby warm-up (when the app scales to zero) + the data term (promote "
     "or restore time of the stores it uses in the lost region) + a human decision before that manual data "
     "step (objectives.decision_time, 15m by default). If that exceeds the RTO, the objective cannot be met "
     "even when everything works. The finding's fix names the term that dominates.",
     "objectives: { rto: 30s }\nfailover: { edge_proxy: { health_check: { interval: 60s } } }",
     "shorten the health-check interval or timeout, proxy the load balancer, or set min_scale: 1"},
    {RuleId::scale_to_zero_behind_proxy, "CE203", "scale-to-zero-behind-proxy", warning,
     "an app behind the edge proxy has min_scale: 0",
     "IBM's multi-region procedure deploys each app with min scale 1 so that CIS health checks probe a "
     "running instance; a scaled-to-zero standby also adds its warm-up to every failover.",
     "apps:\n  - { name: web, image: icr.io/x/web:1, regions: [us-south, eu-de] }   # min_scale defaults to 0",
     "set min_scale: 1"},
    {RuleId::availability_below_target, "CE204", "availability-below-target", error,
     "the composite availability of an app is below objectives.availability",
     "Composite availability = A(edge proxy) × (1 − Π(1 − A(region))), assuming independent regional "
     "failures; a single-region app has A(region). Below the target, the design cannot meet the objective.",
     "objectives: { availability: 99.999 }\napps:\n  - { name: web, image: icr.io/x/web:1, regions: [us-south] }",
     "add regions, or use an edge proxy with a higher SLA"},
    {RuleId::rto_below_strategy, "CE205", "rto-below-strategy", error,
     "objectives.rto is tighter than the strategy can credibly meet",
     "Pilot-light re-creates apps on failover (tens of minutes), backup-restore re-creates the whole project "
     "(hours): bands from the AWS disaster-recovery strategies. An RTO below 10m (pilot-light) or 1h "
     "(backup-restore) is not credible.",
     "objectives: { rto: 5m }\nfailover: { strategy: pilot-light }", "relax the RTO or choose a warmer strategy"},
    {RuleId::edge_proxy_limits, "CE206", "edge-proxy-limits", error,
     "health check or TTL outside what CIS accepts, or below the plan's minimum",
     "CIS accepts health-check intervals of 5-3600 s, timeouts of 1-10 s, 1-3 retries and, for DNS-only load "
     "balancers, TTLs of 30 s-10 min; the Standard Next plan needs an interval and TTL of at least 60 s. A "
     "value outside these is rejected or silently clamped, so the failover estimate would be wrong. IBM's "
     "pages disagree on the TTL floor: ceplan follows the 30 s of cis glb-proxy-modes, not the 10 s the plan "
     "comparison gives Enterprise nor the 120 s of the Terraform provider's documentation.",
     "health_check: { interval: 2s }", "use a value CIS accepts on your plan"},
    {RuleId::missing_tls_secret, "CE207", "missing-tls-secret", warning,
     "an edge proxy with a custom domain but no tls_secret",
     "IBM's multi-region procedure creates a TLS secret in every project and a domain mapping per region for "
     "the custom domain; the domain mapping needs that secret.",
     "edge_proxy: { domain: shop.example.com }", "add tls_secret naming a secret with format: tls"},
    {RuleId::fallback_and_steering, "CE208", "fallback-and-steering", warning,
     "the CIS fallback pool or the steering sends traffic where the strategy does not want it",
     "CIS sends traffic to the fallback pool when every other pool is unhealthy, whatever its own health, and "
     "under random steering even while the others are healthy (cis glb-traffic-steering, glb-origin-pools). "
     "A fallback in the region failover steering leaves first receives traffic when that region is lost and "
     "the region that took over falters; under random steering a standby serves all the time.",
     "failover:\n  strategy: warm-standby\n  edge_proxy: { steering: random, fallback: us-south }",
     "use failover steering, and make the region that takes over the fallback pool"},
    {RuleId::duplicate_job_runs, "CE301", "duplicate-job-runs", error,
     "a job's schedule is live in more than one region and the job is not idempotent",
     "IBM's HA/DR page: Code Engine does not restore workloads so that jobs are not duplicated. A cron "
     "subscription live in two regions runs a non-idempotent job twice.",
     "jobs:\n  - { name: report, image: icr.io/x/r:1, schedule: \"0 2 * * *\", scheduled_in: [us-south, eu-de] }",
     "keep the schedule live in one region, or make the job idempotent"},
    {RuleId::dangling_reference, "CE302", "dangling-reference", error,
     "an app, job or edge proxy names a secret or config map that is not declared",
     "A restore re-creates what the file declares; an undeclared secret or config map is not re-created and "
     "the app or job that needs it fails to start.",
     "apps:\n  - { name: web, image: icr.io/x/web:1, secrets: [db-creds] }   # no secret db-creds",
     "declare it under secrets or configmaps, or fix the name"},
    {RuleId::unrecoverable_secret, "CE303", "unrecoverable-secret", warning, "a referenced secret has source: manual",
     "A manually created secret has no source to restore it from; at 3 a.m. somebody must find its value.",
     "secrets:\n  - { name: db-creds, source: manual }", "keep it in Secrets Manager or a file under version control"},
    {RuleId::rpo_exceeded, "CE304", "rpo-exceeded", error, "a data store's backup_interval exceeds objectives.rpo",
     "Data lost in a disaster is up to one backup interval; an interval longer than the RPO cannot meet it.",
     "objectives: { rpo: 15m }\ndata:\n  - { name: db, region: us-south, backup_interval: 1h }",
     "back up at least as often as the RPO"},
    {RuleId::data_single_region, "CE305", "data-single-region", warning,
     "a data store has no cross_region_copy while the project's apps span regions",
     "Code Engine is compute only; data is the customer's (IBM: codeengine-responsibilities-ce). Apps that fail over "
     "to another region "
     "find no data there unless its backups are copied across regions.",
     "data:\n  - { name: db, region: us-south }", "set cross_region_copy: true and copy backups to another region"},
    {RuleId::registry_single_region, "CE306", "registry-single-region", warning,
     "a region that takes over an app or job pulls its image from the registry of a region it replaces",
     "IBM does not replicate images between Container Registry instances, and the global icr.io is one more "
     "instance, active in us-east. A standby or recovery region that pulls from the lost region's registry "
     "cannot start or scale the workload when that region is gone.",
     "regions: [us-east, eu-gb]\napps:\n  - { name: web, image: icr.io/x/web:1 }   # icr.io lives in us-east",
     "copy the image to a registry in each region that takes over and name the copy there: regions: { REGION: { "
     "image: ... } } where it runs, restore: { REGION: { image: ... } } where it is re-created"},
    {RuleId::missing_registry_secret, "CE307", "missing-registry-secret", warning,
     "an app or job pulls from IBM Cloud Container Registry without registry_secret",
     "Private ICR images need registry access in every project: a secret of format registry, passed as "
     "--registry-secret. A re-created project has none until the runbook creates it. IBM's public samples "
     "(icr.io/codeengine/) are exempt.",
     "apps:\n  - { name: web, image: us.icr.io/shop/web:1 }   # no registry_secret",
     "declare a secret with format: registry and set registry_secret"},
    {RuleId::wrong_secret_format, "CE308", "wrong-secret-format", error,
     "tls_secret or registry_secret names a secret of another format",
     "A domain mapping takes only a TLS secret and an image pull only a registry secret; a generic secret "
     "makes the cut-over or the pull fail when it is needed most.",
     "edge_proxy: { tls_secret: shop-tls }\nsecrets:\n  - { name: shop-tls }   # format defaults to generic",
     "set format: tls (or registry) on the secret, or name the right one"},
    {RuleId::backup_location_unknown, "CE309", "backup-location-unknown", warning,
     "a project that spans geographies has a data store copied to an unnamed region",
     "cross_region_copy: true says the backup left the store's region, not where it went: it may sit in the "
     "same geography and be lost with it. Naming backup_in (or replica_in) lets plans prove it survives.",
     "regions: [us-south, eu-gb]\ndata:\n  - { name: db, region: us-south, cross_region_copy: true }",
     "name the region of the copy with backup_in or replica_in"},
    {RuleId::no_off_region_backup, "CE310", "no-off-region-backup", error,
     "a pilot-light or backup-restore project has a data store with no copy outside its region",
     "Cold strategies re-create the project elsewhere from backups; a store whose backups never leave its "
     "region cannot be restored there, so the recovery the strategy promises cannot happen.",
     "failover: { strategy: backup-restore }\ndata:\n  - { name: db, region: us-south }",
     "copy backups to another region (backup_in) or keep a replica there (replica_in)"},
    {RuleId::replica_in_own_region, "CE311", "replica-in-own-region", warning,
     "a data store's replica_in is the store's own region",
     "A replica promotes on failover only if it survives the region it replicates; one in the store's own "
     "region is lost with it, so plans find no replica to promote and fall back to backups.",
     "data:\n  - { name: db, region: us-south, replica_in: us-south }",
     "keep the replica in another region, or remove replica_in"},
    {RuleId::store_without_secret, "CE312", "store-without-secret", warning,
     "a data store the apps or jobs use names no secret",
     "After a replica is promoted or a backup restored, the apps must read the new connection settings: "
     "plans and runbooks update the store's secret and restart its readers. Without a secret, no step can "
     "repoint them, and they keep writing to the copy that was lost.",
     "data:\n  - { name: db, region: us-south, replica_in: eu-de }   # no secret",
     "name the secret that holds its connection settings (data[].secret) and reference it from the apps"},
    {RuleId::registry_secret_servers, "CE313", "registry-secret-servers", warning,
     "one registry secret serves images on several registry servers",
     "A registry secret logs in to one server (secret create --server; without it Code Engine uses us.icr.io). "
     "Each region's project holds its own copy, which may log in to that region's registry, but within one "
     "region the workloads that pull with it must use one server. Any other fails to pull, which shows only "
     "when it restarts, scales or is re-created, during an outage.",
     "apps:\n  - { name: a, image: us.icr.io/x/a:1, registry_secret: pull }\n"
     "  - { name: b, image: de.icr.io/x/b:1, registry_secret: pull }",
     "declare one registry secret per registry server and name the right one in each workload"},
    {RuleId::schedule_where_undefined, "CE314", "schedule-where-undefined", error,
     "a job's scheduled_in names a region where the job is not defined",
     "A cron subscription fires the job of its own project: where the job is not defined, it fires nothing, "
     "or a stale definition left from before, and plans cannot move a schedule there.",
     "jobs:\n  - { name: j, image: icr.io/x/j:1, regions: [us-south], scheduled_in: [eu-de] }",
     "define the job in that region too, or schedule it where it is defined"},
    {RuleId::replica_across_eu_boundary, "CE315", "replica-across-eu-boundary", error,
     "a MySQL data store's replica_in crosses the EU Cloud boundary of eu-de",
     "IBM Cloud Databases for MySQL cannot place a read replica across the boundary of the EU Cloud region "
     "eu-de, in or out (databases-for-mysql read replicas). The replica the plans promote would not exist.",
     "data:\n  - { name: db, engine: mysql, region: us-south, replica_in: eu-de }",
     "keep the replica on the same side of the EU Cloud boundary, or copy backups across it instead"},
    // CE4xx compare the deploy file with Terraform (validate --terraform PLAN.json, docs/terraform.md).
    {RuleId::terraform_region, "CE401", "terraform-region", error,
     "Terraform has a Code Engine project in a region the deploy file does not list",
     "Plans and runbooks cover only the regions the file lists: a project Terraform runs elsewhere is left out "
     "of every outage scenario and every restore, and its failure goes unplanned.",
     "regions: [us-south]   # Terraform also creates ibm_code_engine_project.eu in eu-de",
     "add the region to regions, or remove the project from Terraform"},
    {RuleId::terraform_placement, "CE402", "terraform-placement", error,
     "an app or job is in a region in the deploy file and not in Terraform, or the other way round",
     "The plan's statuses and the runbook's steps follow the file. If Terraform runs the workload elsewhere, "
     "the plan promises a standby that does not exist, or misses one that does.",
     "apps:\n  - { name: web, image: icr.io/x/web:1, regions: [us-south, eu-de] }   # Terraform: us-south only",
     "make the regions of the app or job match Terraform's, or change Terraform"},
    {RuleId::terraform_image, "CE403", "terraform-image", error,
     "an app or job pulls a different image in a region than Terraform deploys",
     "A runbook re-creates the workload from the file's image: restoring a different build than the one "
     "running, or from a registry Terraform does not use, turns a failover into a rollback.",
     "apps:\n  - { name: web, image: icr.io/x/web:1 }   # Terraform: icr.io/x/web:2",
     "set the image (or the region's image override) to what Terraform deploys"},
    {RuleId::terraform_scale, "CE404", "terraform-scale", warning,
     "an app's min_scale or max_scale in a region differs from Terraform's",
     "Failover time and cost follow min_scale: a standby the file says runs warm but Terraform scales to zero "
     "needs a cold start the plan does not count, and max_scale bounds what a surviving region can absorb.",
     "apps:\n  - { name: web, image: icr.io/x/web:1, min_scale: 1 }   # Terraform: scale_min_instances = 0",
     "set min_scale or max_scale (or the region's override) to Terraform's"},
    {RuleId::terraform_health_check, "CE405", "terraform-health-check", warning,
     "the edge proxy's health check differs from Terraform's CIS health check",
     "Detection time is interval + (retries + 1) × timeout, as plans compute it: the failover time the plan "
     "promises comes from the file, not from the check CIS actually runs.",
     "edge_proxy: { health_check: { interval: 30s } }   # Terraform: interval = 60",
     "copy the path, interval, retries and timeout from the ibm_cis_healthcheck"},
    {RuleId::terraform_ttl, "CE406", "terraform-ttl", warning,
     "the edge proxy's TTL differs from the load balancer's in Terraform",
     "Without the proxy, clients keep resolving the failed region until the TTL expires: a longer TTL in "
     "Terraform means a longer outage than the plan says.",
     "edge_proxy: { ttl: 60s }   # Terraform: ttl = 300", "set ttl to the ibm_cis_global_load_balancer's"},
    {RuleId::terraform_proxied, "CE407", "terraform-proxied", error,
     "the edge proxy's proxied setting differs from the load balancer's in Terraform",
     "A proxied load balancer fails over at the edge within seconds; a DNS-only one waits for resolvers to "
     "honour the TTL. The plan's failover time is wrong by minutes when the file says the other.",
     "edge_proxy: { proxied: true }   # Terraform: proxied = false (the provider's default)",
     "set proxied to the ibm_cis_global_load_balancer's"},
    {RuleId::terraform_secret, "CE408", "terraform-secret", error,
     "an app or job in Terraform references a secret the deploy file does not declare",
     "A runbook re-creates only the secrets the file declares; a workload restored without one it reads "
     "fails to start, in the region that was supposed to save the day.",
     "secrets: []   # Terraform: run_env_variables { type = \"secret_full_reference\", reference = \"db\" }",
     "declare the secret under secrets, with its source"},
    {RuleId::terraform_project, "CE409", "terraform-project", warning,
     "the Terraform plan or state has no project of the deploy file's name",
     "Drift is compared within the file's project only. A plan of other projects (a wrong file, a renamed "
     "project, another workspace) compares nothing, and a silent pass would read as \"no drift\".",
     "project: shop   # Terraform: ibm_code_engine_project.main { name = \"shop-prod\" }",
     "compare with the plan of this project, or correct the project's name"},
    // CE5xx compare the deploy file with the live system (validate --live DIR, docs/live-drift.md).
    {RuleId::live_missing, "CE501", "live-missing", error,
     "an app or job the deploy file places in a region is not live there",
     "The file is what failover, capacity and availability figures are computed from. A workload it places in "
     "a region that does not run it there leaves that region unable to take over: the outage finds out first.",
     "apps:\n  - { name: web, image: icr.io/x/web:1, regions: [us-south, eu-de] }   # export of eu-de: no Service "
     "web",
     "deploy it there (the runbook's create step), or remove the region from its entry"},
    {RuleId::live_unexpected, "CE502", "live-unexpected", warning,
     "an app or job is live in a region where the deploy file does not place it, or in a region it does not list",
     "A workload running outside the file's placement is invisible to every plan: it is neither failed over nor "
     "fenced, and a pilot-light standby that already runs its apps is a warm standby nobody accounted for.",
     "failover: { strategy: pilot-light }   # export of the standby: Service web",
     "add it to the deploy file where it belongs, or delete it from that region"},
    {RuleId::live_image, "CE503", "live-image", error,
     "a live app pulls another image than the deploy file gives for its region",
     "A failover or restore re-creates the app from the file's image: a region running another one changes "
     "version in the middle of an outage, or was never updated and takes over with stale code.",
     "apps:\n  - { name: web, image: icr.io/x/web:2 }   # live: icr.io/x/web:1",
     "roll the region to the file's image, or update the file"},
    {RuleId::live_scale, "CE504", "live-scale", warning,
     "a live app's min-scale or max-scale annotation differs from the deploy file's",
     "Failover time and takeover capacity are computed from the file's scale: a standby live at min-scale 0 "
     "cold-starts where the file promised warm instances, and a lower max-scale cannot carry the lost region's "
     "load. Knative reads the autoscaling.knative.dev/min-scale and max-scale annotations.",
     "apps:\n  - { name: web, image: icr.io/x/web:1, min_scale: 2 }   # live: min-scale \"0\"",
     "ibmcloud ce application update --name APP --min-scale N --max-scale M, or update the file"},
    {RuleId::live_missing_artifact, "CE505", "live-missing-artifact", error,
     "a declared secret or config map is not live in a region that holds the project",
     "Every region that holds the project in normal operation (a pilot-light standby included) must already "
     "hold the secrets and config maps its apps are created with: a runbook creating an app there fails at "
     "the step that was supposed to restore service.",
     "failover: { strategy: pilot-light }\nsecrets:\n  - { name: db-creds }   # export of the standby: no Secret "
     "db-creds",
     "create it in that region from its source, or remove it from the file"},
    {RuleId::live_schedule, "CE506", "live-schedule", warning,
     "a job's cron subscription is live outside scheduled_in, missing from one of its regions, or runs on "
     "another schedule or time zone",
     "The schedule's regions decide where a batch runs during normal operation and what a failover moves. A "
     "subscription the file does not know keeps firing in a region that was supposed to be quiet, and one that "
     "is missing means the batch does not run at all.",
     "jobs:\n  - { name: nightly, image: icr.io/x/n:1, schedule: '0 2 * * *', scheduled_in: [us-south] }"
     "   # live: nightly-cron in eu-de",
     "delete or create the subscription so it is live exactly in scheduled_in, on the file's schedule"},
    {RuleId::live_duplicate_cron, "CE507", "live-duplicate-cron", error,
     "a job that is not idempotent has its cron subscription live in two or more regions",
     "Each region's subscription starts its own job run: a job that is not safe to run twice (payments, "
     "e-mails, exports) runs twice on every tick.",
     "jobs:\n  - { name: billing, image: icr.io/x/b:1, schedule: '0 2 * * *' }   # live: billing-cron in us-south "
     "and eu-de",
     "in every region but one: ibmcloud ce subscription cron delete --name NAME --force"},
    {RuleId::live_unmatched_cron, "CE508", "live-unmatched-cron", info,
     "a live cron subscription fires no job the deploy file names",
     "IBM does not document how a PingSource names its Code Engine job. ceplan matches a subscription to its "
     "job by the sink the PingSource names, else by the name JOB-cron its runbooks give; one that matches "
     "neither is a schedule no plan accounts for.",
     "jobs: []   # live: PingSource report-weekly with no sink naming a job",
     "add its job to the deploy file, or delete the subscription"},
    {RuleId::live_registry_server, "CE509", "live-registry-server", warning,
     "a live app pulls without the deploy file's registry secret, or from another server than that secret's",
     "A registry secret logs in to one server; ceplan reads no secret's data, so the server is the one the "
     "file's images pulled with it in that region imply. A live app on another image host, or without the "
     "secret, is not what a runbook re-creates, and a re-created app with the file's secret may not pull.",
     "apps:\n  - { name: web, image: de.icr.io/x/web:1, registry_secret: pull }   # live: us.icr.io/x/web:1 with "
     "pull",
     "point the app at the right image and registry secret, or update the file"},
    {RuleId::live_domain_mapping, "CE510", "live-domain-mapping", error,
     "the edge proxy's domain has no domain mapping in a region that serves it",
     "The global load balancer sends the custom domain to each region's app through that region's domain "
     "mapping; without it the region answers the domain with an error, and a failover to it fails.",
     "failover: { edge_proxy: { domain: shop.example.com } }   # export of eu-de: no DomainMapping",
     "create it there: ibmcloud ce domainmapping create --domain-name DOMAIN --target APP --tls-secret SECRET"},
    {RuleId::live_not_exported, "CE511", "live-not-exported", warning,
     "a region that holds the project has no export among those given",
     "A check that leaves a region out passes for it whatever runs there: a failed export step in a nightly job "
     "would read as a standby with no drift.",
     "regions: [us-south, eu-de]   # validate --live export, with only export/us-south",
     "export every region the project lives in, one directory each"},
};

}  // namespace

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "info";
  }
  return "";
}

std::vector<std::string> severity_names(std::string_view extra) {
  std::vector<std::string> out;
  for (Severity severity : {Severity::error, Severity::warning, Severity::info}) out.emplace_back(to_string(severity));
  if (!extra.empty())
    out.emplace_back(extra);
  return out;
}

std::optional<Severity> parse_severity(std::string_view text) {
  for (Severity severity : {Severity::error, Severity::warning, Severity::info}) {
    if (to_string(severity) == text) {
      return severity;
    }
  }
  return std::nullopt;
}

bool compares_terraform(const RuleInfo& info) {
  return info.id.substr(0, 3) == "CE4";
}

bool compares_live(const RuleInfo& info) {
  return info.id.substr(0, 3) == "CE5";
}

// SPEC §8: unknown or duplicate regions and names, dangling references, wrong secret formats,
// roles that do not fit the strategy and a job live twice make steps contradict each other; an
// unmet objective or a missing safeguard does not.
bool blocks_procedures(const RuleInfo& info) {
  switch (info.handle) {
    case RuleId::unknown_region:
    case RuleId::roles:
    case RuleId::region_not_in_project:
    case RuleId::duplicate_name:
    case RuleId::duplicate_region:
    case RuleId::duplicate_job_runs:
    case RuleId::dangling_reference:
    case RuleId::wrong_secret_format: return true;
    default: return false;
  }
}

const std::vector<RuleInfo>& all_rules() {
  return rules;
}

const RuleInfo& rule(RuleId handle) {
  return rules[static_cast<std::size_t>(handle)];
}

const RuleInfo* find_rule(std::string_view id_or_name) {
  auto it = std::find_if(rules.begin(), rules.end(), [&](const RuleInfo& rule) {
    return edit_distance(rule.id, id_or_name, 0) == 0 || rule.name == id_or_name;
  });
  return it == rules.end() ? nullptr : &*it;
}

const std::vector<std::string>& rule_words() {
  static const std::vector<std::string> words = [] {
    std::vector<std::string> out;
    for (const RuleInfo& rule : rules) {
      out.emplace_back(rule.id);
      out.emplace_back(rule.name);
    }
    return out;
  }();
  return words;
}

// What an unknown rule word most likely meant: a close spelling, `301` for CE301, or the one rule
// whose name shares the longest start with it (`duplicate-jobs`: duplicate-job-runs).
std::string rule_hint(std::string_view word) {
  if (std::string hint = did_you_mean(word, rule_words()); !hint.empty())
    return hint;
  if (!word.empty() && std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    if (const RuleInfo* rule = find_rule(fmt::format("CE{}", word)))
      return fmt::format("; did you mean '{}'?", rule->id);
  }
  const RuleInfo* best = nullptr;
  std::size_t longest = 3;  // a shorter shared start says nothing
  bool tied = false;
  for (const RuleInfo& rule : all_rules()) {
    const std::string_view name = rule.name;
    std::size_t shared = 0;
    while (shared < name.size() && shared < word.size() && name[shared] == word[shared]) ++shared;
    if (shared > longest) {
      best = &rule;
      longest = shared;
      tied = false;
    } else if (shared == longest && best != nullptr) {
      tied = true;
    }
  }
  return best != nullptr && !tied ? fmt::format("; did you mean '{}' ({})?", best->name, best->id)
                                  : std::string(" (ceplan rules lists them)");
}

std::set<std::string> parse_rule_list(std::string_view list) {
  std::set<std::string> ids;
  while (!list.empty()) {
    const auto comma = list.find(',');
    const std::string_view item = trim_spaces(list.substr(0, comma));
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    if (item.empty()) {
      continue;
    }
    const RuleInfo* rule = find_rule(item);
    if (rule == nullptr) {
      throw usage_error(fmt::format("unknown rule '{}'{}", item, rule_hint(item)));
    }
    ids.emplace(rule->id);
  }
  return ids;
}

bool RuleSelection::runs(std::string_view id) const {
  const std::string key(id);
  return !disabled.contains(key) && (enabled_only.empty() || enabled_only.contains(key));
}

}  // namespace ceplan
