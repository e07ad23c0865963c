# ceplan plan and runbook (SPEC §5): every scenario kind and every strategy, in each format.
set(warm examples/api-warm-standby.yaml)
set(shop examples/shop-active-active.yaml)
set(cold examples/backup-restore.yaml)
set(pilot tests/data/deploy/pilot-light.yaml)

# Scenario kinds.
ceplan_case(plan_warm_standby_region_json IN_ROOT ARGS plan ${warm} --scenario region:us-east --format json)
ceplan_case(plan_warm_standby_region_text IN_ROOT ARGS plan ${warm} --scenario region:us-east)
ceplan_case(plan_shop_zone IN_ROOT ARGS plan ${shop} --scenario zone:us-south-2)
ceplan_case(plan_shop_zone_elsewhere IN_ROOT ARGS plan ${shop} --scenario zone:jp-tok-1 --format json)
ceplan_case(plan_shop_geography_markdown IN_ROOT ARGS plan ${shop} --scenario geography:Europe --format markdown)
ceplan_case(plan_shop_all_json IN_ROOT ARGS plan ${shop} --scenario all --format json)
# Strategies.
ceplan_case(plan_backup_restore_region IN_ROOT ARGS plan ${cold} --scenario region:eu-de)
ceplan_case(plan_pilot_light_region IN_ROOT ARGS plan ${pilot} --scenario region:us-south)
ceplan_case(plan_no_edge_proxy STDIN deploy/job-runs-twice.yaml ARGS plan - --scenario region:eu-de)
# Runbooks.
ceplan_case(runbook_backup_restore_text IN_ROOT ARGS runbook ${cold} --restore-to eu-gb)
ceplan_case(runbook_warm_standby_markdown IN_ROOT ARGS runbook ${warm} --restore-to eu-gb --format markdown)
ceplan_case(runbook_shop_json IN_ROOT ARGS runbook ${shop} --restore-to ca-tor --from us-south --format json)
ceplan_case(runbook_pilot_light_json IN_ROOT ARGS runbook ${pilot} --restore-to ca-tor --format json)
# Errors.
ceplan_case(plan_unknown_scenario EXIT 2 IN_ROOT ARGS plan ${shop} --scenario region:us-soth)
ceplan_case(plan_bad_scenario EXIT 2 IN_ROOT ARGS plan ${shop} --scenario planet:earth)
ceplan_case(plan_invalid_file EXIT 2 ARGS plan deploy/misspelled-key.yaml --scenario all)
ceplan_case(runbook_unknown_region EXIT 2 IN_ROOT ARGS runbook ${shop} --restore-to eu-gbb)
ceplan_case(runbook_same_region EXIT 2 IN_ROOT ARGS runbook ${shop} --restore-to us-south)

# Every ibmcloud command and flag in plans and runbooks exists in IBM's CLI reference.
set(files)
foreach(args IN ITEMS "runbook;${cold};--restore-to;eu-gb" "runbook;${warm};--restore-to;eu-gb"
                      "runbook;${shop};--restore-to;ca-tor" "runbook;${pilot};--restore-to;ca-tor"
                      "runbook;examples/risky.yaml;--restore-to;eu-de" "plan;${shop};--scenario;all"
                      "plan;${warm};--scenario;all" "plan;${pilot};--scenario;all" "plan;${shop};--scenario;zone:eu-de-1")
  list(LENGTH files index)
  list(JOIN args " " joined)
  set(command "${command} && $<TARGET_FILE:ceplan> ${joined} --format json -o ${out}/commands-${index}.json")
  list(APPEND files ${out}/commands-${index}.json)
endforeach()
list(JOIN files " " file_args)
ceplan_pipeline(commands_exist_in_cli_reference
  "true ${command} && ${checker} commands tests/schemas/ibmcloud-ce-cli.json ${file_args}")
