# ceplan import terraform and validate --terraform (docs/terraform.md): drafts, drift, and every
# kind of bad JSON, each exiting 2 with the place of the problem.
ceplan_case(import_terraform_plan ARGS import terraform terraform/plan.json)
ceplan_case(import_terraform_state ARGS import terraform terraform/state.json)
ceplan_case(import_terraform_stdin STDIN terraform/state.json ARGS import terraform -)
ceplan_case(import_terraform_env_region EXIT 2 ARGS import terraform terraform/env-region.json)
ceplan_case(import_terraform_region_flag ARGS import terraform terraform/env-region.json --region ca-tor)
ceplan_case(import_terraform_foreign EXIT 2 ARGS import terraform terraform/foreign.json)
ceplan_case(import_terraform_old_format EXIT 2 ARGS import terraform terraform/old-format.json)
ceplan_case(import_terraform_truncated EXIT 2 ARGS import terraform terraform/truncated.json)
ceplan_case(import_terraform_wrong_types EXIT 2 ARGS import terraform terraform/wrong-types.json)
ceplan_case(import_terraform_not_json EXIT 2 ARGS import terraform deploy/warnings-only.yaml)
ceplan_case(import_without_source EXIT 2 ARGS import)
ceplan_case(validate_terraform_drift EXIT 1 ARGS validate terraform/drifted.yaml --terraform terraform/plan.json)
ceplan_case(validate_terraform_agrees ARGS validate terraform/drifted.yaml --terraform terraform/plan.json
            --disable CE402,CE403,CE404,CE405,CE408)
ceplan_case(validate_terraform_bad_plan EXIT 2 ARGS validate terraform/drifted.yaml --terraform terraform/foreign.json)
ceplan_case(validate_terraform_env_region EXIT 2
            ARGS validate terraform/drifted.yaml --terraform terraform/env-region.json)
ceplan_case(explain_ce403 ARGS explain CE403)

set(tf_out ${CMAKE_CURRENT_BINARY_DIR}/terraform-output)
file(MAKE_DIRECTORY ${tf_out})
# Every fixture's draft is a deploy file ceplan itself reads: it loads (exit 0 or 1, never 2).
ceplan_pipeline(import_terraform_drafts_load
  "for f in plan state env-region; do $<TARGET_FILE:ceplan> import terraform tests/data/terraform/$f.json --region ca-tor -o ${tf_out}/draft-$f.yaml 2>/dev/null && $<TARGET_FILE:ceplan> validate ${tf_out}/draft-$f.yaml --fail-on never >/dev/null || exit 1; done")
# No value Terraform marks sensitive, no secret data and no literal environment value appears in
# any output: every fixture's secret-looking values end in do-not-copy.
ceplan_pipeline(terraform_sensitive_values_never_printed
  "cd tests/data/terraform && grep -c do-not-copy plan.json state.json >/dev/null && for f in plan.json state.json; do $<TARGET_FILE:ceplan> import terraform $f -o ${tf_out}/leak-$f.yaml 2>>${tf_out}/leak.err; for format in text json sarif junit junit-strict github codeclimate checkstyle; do $<TARGET_FILE:ceplan> validate drifted.yaml --terraform $f --format $format >>${tf_out}/leak.out 2>>${tf_out}/leak.err; done; done; ! grep -l -e do-not-copy -e hunter2 ${tf_out}/leak*")

# A plan with two projects: one draft each (--project), and drift only within the file's project.
ceplan_case(import_terraform_first_project ARGS import terraform terraform/two-projects.json)
ceplan_case(import_terraform_project_flag ARGS import terraform terraform/two-projects.json --project batch)
ceplan_case(import_terraform_unknown_project EXIT 2 ARGS import terraform terraform/two-projects.json --project bach)
ceplan_case(validate_terraform_other_project ARGS validate terraform/shop-us.yaml --terraform terraform/two-projects.json
            --disable CE103)
ceplan_case(validate_terraform_wrong_project ARGS validate live/payments.yaml --terraform terraform/two-projects.json)
ceplan_case(validate_terraform_stdin EXIT 1 STDIN terraform/plan.json
            ARGS validate terraform/drifted.yaml --terraform - --enable-only CE403)
ceplan_case(validate_terraform_stdin_twice EXIT 2 STDIN terraform/plan.json
            ARGS validate - --terraform -)
