# Bad input of every class (issue: nothing crashes, hangs or lies): each exits 2 with a located
# message. Large inputs are generated into the build tree by a fixture; small ones live in
# tests/data/hostile/.
set(hostile ${CMAKE_CURRENT_BINARY_DIR}/hostile)
add_test(NAME e2e.make_hostile_inputs COMMAND ${PROJECT_SOURCE_DIR}/tests/tools/make_hostile.py ${hostile})
set_tests_properties(e2e.make_hostile_inputs PROPERTIES FIXTURES_SETUP hostile)

ceplan_case(hostile_deep EXIT 2 WORKDIR ${hostile} ARGS validate deep.yaml)
ceplan_case(hostile_big EXIT 2 WORKDIR ${hostile} ARGS validate big.yaml)
ceplan_case(hostile_random EXIT 2 WORKDIR ${hostile} ARGS validate random.yaml)
ceplan_case(hostile_big_stdin EXIT 2 WORKDIR ${hostile} STDIN_ABSOLUTE ${hostile}/big.yaml ARGS validate -)
ceplan_case(hostile_big_catalog EXIT 2 WORKDIR ${hostile} ARGS --catalog big.yaml regions)
ceplan_case(hostile_limit_flag_raises_size EXIT 2 WORKDIR ${hostile} ARGS --max-file-size 64MiB --max-depth 2
            validate big.yaml --fail-on never)
foreach(case IN ITEMS hostile_deep hostile_big hostile_random hostile_big_stdin hostile_big_catalog
                      hostile_limit_flag_raises_size)
  set_tests_properties(e2e.${case} PROPERTIES FIXTURES_REQUIRED hostile)
endforeach()

ceplan_case(hostile_alias_bomb EXIT 2 ARGS validate hostile/alias-bomb.yaml)
ceplan_case(hostile_alias_bomb_raised_node_limit EXIT 2 ARGS --max-nodes 2000000 validate hostile/alias-bomb.yaml)
ceplan_case(hostile_self_alias EXIT 2 ARGS validate hostile/self-alias.yaml)
ceplan_case(hostile_invalid_utf8 EXIT 2 ARGS validate hostile/invalid-utf8.yaml)
ceplan_case(hostile_control_char EXIT 2 ARGS validate hostile/control-char.yaml)
ceplan_case(hostile_nul EXIT 2 ARGS validate hostile/nul.yaml)
ceplan_case(hostile_two_documents EXIT 2 ARGS validate hostile/two-documents.yaml)
ceplan_case(hostile_tab_indent EXIT 2 ARGS validate hostile/tab-indent.yaml)
ceplan_case(hostile_empty EXIT 2 ARGS validate hostile/empty.yaml)
ceplan_case(hostile_lone_comma EXIT 2 ARGS validate hostile/lone-comma.yaml)
ceplan_case(hostile_truncated EXIT 2 ARGS validate hostile/truncated.yaml)
# A directory stands for the deploy files below it (docs/configuration.md); one with none is an error.
ceplan_case(directory_without_deploy_files EXIT 2 ARGS validate live/drifted)
ceplan_case(hostile_missing EXIT 2 ARGS validate hostile/no-such-file.yaml)
ceplan_case(hostile_bom_accepted ARGS validate hostile/bom.yaml)
ceplan_case(hostile_small_node_limit EXIT 2 ARGS --max-nodes 10 validate hostile/bom.yaml)
ceplan_pipeline(hostile_closed_stdin
  "$<TARGET_FILE:ceplan> validate - <&- 2>${out}/closed.err; test $? -eq 2 && grep -q '^<stdin>: error: cannot read standard input' ${out}/closed.err")

# -o FILE: a failed run leaves an existing report byte for byte; a successful one replaces it.
# A run that cannot start (here: no catalog) leaves -o FILE as it was. (Its own directory: other
# tests write reports beside theirs, and their temporary files must not count.)
ceplan_pipeline(output_untouched_on_failure
  "rm -rf ${out}/untouched && mkdir -p ${out}/untouched && printf 'previous report' > ${out}/untouched/report.json && $<TARGET_FILE:ceplan> validate tests/data/deploy/many-errors.yaml --catalog ${out}/no-such-catalog.yaml --format json -o ${out}/untouched/report.json 2>/dev/null; test $? -eq 2 && test \"$(cat ${out}/untouched/report.json)\" = 'previous report' && ! ls ${out}/untouched/.ceplan-* 2>/dev/null")
# A file with input errors is reported in the machine-readable formats too (exit 2), and the
# other files are still checked.
ceplan_pipeline(input_errors_reach_json
  "$<TARGET_FILE:ceplan> validate examples/shop-active-active.yaml tests/data/deploy/misspelled-key.yaml --format json -o ${out}/errors.json 2>/dev/null; test $? -eq 2 && python3 -c \"import json; f = json.load(open('${out}/errors.json'))['files']; assert f[0]['errors'] == [] and f[1]['errors'][0]['line'] == 3, f\"")
