# Runs ceplan on every file under the given directories as a deploy file (validate, plan,
# runbook), as a catalog and as a baseline; any exit code other than 0, 1 or 2 (a crash, an abort, a sanitizer
# report) fails. Crash inputs found by fuzzing go into tests/data/fuzz-regressions/.
#   cmake -DCEPLAN=... -DDIRS=a|b -P no_crash.cmake
string(REPLACE "|" ";" DIRS "${DIRS}")
set(count 0)
foreach(dir IN LISTS DIRS)
  file(GLOB_RECURSE files LIST_DIRECTORIES false ${dir}/*)
  foreach(file IN LISTS files)
    foreach(args IN ITEMS "validate;${file}" "plan;${file};--scenario;all" "runbook;${file};--restore-to;br-sao"
                          "--catalog;${file};regions" "validate;${file};--baseline;${file}")
      execute_process(COMMAND ${CEPLAN} ${args} RESULT_VARIABLE code OUTPUT_QUIET ERROR_VARIABLE err TIMEOUT 20)
      if(NOT code MATCHES "^[012]$")
        message(FATAL_ERROR "ceplan ${args}: exit ${code}\n${err}")
      endif()
      math(EXPR count "${count} + 1")
    endforeach()
  endforeach()
endforeach()
message(STATUS "${count} runs, none crashed")
