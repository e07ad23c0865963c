#pragma once
// The rules of `ceplan validate`: stable ids, names and default severities, defined once in
// rule_table.cpp and named in code by a typed handle (RuleId), never by an id string.

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace ceplan {

/// How serious a finding is; ordered so that a smaller value is more serious.
enum class Severity { error, warning, info };

/// "error", "warning", "info".
[[nodiscard]] std::string_view to_string(Severity severity);
/// Every severity's name, most serious first, then `extra` if given: "never" where a threshold
/// may fail on nothing, "off" where a rule's level may turn it off. The one list the command
/// line, `.ceplan.yaml` and its schema offer.
[[nodiscard]] std::vector<std::string> severity_names(std::string_view extra = {});
/// Parses "error", "warning" or "info".
[[nodiscard]] std::optional<Severity> parse_severity(std::string_view text);

/// One handle per rule, in id order; the table in rule_table.cpp holds one entry for each.
enum class RuleId : std::uint8_t {
  ignore_without_reason,       ///< CE001
  unused_ignore,               ///< CE002
  unknown_region,              ///< CE101
  not_multizone,               ///< CE102
  single_region,               ///< CE103
  single_geography,            ///< CE104
  shared_backup_endpoint,      ///< CE105
  roles,                       ///< CE106
  region_not_in_project,       ///< CE107
  duplicate_name,              ///< CE108
  single_campus_region,        ///< CE109
  quota_exceeded,              ///< CE110
  duplicate_region,            ///< CE111
  takeover_capacity,           ///< CE112
  no_edge_proxy,               ///< CE201
  failover_exceeds_rto,        ///< CE202
  scale_to_zero_behind_proxy,  ///< CE203
  availability_below_target,   ///< CE204
  rto_below_strategy,          ///< CE205
  edge_proxy_limits,           ///< CE206
  missing_tls_secret,          ///< CE207
  fallback_and_steering,       ///< CE208
  duplicate_job_runs,          ///< CE301
  dangling_reference,          ///< CE302
  unrecoverable_secret,        ///< CE303
  rpo_exceeded,                ///< CE304
  data_single_region,          ///< CE305
  registry_single_region,      ///< CE306
  missing_registry_secret,     ///< CE307
  wrong_secret_format,         ///< CE308
  backup_location_unknown,     ///< CE309
  no_off_region_backup,        ///< CE310
  replica_in_own_region,       ///< CE311
  store_without_secret,        ///< CE312
  registry_secret_servers,     ///< CE313
  schedule_where_undefined,    ///< CE314
  replica_across_eu_boundary,  ///< CE315
  terraform_region,            ///< CE401
  terraform_placement,         ///< CE402
  terraform_image,             ///< CE403
  terraform_scale,             ///< CE404
  terraform_health_check,      ///< CE405
  terraform_ttl,               ///< CE406
  terraform_proxied,           ///< CE407
  terraform_secret,            ///< CE408
  terraform_project,           ///< CE409
  live_missing,                ///< CE501
  live_unexpected,             ///< CE502
  live_image,                  ///< CE503
  live_scale,                  ///< CE504
  live_missing_artifact,       ///< CE505
  live_schedule,               ///< CE506
  live_duplicate_cron,         ///< CE507
  live_unmatched_cron,         ///< CE508
  live_registry_server,        ///< CE509
  live_domain_mapping,         ///< CE510
  live_not_exported,           ///< CE511
};

/// What a rule is and why it exists; the source of `ceplan rules`, `explain` and docs/rules.md.
struct RuleInfo {
  RuleId handle;               ///< the handle code uses
  std::string_view id;         ///< e.g. "CE301"
  std::string_view name;       ///< e.g. "duplicate-job-runs"
  Severity severity;           ///< default severity
  std::string_view summary;    ///< when it fires, one line
  std::string_view rationale;  ///< why it matters
  std::string_view example;    ///< a deploy-file fragment that fires it
  std::string_view fix;        ///< how to fix it, one line
};

/// True for the rules that compare with Terraform (CE4xx), which run only with a plan to compare.
[[nodiscard]] bool compares_terraform(const RuleInfo& info);
/// True for the rules that compare with IBM's Code Engine export (CE5xx), which run only with
/// `validate --live`.
[[nodiscard]] bool compares_live(const RuleInfo& info);
/// True for the rules whose error findings make a plan, runbook or fail-back contradict itself, so
/// that those refuse the file; other errors (unmet objectives) are printed as a note.
[[nodiscard]] bool blocks_procedures(const RuleInfo& info);
/// Every rule, ordered by id (and so by handle).
[[nodiscard]] const std::vector<RuleInfo>& all_rules();
/// The rule behind a handle.
[[nodiscard]] const RuleInfo& rule(RuleId handle);
/// A rule by id ("CE301", any case) or name ("duplicate-job-runs"), or nullptr.
[[nodiscard]] const RuleInfo* find_rule(std::string_view id_or_name);
/// Every rule id and name, the words "did you mean" suggests a misspelled rule from.
[[nodiscard]] const std::vector<std::string>& rule_words();
/// What an unknown rule word most likely meant, as "; did you mean 'CE301'?": a close spelling,
/// `301` for CE301, or the one rule whose name shares the longest start with it.
[[nodiscard]] std::string rule_hint(std::string_view word);
/// Parses a comma-separated list of rule ids or names; throws InputError with a suggestion.
[[nodiscard]] std::set<std::string> parse_rule_list(std::string_view list);

/// Which rules run.
struct RuleSelection {
  std::set<std::string> disabled;      ///< ids never run
  std::set<std::string> enabled_only;  ///< when non-empty, only these ids run
  /// True if the rule with this id runs.
  [[nodiscard]] bool runs(std::string_view id) const;
  /// True if the rule behind this handle runs.
  [[nodiscard]] bool runs(RuleId handle) const { return runs(rule(handle).id); }
};

}  // namespace ceplan
