# ceplan plan and runbook (SPEC §5): every scenario kind and every strategy, in each format.
set(warm examples/api-warm-standby.yaml)
set(shop examples/shop-active-active.yaml)
set(cold examples/backup-restore.yaml)
set(pilot tests/data/deploy/pilot-light.yaml)

# Scenario kinds.
ceplan_case(plan_warm_standby_region_json IN_ROOT ARGS plan ${warm} --scenario region:us-east --format json)
ceplan_case(plan_warm_standby_region_text IN_ROOT ARGS plan ${warm} --scenario region:us-east)
ceplan_case(plan_shop_zone IN_ROOT ARGS plan ${shop} --scenario zone:us-south-2)
ceplan_case(plan_bare_region_hint IN_ROOT EXIT 2 ARGS plan ${shop} --scenario us-south)
ceplan_case(plan_shop_zone_elsewhere IN_ROOT ARGS plan ${shop} --scenario zone:jp-tok-1 --format json)
ceplan_case(plan_shop_geography_markdown IN_ROOT ARGS plan ${shop} --scenario geography:Europe --format markdown)
ceplan_case(plan_shop_all_json IN_ROOT ARGS plan ${shop} --scenario all --format json)
# Registries: icr.io is in us-east, which the shop does not use; ca2.icr.io in ca-mon, which has no Code Engine.
ceplan_case(plan_shop_registry_region IN_ROOT ARGS plan ${shop} --scenario region:us-east)
ceplan_case(plan_shop_north_america_markdown IN_ROOT ARGS plan ${shop} --scenario "geography:North America" --format markdown)
ceplan_case(plan_registry_only_region STDIN deploy/registry-only-region.yaml ARGS plan - --scenario region:ca-mon)
# Strategies.
ceplan_case(plan_backup_restore_region IN_ROOT ARGS plan ${cold} --scenario region:eu-de)
ceplan_case(plan_pilot_light_region IN_ROOT ARGS plan ${pilot} --scenario region:us-south)
ceplan_case(plan_no_edge_proxy STDIN deploy/job-runs-twice.yaml ARGS plan - --scenario region:eu-de --ignore-findings)
# A file with error findings gives no plan or runbook unless asked (exit 1, the findings on stderr).
ceplan_case(plan_refuses_error_findings EXIT 1 ARGS plan deploy/job-runs-twice.yaml --scenario all)
ceplan_case(runbook_refuses_error_findings EXIT 1 ARGS runbook deploy/job-runs-twice.yaml --restore-to ca-tor)
ceplan_case(runbook_from_outside_project EXIT 2 IN_ROOT ARGS runbook ${shop} --restore-to ca-tor --from jp-tok)
# Runbooks.
ceplan_case(runbook_backup_restore_text IN_ROOT ARGS runbook ${cold} --restore-to eu-gb)
ceplan_case(runbook_warm_standby_markdown IN_ROOT ARGS runbook ${warm} --restore-to eu-gb --format markdown)
ceplan_case(runbook_shop_json IN_ROOT ARGS runbook ${shop} --restore-to ca-tor --from us-south --format json)
ceplan_case(runbook_pilot_light_json IN_ROOT ARGS runbook ${pilot} --restore-to ca-tor --format json)
# Fail-back: the way back through the same planner, with its effects.
ceplan_case(failback_warm_standby_text IN_ROOT ARGS failback ${warm} --scenario region:us-east --show-effects)
ceplan_case(failback_pilot_light_json IN_ROOT ARGS failback ${pilot} --scenario region:us-south --format json)
ceplan_case(failback_zone_refused EXIT 2 IN_ROOT ARGS failback ${warm} --scenario zone:us-east-1)
# A restore whose images are in the lost region's registry is printed, marked UNSAFE, and exits 2.
ceplan_case(runbook_unsafe_registry EXIT 2 IN_ROOT ARGS runbook ${warm} --restore-to ca-tor)
# Errors.
ceplan_case(plan_unknown_scenario EXIT 2 IN_ROOT ARGS plan ${shop} --scenario region:us-soth)
ceplan_case(plan_bad_scenario EXIT 2 IN_ROOT ARGS plan ${shop} --scenario planet:earth)
ceplan_case(plan_invalid_file EXIT 2 ARGS plan deploy/misspelled-key.yaml --scenario all)
ceplan_case(runbook_unknown_region EXIT 2 IN_ROOT ARGS runbook ${shop} --restore-to eu-gbb)
ceplan_case(runbook_same_region EXIT 2 IN_ROOT ARGS runbook ${shop} --restore-to us-south)

