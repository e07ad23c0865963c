# ceplan validate, rules and explain (SPEC §3, §4).
ceplan_case(validate_shop IN_ROOT ARGS validate examples/shop-active-active.yaml)
ceplan_case(validate_warm_standby IN_ROOT ARGS validate examples/api-warm-standby.yaml)
ceplan_case(validate_backup_restore IN_ROOT ARGS validate examples/backup-restore.yaml)
ceplan_case(validate_risky IN_ROOT EXIT 1 ARGS validate examples/risky.yaml)
ceplan_case(validate_risky_json IN_ROOT EXIT 1 ARGS validate examples/risky.yaml --format json)
ceplan_case(validate_two_files_json IN_ROOT EXIT 1
            ARGS validate examples/backup-restore.yaml examples/risky.yaml --format json)
ceplan_case(validate_stdin EXIT 1 STDIN deploy/job-runs-twice.yaml ARGS validate -)
ceplan_case(validate_warnings_pass ARGS validate deploy/warnings-only.yaml)
ceplan_case(validate_fail_on_warning EXIT 1 ARGS validate deploy/warnings-only.yaml --fail-on warning)
ceplan_case(validate_fail_on_info EXIT 1 ARGS validate deploy/info-only.yaml --fail-on info)
ceplan_case(validate_fail_on_never IN_ROOT ARGS validate examples/risky.yaml --fail-on never --enable-only CE301)
ceplan_case(validate_disable ARGS validate deploy/job-runs-twice.yaml --disable CE301)
ceplan_case(validate_enable_only EXIT 1 IN_ROOT ARGS validate examples/risky.yaml --enable-only CE101,duplicate-job-runs)
ceplan_case(validate_misspelled_key EXIT 2 ARGS validate deploy/misspelled-key.yaml)
ceplan_case(validate_input_errors EXIT 2 ARGS validate deploy/many-errors.yaml deploy/misspelled-key.yaml)
ceplan_case(validate_unknown_rule EXIT 2 ARGS validate deploy/warnings-only.yaml --disable CE3O1)
ceplan_case(validate_missing_file EXIT 2 ARGS validate deploy/no-such-file.yaml)
ceplan_case(validate_no_file EXIT 2 ARGS validate)
ceplan_case(validate_bad_fail_on EXIT 2 ARGS validate deploy/warnings-only.yaml --fail-on critical)

ceplan_case(rules_text ARGS rules)
ceplan_case(rules_markdown STDOUT_FILE docs/rules.md ARGS rules --format markdown)
ceplan_case(explain_ce301 ARGS explain CE301)
ceplan_case(explain_by_name ARGS explain no-edge-proxy)
ceplan_case(explain_unknown EXIT 2 ARGS explain CE999)

# -j: output identical to a serial run, in input order.
ceplan_pipeline(parallel_output_in_input_order
  "$<TARGET_FILE:ceplan> validate examples/risky.yaml examples/backup-restore.yaml examples/shop-active-active.yaml tests/data/deploy/warnings-only.yaml -j 1 --format json > ${out}/serial.json; $<TARGET_FILE:ceplan> validate examples/risky.yaml examples/backup-restore.yaml examples/shop-active-active.yaml tests/data/deploy/warnings-only.yaml -j 4 --format json > ${out}/parallel.json; cmp ${out}/serial.json ${out}/parallel.json")
ceplan_pipeline(parallel_input_errors_all_reported
  "$<TARGET_FILE:ceplan> validate tests/data/deploy/many-errors.yaml examples/risky.yaml tests/data/deploy/misspelled-key.yaml -j 3 2> ${out}/perr.txt; test $? -eq 2 && test $(grep -c 'error:' ${out}/perr.txt) -eq 9")

# Suppressions: a reasoned comment hides its finding from the counts; a bare one is CE001; an
# unused one is CE002 when asked; JSON and SARIF still show what was suppressed, and why.
ceplan_case(validate_suppressed ARGS validate deploy/suppressed.yaml)
ceplan_case(validate_suppressed_unused ARGS validate deploy/suppressed.yaml --report-unused-ignores)
ceplan_case(validate_suppressed_json ARGS validate deploy/suppressed.yaml --format json)
ceplan_case(validate_suppression_unknown_rule EXIT 2 ARGS validate hostile/unknown-ignore.yaml)

