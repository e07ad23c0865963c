# Runbook scripts (--format script): each procedure's script passes shellcheck and runs against the
# fake ibmcloud (tests/tools/fake_ibmcloud.py) from the simulator's start state to its end state;
# --dry-run changes nothing, an injected failure stops with a resume hint, a wrong region stops
# before anything changes (tests/tools/run_scripts.py). They test what the scripts do, not ceplan's
# memory: a sanitizer build runs the goldens below instead, which render the same scripts.
if(NOT CEPLAN_SANITIZE)
foreach(case runbook_shop runbook_warm_standby runbook_backup_restore runbook_pilot_light plan_shop plan_warm_standby
             plan_backup_restore plan_pilot_light failback_shop failback_warm_standby failback_backup_restore
             failback_pilot_light)
  add_test(NAME e2e.script_${case}
           COMMAND python3 ${PROJECT_SOURCE_DIR}/tests/tools/run_scripts.py $<TARGET_FILE:ceplan> ${PROJECT_SOURCE_DIR}
                   ${case})
endforeach()
# Every script and rehearsal of every example and scenario passes shellcheck.
add_test(NAME e2e.script_shellcheck_examples
         COMMAND python3 ${PROJECT_SOURCE_DIR}/tests/tools/shellcheck_scripts.py $<TARGET_FILE:ceplan>
                 ${PROJECT_SOURCE_DIR})
endif()

# The scripts themselves, and what refuses to become one.
ceplan_case(runbook_backup_restore_script IN_ROOT ARGS runbook ${cold} --restore-to eu-gb --format script)
ceplan_case(runbook_pilot_light_rehearse IN_ROOT ARGS runbook ${pilot} --restore-to ca-tor --rehearse)
ceplan_case(failback_warm_standby_script IN_ROOT ARGS failback ${warm} --scenario region:us-east --format script)
ceplan_case(plan_script_takes_one_scenario EXIT 2 IN_ROOT ARGS plan ${shop} --scenario all --format script)
ceplan_case(runbook_unsafe_gives_no_script EXIT 2 IN_ROOT ARGS runbook ${warm} --restore-to ca-tor --format script)
ceplan_case(runbook_rehearse_takes_no_format EXIT 2 IN_ROOT ARGS runbook ${cold} --restore-to eu-gb --rehearse --format json)

# ceplan calibrate: the step logs of drills.
ceplan_case(calibrate_drill ARGS calibrate logs/drill.log.jsonl)
ceplan_case(calibrate_drill_json ARGS calibrate logs/drill.log.jsonl logs/drill.log.jsonl --format json)
ceplan_case(calibrate_bad_seconds EXIT 2 ARGS calibrate logs/bad-seconds.log.jsonl)
ceplan_case(calibrate_missing_log EXIT 2 ARGS calibrate logs/none.log.jsonl)
