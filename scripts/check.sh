#!/usr/bin/env bash
# Builds and runs the whole test suite: the dev build (warnings as errors) with the planner's
# property test and its mutation check, the same suite under AddressSanitizer and
# UndefinedBehaviorSanitizer (the property test on fewer files), the 60-line function limit
# (clang-tidy), then each fuzz target for CEPLAN_FUZZ_SECONDS (default 60, 20 under CI=true).
# Installs missing packages first, and prints each stage's time at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

fuzz_seconds="${CEPLAN_FUZZ_SECONDS:-$([ "${CI:-}" = true ] && echo 20 || echo 60)}"
# ccache (when installed) may reuse objects built from another checkout of the same sources: paths
# below the checkout are hashed relative to it, and debug information may name the other checkout.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$(pwd)}" CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-1}"
stages=()
stage_start=$SECONDS
stage() {
  local now=$SECONDS
  if [ -n "${stage_name:-}" ]; then
    stages+=("$(printf '%-34s %4ds' "$stage_name" $((now - stage_start)))")
  fi
  stage_name="$1"
  stage_start=$now
  [ -n "$1" ] && echo "== $1"
  return 0
}
report() {
  local status=$? last="${stage_name:-}"
  stage ""
  echo "== stage times"
  printf '  %s\n' "${stages[@]}"
  echo "  total                              ${SECONDS}s"
  if [ "$status" -eq 0 ]; then
    echo "== check passed"
  else
    echo "== check FAILED (exit ${status}) in stage: ${last}"
  fi
}
trap report EXIT

stage "install missing packages"
scripts/install-deps.sh --test-tools

stage "format"
scripts/lint.sh

for preset in dev asan; do
  stage "${preset}: configure, build, test"
  cmake --preset "${preset}" >/dev/null
  cmake --build --preset "${preset}"
  ctest --preset "${preset}" -j 2
  if [ "$preset" = dev ]; then
    stage "dev: mutation check of the planner"
    scripts/mutation.sh
  fi
done

stage "functions of at most 60 lines"
scripts/lint.sh --function-size

stage "fuzz: ${fuzz_seconds}s per target"
scripts/fuzz.sh "${fuzz_seconds}"
