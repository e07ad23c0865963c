# Runbook scripts (--format script): each procedure's script passes shellcheck and runs against the
# fake ibmcloud (tests/tools/fake_ibmcloud.py) from the simulator's start state to its end state;
# --dry-run changes nothing, an injected failure stops with a resume hint, a wrong region stops
# before anything changes (tests/tools/run_scripts.py).
foreach(case runbook_shop runbook_warm_standby runbook_backup_restore runbook_pilot_light plan_shop plan_warm_standby
             plan_backup_restore plan_pilot_light failback_shop failback_warm_standby failback_backup_restore
             failback_pilot_light)
  add_test(NAME e2e.script_${case}
           COMMAND python3 ${PROJECT_SOURCE_DIR}/tests/tools/run_scripts.py $<TARGET_FILE:ceplan> ${PROJECT_SOURCE_DIR}
                   ${case})
endforeach()