# Baseline: written (exit 0 whatever it records), it hides every known finding even after every
# line moves, and names an entry that no longer occurs; a bad baseline file cannot run (exit 2).
ceplan_pipeline(baseline_hides_known_findings_after_lines_move
  "rm -rf ${out}/baseline && mkdir -p ${out}/baseline/.git && cd ${out}/baseline && cp ${PROJECT_SOURCE_DIR}/examples/risky.yaml deploy.yaml && $<TARGET_FILE:ceplan> validate deploy.yaml --write-baseline base.json >/dev/null && sed -i '1i # a new first line' deploy.yaml && $<TARGET_FILE:ceplan> validate deploy.yaml --baseline base.json > out.txt 2> err.txt && grep -qx 'no findings in 1 file (30 suppressed)' out.txt && grep -qx 'ceplan: the baseline base.json hid 30 known findings' err.txt && sed -i 's/us-soth/us-south/' deploy.yaml && $<TARGET_FILE:ceplan> validate deploy.yaml --baseline base.json 2> err2.txt >/dev/null && grep -q '^ceplan: baseline entry no longer occurs: deploy.yaml CE101 ' err2.txt")
ceplan_case(validate_bad_baseline EXIT 2 ARGS validate deploy/job-runs-twice.yaml --baseline deploy/job-runs-twice.yaml)

# .ceplan.yaml: found above the files (or the current directory), its paths checked when no file
# is given, exclude and per-path overrides applied, command-line options winning; a bad one is
# an input error at its place; --no-config ignores it.
set(configured ${PROJECT_SOURCE_DIR}/tests/data/configured)
ceplan_case(config_list_files WORKDIR ${configured} ARGS validate --list-files)
ceplan_case(config_paths_and_overrides EXIT 1 WORKDIR ${configured} ARGS validate)
ceplan_case(config_found_above_the_file EXIT 1 WORKDIR ${configured}/deploy ARGS validate prod/risky.yaml --format json)
ceplan_case(config_command_line_wins WORKDIR ${configured} ARGS validate legacy/old.yaml --fail-on never)
ceplan_case(config_ignored EXIT 1 WORKDIR ${configured} ARGS validate --no-config legacy/old.yaml --enable-only CE101)
ceplan_case(config_bad EXIT 2 WORKDIR ${configured} ARGS validate --config bad-config.yaml legacy/old.yaml)
ceplan_case(config_missing EXIT 2 WORKDIR ${configured} ARGS validate --config no-such.yaml legacy/old.yaml)
# Files named on the command line that 'exclude' drops leave nothing to check: a note, exit 0
# (pre-commit passes excluded files too). Configured paths that match nothing are an error that says so.
ceplan_case(config_every_given_file_excluded WORKDIR ${configured} ARGS validate deploy/drafts/wip.yaml)
# Standard input named by --stdin-filename takes that path's overrides and excludes (as editors
# and pre-commit pass it); a directory stands for the files below it that `paths` match.
ceplan_case(config_stdin_filename_takes_overrides EXIT 1 WORKDIR ${configured} STDIN configured/legacy/old.yaml
            ARGS validate - --stdin-filename legacy/old.yaml)
ceplan_case(config_stdin_filename_excluded WORKDIR ${configured} STDIN configured/deploy/drafts/wip.yaml
            ARGS validate - --stdin-filename deploy/drafts/wip.yaml)
ceplan_case(config_directory_argument WORKDIR ${configured} ARGS validate --list-files deploy)
ceplan_pipeline(config_paths_match_nothing
  "rm -rf ${out}/unmatched && mkdir -p ${out}/unmatched && cd ${out}/unmatched && printf 'paths: [\"deploy/*.yaml\"]\\n' > .ceplan.yaml && ! $<TARGET_FILE:ceplan> validate 2> err.txt && grep -qx \"ceplan: error: the 'paths' of the configuration (deploy/\\*.yaml) match no file\" err.txt")
ceplan_pipeline(config_starter_parses_and_fits_its_schema
  "rm -rf ${out}/starter-config && mkdir -p ${out}/starter-config && cd ${out}/starter-config && $<TARGET_FILE:ceplan> init --config && test -f .ceplan.yaml && sed 's/^# \\([a-z-]*: \\)/\\1/' .ceplan.yaml > uncommented.yaml && $<TARGET_FILE:ceplan> schema --config -o schema.json && ${checker} valid schema.json uncommented.yaml && ${checker} invalid schema.json ${configured}/bad-config.yaml && $<TARGET_FILE:ceplan> validate --config uncommented.yaml --list-files ${PROJECT_SOURCE_DIR}/examples/risky.yaml > /dev/null")
# init --config says what it wrote, as init does for a deploy file.
ceplan_pipeline(init_config_says_what_it_wrote
  "rm -rf ${out}/said-config && mkdir -p ${out}/said-config && cd ${out}/said-config && $<TARGET_FILE:ceplan> init --config 2> said.err && test -f .ceplan.yaml && grep -q '^wrote .ceplan.yaml; every key in it is commented out' said.err")
