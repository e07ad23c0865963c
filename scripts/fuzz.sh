#!/usr/bin/env bash
# Builds the libFuzzer targets (the `fuzz` preset) and runs each for SECONDS (default 60),
# seeded from tests/data/ and examples/, on inputs of up to 1 MiB. Each input must stay within a
# budget of time and heap linear in its size (fuzz/budget.hpp). First every reproducer in
# tests/data/fuzz-regressions/ is run once against that budget, and a budget scaled down to
# nothing must trip, so the check is known to work. A crash, leak, sanitizer report, blown
# budget or timeout fails the run; the input that caused it is left in build/fuzz/artifacts/ —
# copy it into tests/data/fuzz-regressions/ so the normal suite keeps checking it.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz

artifacts=build/fuzz/artifacts
mkdir -p "$artifacts"
limits=(-max_len=1048576 -timeout=300 -rss_limit_mb=8192)

echo "== fuzz_deploy: every reproducer in tests/data/fuzz-regressions/ within its budget"
build/fuzz/fuzz/fuzz_deploy "${limits[@]}" -artifact_prefix="${artifacts}/regression-" tests/data/fuzz-regressions/*.yaml >build/fuzz/regressions.log 2>&1 || {
  tail -n 40 build/fuzz/regressions.log
  echo "fuzz: a reproducer in tests/data/fuzz-regressions/ failed" >&2
  exit 1
}
if CEPLAN_FUZZ_BUDGET_SCALE=0 build/fuzz/fuzz/fuzz_deploy "${limits[@]}" -artifact_prefix=build/fuzz/budget-check- examples/shop-active-active.yaml \
  >build/fuzz/budget-check.log 2>&1 || ! grep -q '^budget exceeded' build/fuzz/budget-check.log; then
  echo "fuzz: a budget of nothing did not trip; the per-input budget checks nothing" >&2
  exit 1
fi
build/fuzz/fuzz/fuzz_config "${limits[@]}" -artifact_prefix="${artifacts}/regression-" tests/data/fuzz-regressions/config/* >build/fuzz/regressions-config.log 2>&1 || {
  tail -n 40 build/fuzz/regressions-config.log
  echo "fuzz: a reproducer in tests/data/fuzz-regressions/config/ failed" >&2
  exit 1
}
build/fuzz/fuzz/fuzz_terraform "${limits[@]}" -artifact_prefix="${artifacts}/regression-" tests/data/terraform/*.json >build/fuzz/regressions-terraform.log 2>&1 || {
  tail -n 40 build/fuzz/regressions-terraform.log
  echo "fuzz: a Terraform fixture in tests/data/terraform/ failed" >&2
  exit 1
}
build/fuzz/fuzz/fuzz_export "${limits[@]}" -artifact_prefix="${artifacts}/regression-" $(find tests/data/live -name '*.json') \
  >build/fuzz/regressions-export.log 2>&1 || {
  tail -n 40 build/fuzz/regressions-export.log
  echo "fuzz: an export fixture in tests/data/live/ failed" >&2
  exit 1
}
for target in fuzz_deploy fuzz_catalog fuzz_terraform fuzz_export fuzz_commands fuzz_config; do
  corpus="build/fuzz/corpus/${target}"
  mkdir -p "$corpus"
  if [ "$target" = fuzz_catalog ]; then
    cp data/regions.yaml tests/data/catalog/*.yaml "$corpus"/
  elif [ "$target" = fuzz_terraform ]; then
    cp tests/data/terraform/*.json "$corpus"/
  elif [ "$target" = fuzz_export ]; then
    find tests/data/live -name '*.json' -exec sh -c 'cp "$1" "$2/$(echo "$1" | tr / _)"' _ {} "$corpus" \;
  elif [ "$target" = fuzz_config ]; then
    cp tests/data/configured/.ceplan.yaml "$corpus"/configured.yaml
    cp tests/data/config-catalog/.ceplan.yaml "$corpus"/config-catalog.yaml
    cp tests/data/fuzz-regressions/config/* "$corpus"/
  else
    find tests/data examples -name '*.yaml' -type f -size -1024k -exec cp {} "$corpus"/ \;
  fi
  echo "== ${target}: ${seconds}s"
  log="build/fuzz/${target}.log"
  status=0
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ASAN_OPTIONS=detect_leaks=1 \
    "build/fuzz/fuzz/${target}" "$corpus" -max_total_time="${seconds}" "${limits[@]}" \
    -print_final_stats=1 -artifact_prefix="${artifacts}/${target}-" >"$log" 2>&1 || status=$?
  grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)' "$log" || true
  if [ "$status" -ne 0 ]; then
    tail -n 60 "$log"
    echo "fuzz: ${target} failed; the input is in ${artifacts}/" >&2
    exit 1
  fi
done
