#!/bin/sh
# The GitHub Action's validate step (scripts/action-validate.sh) as a workflow calls it:
# `**` reaches top-level files too, a name with spaces stays whole, a line that matches nothing
# fails the step, and the real ceplan annotates what it finds.
# Usage: check_action.sh CEPLAN SOURCE_DIR WORK_DIR
set -u
ceplan=$1 source=$2 work=$3/action
fail() { echo "FAILED: $*" >&2; exit 1; }
rm -rf "$work" && mkdir -p "$work/repo/deploy/sub" "$work/bin" && cd "$work/repo" || exit 1
git init -q  # a checkout: annotations name paths from its root
cp "$source/tests/data/diff/base.yaml" deploy/top.yaml
cp "$source/tests/data/diff/base.yaml" deploy/sub/deeper.yaml
cp "$source/examples/risky.yaml" "deploy/my app.yaml"
# A ceplan that prints what it was given, one argument per line.
printf '#!/bin/sh\nfor a in "$@"; do echo "[$a]"; done\n' > "$work/bin/ceplan" && chmod +x "$work/bin/ceplan"
step() { PATH="$1:$PATH" CEPLAN_FILES="$2" CEPLAN_SARIF="${3:-}" bash "$source/scripts/action-validate.sh"; }

step "$work/bin" 'deploy/**/*.yaml' ceplan.sarif > out.txt 2>&1 || fail "the step failed: $(cat out.txt)"
for expected in '[deploy/my app.yaml]' '[deploy/sub/deeper.yaml]' '[deploy/top.yaml]' '[sarif=ceplan.sarif]' '[--]'; do
  grep -qxF -- "$expected" out.txt || fail "no $expected among the arguments: $(cat out.txt)"
done
step "$work/bin" "$(printf '  deploy/top.yaml\r\n\ndeploy/my app.yaml\n')" > out.txt 2>&1 || fail "$(cat out.txt)"
[ "$(grep -c '^\[deploy/' out.txt)" = 2 ] || fail "blank lines or CRLF changed the files: $(cat out.txt)"

step "$work/bin" "$(printf 'deploy/top.yaml\nprod/**/*.yaml\n')" > out.txt 2>&1 && fail "a line that matches nothing passed"
grep -qxF "::error title=ceplan::'prod/**/*.yaml' in the files input matches no file (give one path or glob per line)" out.txt ||
  fail "$(cat out.txt)"

step "$work/bin" 'deploy/no-such%.yaml' > out.txt 2>&1 && fail "a path that does not exist passed"
grep -qxF "::error title=ceplan::'deploy/no-such%25.yaml' in the files input matches no file (give one path or glob per line)" out.txt ||
  fail "$(cat out.txt)"

step "$(dirname "$ceplan")" 'deploy/**/*.yaml' > out.txt 2>&1 && fail "findings in deploy/my app.yaml passed the step"
grep -q '^::error file=deploy/my app.yaml,line=' out.txt || fail "no annotation for deploy/my app.yaml: $(cat out.txt)"
echo "action step: every case passed"
