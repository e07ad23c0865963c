#!/usr/bin/env bash
# Checks formatting (clang-format) and, with --tidy, runs clang-tidy over the sources.
#   scripts/lint.sh          check formatting only (fast; part of scripts/check.sh)
#   scripts/lint.sh --fix    reformat in place
#   scripts/lint.sh --tidy   also run clang-tidy (needs a configured build/dev)
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files --cached --others --exclude-standard -- \
  'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp' 'bench/*.cpp' 'fuzz/*.cpp')
case "${1:-}" in
  --fix) clang-format -i "${files[@]}" ;;
  *) clang-format --dry-run -Werror "${files[@]}" ;;
esac
if [ "${1:-}" = "--tidy" ]; then
  mapfile -t sources < <(printf '%s\n' "${files[@]}" | grep '^src/.*\.cpp$')
  clang-tidy -p build/dev --quiet "${sources[@]}"
fi