ceplan_case(config_fail_on_warning EXIT 1 WORKDIR ${configured} ARGS validate warnings.yaml)
ceplan_case(config_fail_on_default_without_config WORKDIR ${configured} ARGS validate --no-config warnings.yaml)
ceplan_case(config_keys_reference STDOUT_FILE docs/config-keys.md ARGS schema --config --format markdown)
# A baseline whose file was rewritten names the first 20 stale entries and counts the rest.
ceplan_pipeline(validate_baseline_stale_entries_are_capped
  "rm -rf ${out}/baseline-stale && mkdir -p ${out}/baseline-stale/.git && cd ${out}/baseline-stale && cp ${PROJECT_SOURCE_DIR}/examples/risky.yaml deploy.yaml && $<TARGET_FILE:ceplan> validate deploy.yaml --write-baseline base.json >/dev/null; cp ${PROJECT_SOURCE_DIR}/examples/shop-active-active.yaml deploy.yaml && $<TARGET_FILE:ceplan> validate deploy.yaml --baseline base.json 2> err.txt >/dev/null; test $(grep -c '^ceplan: baseline entry no longer occurs: ' err.txt) -eq 20 && grep -qx 'ceplan: 10 more baseline entries no longer occur; --write-baseline base.json drops them' err.txt")
ceplan_case(validate_two_formats_one_file EXIT 2 ARGS validate deploy/job-runs-twice.yaml --format sarif=out.x --format json=./out.x)
# --baseline B --write-baseline B rewrites B with every finding of the run.
ceplan_pipeline(validate_baseline_rewritten_in_place
  "rm -rf ${out}/baseline-in-place && mkdir -p ${out}/baseline-in-place/.git && cd ${out}/baseline-in-place && cp ${PROJECT_SOURCE_DIR}/examples/risky.yaml deploy.yaml && $<TARGET_FILE:ceplan> validate deploy.yaml --write-baseline base.json >/dev/null && cp base.json first.json && sed -i 's/us-soth/us-south/' deploy.yaml && $<TARGET_FILE:ceplan> validate deploy.yaml --baseline base.json --write-baseline base.json >/dev/null 2>&1 && $<TARGET_FILE:ceplan> validate deploy.yaml --write-baseline fresh.json >/dev/null && cmp -s base.json fresh.json && ! cmp -s base.json first.json")
# Input errors come before the summary, which says the run failed; a baseline is not rewritten
# without the entries of a file that could not be checked.
ceplan_pipeline(validate_input_errors_before_the_summary
  "$<TARGET_FILE:ceplan> validate tests/data/deploy/misspelled-key.yaml > ${out}/order.txt 2>&1; test $? -eq 2 && head -n 1 ${out}/order.txt | grep -q ': error: unknown key' && tail -n 1 ${out}/order.txt | grep -qx 'the file could not be checked (input errors on standard error)'")
ceplan_pipeline(validate_baseline_not_written_without_a_file
  "rm -rf ${out}/baseline-partial && mkdir -p ${out}/baseline-partial/.git && cd ${out}/baseline-partial && cp ${PROJECT_SOURCE_DIR}/examples/risky.yaml a.yaml && cp ${PROJECT_SOURCE_DIR}/examples/risky.yaml b.yaml && $<TARGET_FILE:ceplan> validate a.yaml b.yaml --write-baseline base.json >/dev/null && cp base.json before.json && printf 'not: [yaml\\n' > b.yaml && ! $<TARGET_FILE:ceplan> validate a.yaml b.yaml --write-baseline base.json >/dev/null 2>err.txt && grep -qx 'base.json: error: baseline not written: a file could not be checked, and its entries would be lost' err.txt && cmp -s base.json before.json")
# A baseline .ceplan.yaml names but nobody has written yet is a note, and the first
# --write-baseline writes it.
ceplan_pipeline(validate_configured_baseline_not_yet_written
  "rm -rf ${out}/baseline-new && mkdir -p ${out}/baseline-new/.git && cd ${out}/baseline-new && cp ${PROJECT_SOURCE_DIR}/examples/risky.yaml deploy.yaml && printf 'baseline: .ceplan-baseline.json\\n' > .ceplan.yaml && $<TARGET_FILE:ceplan> validate deploy.yaml >/dev/null 2>err.txt; test $? -eq 1 && grep -qx 'ceplan: no baseline yet at .ceplan-baseline.json; --write-baseline .ceplan-baseline.json records one' err.txt && $<TARGET_FILE:ceplan> validate deploy.yaml --write-baseline .ceplan-baseline.json >/dev/null 2>err2.txt && test ! -s err2.txt && $<TARGET_FILE:ceplan> validate deploy.yaml > out.txt && grep -qx 'no findings in 1 file (30 suppressed)' out.txt && ! $<TARGET_FILE:ceplan> validate deploy.yaml --baseline missing.json >/dev/null 2>&1")
