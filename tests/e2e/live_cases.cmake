# ceplan import ce-export and validate --live (docs/live-drift.md): drafts and drift from IBM's Code
# Engine export, and every kind of bad export exiting 2 at the file and JSON path of the problem.
ceplan_case(import_ce_export_agree ARGS import ce-export live/agree --project payments)
ceplan_case(import_ce_export_drifted ARGS import ce-export live/drifted)
ceplan_case(import_ce_export_region_flag ARGS import ce-export live/us-export --region us-east)
ceplan_case(import_ce_export_unnamed_region EXIT 2 ARGS import ce-export live/us-export)
ceplan_case(import_ce_export_unknown_region_flag EXIT 2 ARGS import ce-export live/us-export --region us-est)
ceplan_case(import_ce_export_bad EXIT 2 ARGS import ce-export live/bad)
ceplan_case(import_ce_export_not_directory EXIT 2 ARGS import ce-export live/payments.yaml)
ceplan_case(import_ce_export_no_regions EXIT 2 ARGS import ce-export live)
ceplan_case(validate_live_agree ARGS validate live/payments.yaml --live live/agree)
ceplan_case(validate_live_drift EXIT 1 ARGS validate live/payments.yaml --live live/drifted)
ceplan_case(validate_live_per_region ARGS validate --live live/agree/us-east --live live/agree/eu-gb live/payments.yaml)
ceplan_case(validate_live_region_flag EXIT 1 ARGS validate live/payments.yaml --live live/us-export --live-region us-east
            --enable-only CE501,CE502,CE503)
ceplan_case(validate_live_twice EXIT 2 ARGS validate live/payments.yaml --live live/agree --live live/drifted/eu-gb)
ceplan_case(validate_live_bad EXIT 2 ARGS validate live/payments.yaml --live live/bad)
ceplan_case(validate_format_before_file ARGS validate --format json live/payments.yaml --live live/agree)
ceplan_case(explain_ce505 ARGS explain CE505)

set(live_out ${CMAKE_CURRENT_BINARY_DIR}/live-output)
file(MAKE_DIRECTORY ${live_out})
# The draft of a two-region export loads (exit 0 or 1, never 2), and compared with that export
# reports only the jobs it leaves for a person to complete.
ceplan_pipeline(import_ce_export_draft_loads
  "cd tests/data && $<TARGET_FILE:ceplan> import ce-export live/agree --project payments -o ${live_out}/draft.yaml 2>/dev/null && $<TARGET_FILE:ceplan> validate ${live_out}/draft.yaml --fail-on never >/dev/null && $<TARGET_FILE:ceplan> validate ${live_out}/draft.yaml --live live/agree --enable-only CE501,CE503,CE504,CE505,CE506,CE507,CE509,CE510")
# No secret value appears in any output: every fixture Secret's data holds do-not-copy, base64 or not.
ceplan_pipeline(live_secret_values_never_printed
  "cd tests/data/live && grep -l do-not-copy agree/us-east/payments_secrets.json drifted/eu-gb/all.json bad/us-east/wrong-types.json >/dev/null && for d in agree drifted bad; do $<TARGET_FILE:ceplan> import ce-export $d -o ${live_out}/leak-$d.yaml 2>>${live_out}/leak.err; for format in text json sarif junit junit-strict github codeclimate checkstyle; do $<TARGET_FILE:ceplan> validate payments.yaml --live $d --format $format >>${live_out}/leak.out 2>>${live_out}/leak.err; done; done; test -s ${live_out}/leak.out && ! grep -l -e do-not-copy -e ZG8tbm90LWNvcHk -e LOG_LEVEL ${live_out}/leak*")
# Rule lists repeat, each taking one value: the file after them is still a file.
ceplan_case(validate_repeated_rule_lists EXIT 1 ARGS validate --enable-only CE501 --enable-only CE503 --live live/drifted
            --disable CE501 live/payments.yaml)
# --live-region names the region of one directory: with several it is refused, not ignored.
ceplan_case(validate_live_region_with_two_directories EXIT 2 ARGS validate live/payments.yaml --live live/agree/us-east
            --live live/agree/eu-gb --live-region us-east)
