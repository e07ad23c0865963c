# ceplan diff: each kind of change in text, one in Markdown and JSON, exit codes by --fail-on,
# a side that cannot be read (exit 2, naming it), and --git in a repository made for the test.
foreach(change IN ITEMS standby-removed health-check-slower min-scale-zero region-moved renamed data-moved
                        strategy-changed schedule-duplicated)
  set(expected 0)
  if(change MATCHES "standby-removed|data-moved|strategy-changed|schedule-duplicated")
    set(expected 1)
  endif()
  ceplan_case(diff_${change} EXIT ${expected} ARGS diff diff/base.yaml diff/${change}.yaml)
endforeach()
ceplan_case(diff_markdown EXIT 1 ARGS diff diff/base.yaml diff/standby-removed.yaml --format markdown)
ceplan_case(diff_json EXIT 1 ARGS diff diff/base.yaml diff/standby-removed.yaml --format json)
ceplan_case(diff_fail_on_change EXIT 1 ARGS diff diff/base.yaml diff/renamed.yaml --fail-on change)
ceplan_case(diff_fail_on_never ARGS diff diff/base.yaml diff/standby-removed.yaml --fail-on never)
ceplan_case(diff_threshold EXIT 1 ARGS diff diff/base.yaml diff/health-check-slower.yaml --failover-threshold 30s)
ceplan_case(diff_invalid_side EXIT 2 ARGS diff deploy/misspelled-key.yaml diff/base.yaml)
ceplan_case(diff_needs_two_files EXIT 2 ARGS diff diff/base.yaml)
ceplan_pipeline(diff_git_compares_with_a_revision
  "rm -rf ${out}/diff-git && mkdir -p ${out}/diff-git && cd ${out}/diff-git && git init -q && git config user.email ci@example.com && git config user.name ci && cp ${PROJECT_SOURCE_DIR}/tests/data/diff/base.yaml deploy.yaml && cp ${PROJECT_SOURCE_DIR}/examples/risky.yaml other.yaml && printf 'not: [a deploy file\\n' > notes.yaml && git add . && git commit -qm base && cp ${PROJECT_SOURCE_DIR}/tests/data/diff/standby-removed.yaml deploy.yaml && printf 'still not\\n' > notes.yaml && $<TARGET_FILE:ceplan> diff --git HEAD > out.txt; test $? -eq 1 && grep -qx 'HEAD:deploy.yaml -> deploy.yaml: regressed' out.txt && ! grep -q other.yaml out.txt && ! grep -q notes.yaml out.txt && $<TARGET_FILE:ceplan> diff --git HEAD other.yaml | grep -qx 'verdict: unchanged' && ! $<TARGET_FILE:ceplan> diff --git no-such-revision deploy.yaml 2>err.txt && grep -qx \"ceplan: error: git could not list the files changed since no-such-revision: fatal: bad revision 'no-such-revision'\" err.txt")
add_test(NAME e2e.diff_git_adds_removes_and_breaks_files
         COMMAND sh ${PROJECT_SOURCE_DIR}/tests/tools/check_diff_git.sh $<TARGET_FILE:ceplan> ${PROJECT_SOURCE_DIR} ${out})
ceplan_case(diff_markdown_diagrams ARGS diff diff/base.yaml diff/region-moved.yaml --format markdown)
ceplan_pipeline(diff_markdown_stays_under_a_comment
  "python3 ${PROJECT_SOURCE_DIR}/bench/generate.py 2000 > ${out}/diff-big.yaml && sed 's/interval: 30s, retries: 2/interval: 60s, retries: 2/' ${out}/diff-big.yaml > ${out}/diff-big2.yaml && $<TARGET_FILE:ceplan> --max-nodes 20000000 diff ${out}/diff-big.yaml ${out}/diff-big2.yaml --format markdown > ${out}/diff-big.md; test $? -eq 1 && test $(wc -c < ${out}/diff-big.md) -lt 65536 && grep -q 'more changed outcomes are not shown' ${out}/diff-big.md")
ceplan_case(diff_finding_threshold EXIT 1 ARGS diff diff/base.yaml diff/min-scale-zero.yaml --finding-threshold warning)
ceplan_pipeline(diff_git_output_is_limited
  "rm -rf ${out}/diff-git-big && mkdir -p ${out}/diff-git-big && cd ${out}/diff-git-big && git init -q && git config user.email ci@example.com && git config user.name ci && cp ${PROJECT_SOURCE_DIR}/tests/data/diff/base.yaml deploy.yaml && seq 1 2000 | sed 's/^/# /' >> deploy.yaml && git add . && git commit -qm base && cp ${PROJECT_SOURCE_DIR}/tests/data/diff/base.yaml deploy.yaml && ! $<TARGET_FILE:ceplan> --max-file-size 4096 diff --git HEAD deploy.yaml 2>err.txt && grep -qx 'ceplan: error: git.s output to read HEAD:deploy.yaml is larger than the limit of 4096 bytes (--max-file-size)' err.txt")
# The old side's errors count columns in characters, as validate's and the new side's do.
ceplan_case(diff_old_side_columns_in_characters EXIT 2 ARGS diff diff/accented-error.yaml diff/base.yaml)
