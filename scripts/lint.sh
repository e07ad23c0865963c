#!/usr/bin/env bash
# Checks formatting (clang-format) and, with --tidy, runs clang-tidy over the sources.
#   scripts/lint.sh          check formatting only (fast; part of scripts/check.sh)
#   scripts/lint.sh --fix    reformat in place
#   scripts/lint.sh --tidy   also run clang-tidy (needs a configured build/dev)
#   scripts/lint.sh --function-size   fail on a function of more than 60 lines in src/ (needs build/dev)
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files --cached --others --exclude-standard -- \
  'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp' 'bench/*.cpp' 'fuzz/*.cpp' 'fuzz/*.hpp')
case "${1:-}" in
  --fix) clang-format -i "${files[@]}" ;;
  --function-size)
    # Only clang-tidy's size check, as an error: the data tables that may be longer say NOLINT.
    # clang-tidy counts the warnings its disabled checks would give ("N warnings generated."):
    # noise, left out. What remains is a function over the limit, and the verdict.
    set +e
    git ls-files 'src/*.cpp' | xargs -P 2 -n 8 clang-tidy -p build/dev --quiet \
      -checks='-*,readability-function-size' --warnings-as-errors='readability-function-size' \
      -config='{CheckOptions: [{key: readability-function-size.LineThreshold, value: 60}]}' 2>&1 |
      grep -v -E '^[0-9]+ warnings? generated\.$'
    status=${PIPESTATUS[1]}
    set -e
    if [ "$status" -ne 0 ]; then
      echo "lint: a function in src/ has more than 60 lines (above)" >&2
      exit 1
    fi
    echo "lint: every function in src/ has at most 60 lines"
    exit 0 ;;
  *) clang-format --dry-run -Werror "${files[@]}" ;;
esac
if [ "${1:-}" = "--tidy" ]; then
  mapfile -t sources < <(printf '%s\n' "${files[@]}" | grep '^src/.*\.cpp$')
  clang-tidy -p build/dev --quiet "${sources[@]}"
fi
