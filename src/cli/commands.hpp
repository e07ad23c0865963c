#pragma once
// One set_<cmd>_command per subcommand, each defined in its own cmd_<cmd>.cpp: it fills in an
// existing CLI11 subcommand with its options, footer and callback.

#include <CLI/CLI.hpp>

#include "cli/context.hpp"

namespace ceplan::cli {

/// `ceplan regions`
void set_regions_command(CLI::App& command, Context& context);
/// `ceplan region ID`
void set_region_command(CLI::App& command, Context& context);
/// `ceplan backup-endpoint REGION...`
void set_backup_endpoint_command(CLI::App& command, Context& context);

/// `ceplan validate FILE...`
void set_validate_command(CLI::App& command, Context& context);
/// `ceplan plan FILE --scenario S`
void set_plan_command(CLI::App& command, Context& context);
/// `ceplan diff`: what a change to a deploy file does to resilience.
void set_diff_command(CLI::App& command, Context& context);
/// `ceplan failback FILE --scenario S`
void set_failback_command(CLI::App& command, Context& context);
/// `ceplan runbook FILE --restore-to REGION`
void set_runbook_command(CLI::App& command, Context& context);
/// `ceplan calibrate LOG...`: measured step durations from drills
void set_calibrate_command(CLI::App& command, Context& context);
/// `ceplan rules`
void set_rules_command(CLI::App& command, Context& context);
/// `ceplan init`
void set_init_command(CLI::App& command, Context& context);
/// `ceplan completion bash|zsh`
void set_completion_command(CLI::App& command, Context& context);
/// `ceplan schema`
void set_schema_command(CLI::App& command, Context& context);
/// `ceplan version`
void set_version_command(CLI::App& command, Context& context);
/// `ceplan import terraform PLAN.json` and `ceplan import ce-export DIR...`
void set_import_command(CLI::App& command, Context& context);
/// `ceplan explain ID`
void set_explain_command(CLI::App& command, Context& context);

}  // namespace ceplan::cli
