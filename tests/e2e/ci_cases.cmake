# Machine-readable outputs checked by independent parsers (tests/tools/check_output.py):
# SARIF against the OASIS schema, JUnit as XML, GitHub workflow-command syntax, and the deploy
# file's JSON Schema against every example.
set(checker ${PROJECT_SOURCE_DIR}/tests/tools/check_output.py)
set(out ${CMAKE_CURRENT_BINARY_DIR}/ci-output)
file(MAKE_DIRECTORY ${out})
set(examples examples/shop-active-active.yaml examples/api-warm-standby.yaml examples/backup-restore.yaml
             examples/risky.yaml)

function(ceplan_pipeline name command)
  add_test(NAME e2e.${name} COMMAND sh -c "${command}" WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endfunction()

list(JOIN examples " " example_args)
ceplan_pipeline(sarif_validates_against_oasis_schema
  "$<TARGET_FILE:ceplan> validate ${example_args} --format sarif -o ${out}/all.sarif; test $? -eq 1 && ${checker} valid tests/schemas/sarif-schema-2.1.0.json ${out}/all.sarif")
ceplan_pipeline(junit_parses_as_xml
  "$<TARGET_FILE:ceplan> validate ${example_args} --format junit -o ${out}/all.xml; test $? -eq 1 && ${checker} junit ${out}/all.xml")
ceplan_pipeline(github_commands_match_syntax
  "$<TARGET_FILE:ceplan> validate examples/risky.yaml --format github -o ${out}/risky.txt; test $? -eq 1 && ${checker} github ${out}/risky.txt")
ceplan_pipeline(schema_accepts_examples
  "$<TARGET_FILE:ceplan> schema -o ${out}/deploy.schema.json && ${checker} valid ${out}/deploy.schema.json ${example_args} tests/data/deploy/warnings-only.yaml")
ceplan_pipeline(schema_rejects_unknown_key
  "$<TARGET_FILE:ceplan> schema -o ${out}/deploy.schema.json && ${checker} invalid ${out}/deploy.schema.json tests/data/deploy/misspelled-key.yaml tests/data/deploy/many-errors.yaml")

# Golden outputs of each format, and the schema shipped in docs/.
ceplan_case(validate_sarif IN_ROOT EXIT 1 ARGS validate examples/backup-restore.yaml examples/risky.yaml --format sarif)
ceplan_case(validate_junit IN_ROOT EXIT 1 ARGS validate examples/backup-restore.yaml examples/risky.yaml --format junit)
ceplan_case(validate_github IN_ROOT EXIT 1 ARGS validate examples/risky.yaml --format github)
ceplan_case(validate_junit_fail_on_never IN_ROOT ARGS validate examples/risky.yaml --format junit --fail-on never
            --enable-only CE101,CE301)
ceplan_case(schema STDOUT_FILE docs/deploy.schema.json ARGS schema)
ceplan_case(schema_config STDOUT_FILE docs/ceplan-config.schema.json ARGS schema --config)
ceplan_case(schema_markdown STDOUT_FILE docs/deploy-file-keys.md ARGS schema --format markdown)
ceplan_case(schema_man_is_the_deploy_files EXIT 2 ARGS schema --config --format man)

# Several reports in one run; GitLab Code Quality and Checkstyle checked by their own parsers.
ceplan_pipeline(several_formats_in_one_run
  "rm -f ${out}/multi.* && $<TARGET_FILE:ceplan> validate ${example_args} --format github --format sarif=${out}/multi.sarif --format junit=${out}/multi.xml --format codeclimate=${out}/multi.cq.json --format checkstyle=${out}/multi.cs.xml > ${out}/multi.txt; test $? -eq 1 && ${checker} github ${out}/multi.txt && grep -q 'every finding is in the job log and in ${out}/multi.sarif' ${out}/multi.txt && ${checker} valid tests/schemas/sarif-schema-2.1.0.json ${out}/multi.sarif && ${checker} junit ${out}/multi.xml && ${checker} codeclimate ${out}/multi.cq.json && ${checker} checkstyle ${out}/multi.cs.xml")
ceplan_case(validate_two_formats_to_stdout EXIT 2 IN_ROOT ARGS validate examples/risky.yaml --format text --format json)
ceplan_case(validate_unknown_format EXIT 2 IN_ROOT ARGS validate examples/risky.yaml --format yaml=x.yaml)
ceplan_case(validate_codeclimate IN_ROOT EXIT 1 ARGS validate examples/backup-restore.yaml examples/risky.yaml --format codeclimate)
ceplan_case(validate_checkstyle IN_ROOT EXIT 1 ARGS validate examples/backup-restore.yaml examples/risky.yaml --format checkstyle)

# Paths: as typed but normalised for people; relative to the repository root (found by .git,
# or --base-dir) in CI formats; standard input under --stdin-filename.
ceplan_case(validate_path_normalised IN_ROOT EXIT 1 ARGS validate ./examples/../examples/risky.yaml --enable-only CE101)
ceplan_case(validate_stdin_filename IN_ROOT EXIT 1 STDIN ../../examples/risky.yaml
            ARGS validate - --stdin-filename ./examples/risky.yaml --enable-only CE101 --format github)
ceplan_case(validate_base_dir EXIT 1 ARGS validate ../../examples/risky.yaml --base-dir ../.. --enable-only CE101 --format github)
ceplan_pipeline(repository_root_found_by_git
  "rm -rf ${out}/repo && mkdir -p ${out}/repo/.git ${out}/repo/deploy/prod && cp examples/risky.yaml ${out}/repo/deploy/prod/ && cd ${out}/repo/deploy && $<TARGET_FILE:ceplan> validate prod/risky.yaml --enable-only CE101 --format github | grep -q '^::error file=deploy/prod/risky.yaml,line=12'")

# The loader and the JSON Schema give the same verdict on variations of one file: empty and
# numeric names, percentages as strings, YAML 1.2 booleans and integers (True, +1, 0x1, 1e1).
add_test(NAME e2e.schema_and_loader_agree COMMAND ${PROJECT_SOURCE_DIR}/tests/tools/agreement.py $<TARGET_FILE:ceplan>)

# The recipes: action.yml and the workflow pass action-validator; the GitLab job, the Dockerfile
# and the action install what the build needs and pin the release; the pre-commit hook runs
# from a repository as `pre-commit try-repo` sets it up, passing a clean file and failing a risky one.
add_test(NAME e2e.recipes_pass_their_validators COMMAND ${PROJECT_SOURCE_DIR}/tests/tools/check_recipes.py ${PROJECT_SOURCE_DIR})
ceplan_pipeline(pre_commit_hook_runs
  "rm -rf ${out}/pre-commit && mkdir -p ${out}/pre-commit/repo && cd ${out}/pre-commit/repo && git init -q && mkdir deploy && cp ${PROJECT_SOURCE_DIR}/examples/shop-active-active.yaml deploy-shop.yaml && cp ${PROJECT_SOURCE_DIR}/examples/risky.yaml deploy-risky.yaml && cp deploy-shop.yaml deploy/shop.yaml && cp deploy-risky.yaml deploy/risky.yml && git add . && export PATH=$<TARGET_FILE_DIR:ceplan>:$PATH PRE_COMMIT_HOME=${out}/pre-commit/home && pre-commit try-repo ${PROJECT_SOURCE_DIR} ceplan-validate --files deploy-shop.yaml deploy/shop.yaml >shop.log 2>&1 && grep -q 'Passed' shop.log && ! pre-commit try-repo ${PROJECT_SOURCE_DIR} ceplan-validate --files deploy-risky.yaml >risky.log 2>&1 && grep -q 'error\\[CE101\\]' risky.log && ! pre-commit try-repo ${PROJECT_SOURCE_DIR} ceplan-validate --files deploy/risky.yml >risky.log 2>&1 && grep -q 'deploy/risky.yml:.*error\\[CE101\\]' risky.log")

# junit-strict follows the Apache Ant JUnit schema (windyroad JUnit.xsd) and Jenkins' xunit
# junit-10.xsd: tests/tools/check_output.py checks what both require and allow.
ceplan_case(validate_junit_strict IN_ROOT EXIT 1 ENV SOURCE_DATE_EPOCH=86400
            ARGS validate examples/backup-restore.yaml examples/risky.yaml --format junit-strict)
ceplan_pipeline(junit_strict_fits_ant_and_jenkins_schemas
  "$<TARGET_FILE:ceplan> validate ${example_args} tests/data/deploy/misspelled-key.yaml --format junit-strict -o ${out}/strict.xml; test $? -eq 2 && ${checker} junit-strict ${out}/strict.xml")
# Code scanning reads no `suppressions`: suppressed findings stay out unless asked for.
ceplan_pipeline(sarif_shows_suppressions_on_request
  "$<TARGET_FILE:ceplan> validate tests/data/deploy/suppressed.yaml --format sarif -o ${out}/suppressed.sarif && ! grep -q '\"suppressions\"' ${out}/suppressed.sarif && $<TARGET_FILE:ceplan> validate tests/data/deploy/suppressed.yaml --format sarif --sarif-suppressed --sarif-category ceplan-prod -o ${out}/suppressed.sarif && ${checker} valid tests/schemas/sarif-schema-2.1.0.json ${out}/suppressed.sarif && grep -q '\"kind\": \"inSource\"' ${out}/suppressed.sarif && grep -q '\"id\": \"ceplan-prod/\"' ${out}/suppressed.sarif")
# The GitHub Action's validate step, and the download of a release binary it and the recipes use.
add_test(NAME e2e.action_expands_files_as_documented
         COMMAND sh ${PROJECT_SOURCE_DIR}/tests/tools/check_action.sh $<TARGET_FILE:ceplan> ${PROJECT_SOURCE_DIR} ${out})
add_test(NAME e2e.release_download_is_verified
         COMMAND sh ${PROJECT_SOURCE_DIR}/tests/tools/check_fetch_release.sh $<TARGET_FILE:ceplan> ${PROJECT_SOURCE_DIR} ${out})
