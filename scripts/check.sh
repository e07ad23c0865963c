#!/usr/bin/env bash
# Builds and runs the whole test suite: the dev build (warnings as errors), then the same suite
# under AddressSanitizer and UndefinedBehaviorSanitizer. Installs missing packages first.
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
