#!/usr/bin/env bash
# The GitHub Action's validate step (action.yml): expands the `files` input and runs
# `ceplan validate` with annotations and, if asked, a SARIF report.
#
# The inputs arrive in the environment, never pasted into the script:
#   CEPLAN_FILES           one path or glob per line; a line may hold spaces; `**` spans
#                          directories; empty: the files .ceplan.yaml's `paths` names
#   CEPLAN_FAIL_ON         error, warning, info or never
#   CEPLAN_SARIF           a SARIF report's path, or empty
#   CEPLAN_SARIF_CATEGORY  code scanning's category, or empty
# A line that matches no file fails the step, naming it: a green check must mean files were
# checked.
set -euo pipefail
shopt -s globstar nullglob

# The files `$1` names: a glob expanded with no word splitting, so a name with spaces stays whole.
expand() {
  local IFS=
  # shellcheck disable=SC2206 # unquoted on purpose: the glob must expand
  matches=($1)
}

files=()
while IFS= read -r line || [ -n "$line" ]; do
  # Surrounding blanks and a Windows line end are not part of a name.
  pattern="${line#"${line%%[![:space:]]*}"}"
  pattern="${pattern%"${pattern##*[![:space:]]}"}"
  [ -n "$pattern" ] || continue
  expand "$pattern"
  # A glob that matches nothing expands to nothing; a plain path, to itself, whether or not it
  # exists.
  if [ "${#matches[@]}" -eq 0 ] || [ ! -e "${matches[0]}" ]; then
    shown=${pattern//%/%25}
    echo "::error title=ceplan::'$shown' in the files input matches no file (give one path or glob per line)"
    exit 2
  fi
  files+=("${matches[@]}")
done <<< "${CEPLAN_FILES:-}"

args=(--format github --fail-on "${CEPLAN_FAIL_ON:-error}")
if [ -n "${CEPLAN_SARIF:-}" ]; then
  args+=(--format "sarif=$CEPLAN_SARIF")
fi
if [ -n "${CEPLAN_SARIF_CATEGORY:-}" ]; then
  args+=(--sarif-category "$CEPLAN_SARIF_CATEGORY")
fi
echo "ceplan: checking ${#files[@]} file(s)${files[0]+: ${files[*]}}"
# `--` ends the options: a file named like an option is still a file.
exec ceplan validate "${args[@]}" -- "${files[@]}"
