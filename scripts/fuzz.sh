#!/usr/bin/env bash
# Builds the libFuzzer targets (the `fuzz` preset) and runs each for SECONDS (default 60),
# seeded from tests/data/ and examples/. A crash, leak, sanitizer report or timeout fails the
# run; the input that caused it is left in build/fuzz/artifacts/ — copy it into
# tests/data/fuzz-regressions/ so the normal suite keeps checking it.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz

artifacts=build/fuzz/artifacts
mkdir -p "$artifacts"
for target in fuzz_deploy fuzz_catalog; do
  corpus="build/fuzz/corpus/${target}"
  mkdir -p "$corpus"
  if [ "$target" = fuzz_catalog ]; then
    cp data/regions.yaml tests/data/catalog/*.yaml "$corpus"/
  else
    find tests/data examples -name '*.yaml' -type f -size -64k -exec cp {} "$corpus"/ \;
  fi
  echo "== ${target}: ${seconds}s"
  log="build/fuzz/${target}.log"
  status=0
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ASAN_OPTIONS=detect_leaks=1 \
    "build/fuzz/fuzz/${target}" "$corpus" -max_total_time="${seconds}" -max_len=65536 -timeout=10 \
    -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="${artifacts}/${target}-" >"$log" 2>&1 || status=$?
  grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)' "$log" || true
  if [ "$status" -ne 0 ]; then
    tail -n 60 "$log"
    echo "fuzz: ${target} failed; the input is in ${artifacts}/" >&2
    exit 1
  fi
done