# Every command in plans and runbooks exists in IBM's CLI reference and fits: every example and
# every strategy, restored into a standby or recovery region, a region outside the project and
# back, in JSON, Markdown and text.
set(files)
set(command "true")
foreach(args IN ITEMS "runbook;${cold};--restore-to;eu-gb" "runbook;${cold};--restore-to;eu-es"
                      "runbook;${warm};--restore-to;eu-gb" "runbook;${warm};--restore-to;ca-tor"
                      "runbook;${warm};--restore-to;us-east;--from;eu-gb"
                      "runbook;${shop};--restore-to;ca-tor;--from;us-south" "runbook;${shop};--restore-to;eu-de"
                      "runbook;${pilot};--restore-to;ca-tor" "runbook;${pilot};--restore-to;eu-gb"
                      "runbook;examples/risky.yaml;--restore-to;eu-de;--ignore-findings"
                      "plan;${shop};--scenario;all" "plan;${shop};--scenario;geography:Europe"
                      "plan;${shop};--scenario;zone:eu-de-1" "plan;${warm};--scenario;all"
                      "plan;${warm};--scenario;geography:Europe" "plan;${pilot};--scenario;all"
                      "plan;${cold};--scenario;all" "failback;${warm};--scenario;region:us-east"
                      "failback;${pilot};--scenario;region:us-south" "failback;${shop};--scenario;geography:Europe"
                      "failback;${cold};--scenario;region:eu-de")
  list(JOIN args " " joined)
  foreach(format json markdown text)
    list(LENGTH files index)
    set(extension ${format})
    if(format STREQUAL "markdown")
      set(extension md)
    elseif(format STREQUAL "text")
      set(extension txt)
    endif()
    set(file ${out}/commands-${index}.${extension})
    # Exit 2 is a procedure the simulator marks unsafe (an image in a lost registry): still printed.
    string(APPEND command " && ( $<TARGET_FILE:ceplan> ${joined} --format ${format} -o ${file} || [ $? -eq 2 ] )")
    list(APPEND files ${file})
  endforeach()
endforeach()
list(JOIN files " " file_args)
ceplan_pipeline(commands_exist_in_cli_reference
  "${command} && ${checker} commands tests/schemas/ibmcloud-ce-cli.json ${file_args}")

# The checker itself catches what it is there for, with its reason: the ssh flag on a TLS secret,
# a generic flag on a registry secret, a cron delete that would prompt, a project created without
# a resource group, a Secrets Manager read that may write an empty file or names no instance.
set(bad_commands
  "ibmcloud ce secret create --name t --format tls --key-path t.key --cert-chain-file t.crt@@--key-path does not fit a tls secret"
  "ibmcloud ce secret create --name r --format registry --from-env-file r.env@@--from-env-file does not fit a registry secret"
  "ibmcloud ce subscription cron delete --name j-cron@@'subscription cron delete' needs --force"
  "ibmcloud target -r eu-gb\\nibmcloud ce project create --name p@@created without ibmcloud target -g"
  "(set -o pipefail && umask 077 && ibmcloud secrets-manager secret-by-name --secret-type arbitrary --name x --secret-group-name g --service-url https://x --output json | jq -r .payload > x.env)@@must go through jq -er into a file"
  "(set -o pipefail && umask 077 && ibmcloud secrets-manager secret-by-name --secret-type arbitrary --name x --secret-group-name g --output json | jq -er .payload > x.env)@@needs --service-url")
set(index 0)
foreach(case IN LISTS bad_commands)
  string(REPLACE "@@" ";" parts "${case}")
  list(GET parts 0 bad)
  list(GET parts 1 reason)
  math(EXPR index "${index} + 1")
  file(WRITE ${out}/bad-${index}.json "{\"steps\": [{\"id\": \"s\", \"command\": \"${bad}\"}]}")
  ceplan_pipeline(command_checker_rejects_${index}
    "${checker} commands tests/schemas/ibmcloud-ce-cli.json ${out}/bad-${index}.json 2>&1 | grep -qF -- \"${reason}\"")
endforeach()

# plan, runbook and diff use the catalog .ceplan.yaml names, as validate does (test-1 is only there).
ceplan_case(plan_configured_catalog ARGS plan config-catalog/deploy.yaml --scenario region:test-1 --ignore-findings)
ceplan_case(runbook_configured_catalog EXIT 2 ARGS runbook config-catalog/deploy.yaml --restore-to test-2 --ignore-findings)

# Markdown headings never skip a level (a runbook's phases sit under its Steps heading).
ceplan_pipeline(markdown_heading_levels_do_not_skip
  "for args in 'runbook examples/backup-restore.yaml --restore-to us-east' 'plan examples/shop-active-active.yaml --scenario region:us-south' 'failback examples/api-warm-standby.yaml --scenario region:us-east'; do $<TARGET_FILE:ceplan> $args --format markdown | python3 -c 'import sys; levels = [len(l) - len(l.lstrip(\"#\")) for l in sys.stdin if l.startswith(\"#\")]; assert all(b <= a + 1 for a, b in zip([0] + levels, levels)), levels' || exit 1; done")
