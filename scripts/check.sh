#!/usr/bin/env bash
# Builds and runs the whole test suite: the dev build (warnings as errors), the same suite under
# AddressSanitizer and UndefinedBehaviorSanitizer, then each fuzz target for CEPLAN_FUZZ_SECONDS
# (default 60), with the 60-line function limit checked by clang-tidy in between. Installs missing
# packages first.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh

echo "== format"
scripts/lint.sh

for preset in dev asan; do
  echo "== ${preset}: configure, build, test"
  cmake --preset "${preset}" >/dev/null
  cmake --build --preset "${preset}"
  ctest --preset "${preset}" -j 2
done

echo "== functions of at most 60 lines"
scripts/lint.sh --function-size

echo "== fuzz: ${CEPLAN_FUZZ_SECONDS:-60}s per target"
scripts/fuzz.sh "${CEPLAN_FUZZ_SECONDS:-60}"
