#!/usr/bin/env bash
# Shows that the planner's property test bites: breaks one invariant's guard in the planner at a
# time (a sed on one source file), rebuilds the dev build's property test, and requires it to fail
# on CEPLAN_PROPERTY_FILES generated files (default 300). Restores each file afterwards. Needs a
# configured build/dev; prints one line per mutation and fails if any mutant survives.
set -euo pipefail
cd "$(dirname "$0")/.."
export CEPLAN_PROPERTY_FILES="${CEPLAN_PROPERTY_FILES:-300}"

# name | file | sed expression that removes the guard
mutations=(
  "1 reachable: fencing runs at once, not when the region answers|src/planner/procedure.cpp|s/step.when_region_answers = !m_state.reachable(region);/step.when_region_answers = false;/"
  "2 preconditions: the project is never created|src/planner/takeover.cpp|s/if (region == nullptr || !region->project) {/if (region == nullptr \\&\\& false) {/"
  "3 schedules: a schedule is created while it is live elsewhere|src/planner/takeover.cpp|s/} else if (!live.empty()) {/} else if (false) {/"
  "4 traffic: a lost region's pool is never fenced|src/planner/procedure.cpp|s/if (state != nullptr \&\& state->pool.value_or(false)) {/if (state != nullptr \&\& false) {/"
  "5 data: only the first reader is restarted|src/planner/procedure.cpp|s/      } else if (reads) {/      } else if (reads \&\& !restarts) {/"
  "6 scale: a takeover keeps its own scale|src/planner/takeover.cpp|s/    min = std::max(min, before.min_scale);/    (void)before;/"
  "7 goal: fail-back leaves the data where the failover put it|src/planner/failback.cpp|s/    if (now == home || now.empty())/    if (now == home || now.empty() || true)/"
)

# Whatever happens, the build ends up matching the sources again.
trap 'cmake --build --preset dev --target ceplan_property_tests >/dev/null 2>&1 || true' EXIT

survived=0
for entry in "${mutations[@]}"; do
  IFS='|' read -r name file expression <<<"$entry"
  cp "$file" "$file.orig"
  sed -i "$expression" "$file"
  if cmp -s "$file" "$file.orig"; then
    mv "$file.orig" "$file"
    echo "mutation: '$name' changed nothing; fix its sed" >&2
    exit 1
  fi
  status=0
  if ! cmake --build --preset dev --target ceplan_property_tests >/dev/null 2>&1; then
    mv "$file.orig" "$file"
    echo "mutation: '$name' does not build; fix its sed" >&2
    exit 1
  fi
  build/dev/tests/property/ceplan_property_tests 'every procedure*' >/dev/null 2>&1 || status=$?
  mv "$file.orig" "$file"
  touch "$file"
  if [ "$status" -ne 0 ]; then
    echo "killed:   invariant $name"
  else
    echo "SURVIVED: invariant $name"
    survived=1
  fi
done
exit "$survived"