ceplan_pipeline(input_errors_reach_sarif
  "$<TARGET_FILE:ceplan> validate examples/risky.yaml tests/data/deploy/misspelled-key.yaml --format sarif -o ${out}/errors.sarif 2>/dev/null; test $? -eq 2 && ${checker} valid tests/schemas/sarif-schema-2.1.0.json ${out}/errors.sarif && grep -q '\"executionSuccessful\": false' ${out}/errors.sarif && grep -q '\"ruleId\": \"CE301\"' ${out}/errors.sarif")
ceplan_pipeline(input_errors_reach_junit
  "$<TARGET_FILE:ceplan> validate tests/data/deploy/misspelled-key.yaml --format junit -o ${out}/errors.xml 2>/dev/null; test $? -eq 2 && ${checker} junit ${out}/errors.xml && grep -q '<error type=\"input\"' ${out}/errors.xml")
ceplan_pipeline(output_replaced_on_success
  "printf 'previous report' > ${out}/report2.json && $<TARGET_FILE:ceplan> validate examples/shop-active-active.yaml --format json -o ${out}/report2.json && grep -q '\"errors\": 0' ${out}/report2.json")
ceplan_pipeline(output_into_missing_directory
  "$<TARGET_FILE:ceplan> regions -o ${out}/no/such/dir/r.txt 2>${out}/nodir.err; test $? -eq 2 && grep -q 'cannot write output' ${out}/nodir.err")
# A closed pipe ends the output quietly: no message on standard error.
ceplan_pipeline(closed_pipe_is_quiet
  "$<TARGET_FILE:ceplan> rules --format markdown 2>${out}/pipe.err | head -c 10 >/dev/null; test ! -s ${out}/pipe.err")

# Every test input (and every fuzzing regression) through every command: never a crash.
add_test(NAME e2e.no_crash_on_any_input
         COMMAND ${CMAKE_COMMAND} -DCEPLAN=$<TARGET_FILE:ceplan>
                 "-DDIRS=${PROJECT_SOURCE_DIR}/tests/data|${PROJECT_SOURCE_DIR}/examples|${hostile}"
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/no_crash.cmake)
set_tests_properties(e2e.no_crash_on_any_input PROPERTIES FIXTURES_REQUIRED hostile)

# Output that cannot be written fails the run; -o never replaces what it must not.
set(io ${out}/io)
ceplan_pipeline(stdout_full_fails "$<TARGET_FILE:ceplan> regions > /dev/full 2>${out}/full.err; test $? -eq 2 && grep -q 'cannot write to standard output' ${out}/full.err")
ceplan_pipeline(stdout_closed_fails "$<TARGET_FILE:ceplan> regions >&- 2>/dev/null; test $? -eq 2")
ceplan_pipeline(output_dash_is_stdout
  "rm -rf ${io}-dash && mkdir -p ${io}-dash && cd ${io}-dash && $<TARGET_FILE:ceplan> regions -o - | grep -q '^Geography' && test ! -e ./-")
ceplan_pipeline(output_never_overwrites_an_input
  "rm -rf ${io}-self && mkdir -p ${io}-self && cp examples/shop-active-active.yaml ${io}-self/in.yaml && $<TARGET_FILE:ceplan> validate ${io}-self/in.yaml -o ${io}-self/in.yaml 2>/dev/null; test $? -eq 2 && cmp -s examples/shop-active-active.yaml ${io}-self/in.yaml")
ceplan_pipeline(output_keeps_mode_and_links
  "rm -rf ${io}-mode && mkdir -p ${io}-mode && cd ${io}-mode && printf old > r.txt && chmod 600 r.txt && ln -s r.txt link.txt && $<TARGET_FILE:ceplan> regions -o link.txt && test -L link.txt && test \"$(stat -c %a r.txt)\" = 600 && grep -q '^Geography' r.txt && ! ls .ceplan-* 2>/dev/null")
ceplan_pipeline(output_writes_through_a_fifo
  "rm -rf ${io}-fifo && mkdir -p ${io}-fifo && cd ${io}-fifo && mkfifo pipe && (timeout 20 cat pipe > got.txt &) && $<TARGET_FILE:ceplan> regions -o pipe && sleep 0.2 && test -p pipe && grep -q '^Geography' got.txt")
ceplan_case(hostile_negative_limit EXIT 2 ARGS regions --max-file-size -1)
# A value that holds a line feed and a workflow command, or an escape sequence, is printed as
# visible escapes on standard error and in annotations, never raw.
ceplan_case(hostile_injection_text EXIT 2 ARGS validate hostile/injection.yaml)
ceplan_case(hostile_injection_github EXIT 2 ARGS validate hostile/injection.yaml --format github)
