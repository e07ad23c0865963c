#!/bin/sh
# `ceplan diff --git` on a pull request's kinds of change: a deploy file added, deleted, modified
# under a name git C-quotes, broken by the change; a revision that looks like an option; git
# missing. Usage: check_diff_git.sh CEPLAN SOURCE_DIR WORK_DIR
set -u
ceplan=$1 source=$2 work=$3/diff-git-changes
fail() { echo "FAILED: $*" >&2; exit 1; }
expect() {  # expect EXIT FILE-OF-OUTPUT LINE: the exit status, and LINE among the output's lines
  [ "$1" = "$status" ] || fail "exit $status, expected $1 ($2)"
  grep -qxF -- "$3" "$2" || { cat "$2" >&2; fail "no line '$3' in $2"; }
}
rm -rf "$work" && mkdir -p "$work/deploy" && cd "$work" || exit 1
git init -q && git config user.email ci@example.com && git config user.name ci || exit 1
for name in base gone réseau broken; do cp "$source/tests/data/diff/base.yaml" "deploy/$name.yaml"; done
printf 'notes: [not a deploy file\n' > deploy/notes.yaml
git add . && git commit -qm base || exit 1

cp "$source/tests/data/diff/base.yaml" deploy/new.yaml && git add deploy/new.yaml
git rm -q deploy/gone.yaml
cp "$source/tests/data/diff/standby-removed.yaml" deploy/réseau.yaml
printf 'still: not\n' > deploy/notes.yaml
"$ceplan" diff --git HEAD > out.txt 2> err.txt; status=$?
expect 1 out.txt 'deploy/new.yaml (added): changed'
expect 1 out.txt 'HEAD:deploy/gone.yaml (removed): regressed'
expect 1 out.txt 'HEAD:deploy/réseau.yaml -> deploy/réseau.yaml: regressed'
expect 1 out.txt "  app 'payments-api' added"
grep -q 'notes.yaml\|base.yaml' out.txt && fail "an unchanged file or a non-deploy file was reported"
"$ceplan" diff --git HEAD --format json > out.json; status=$?
python3 -c 'import json,sys; f=json.load(open(sys.argv[1]))["files"]; sys.exit(not ([x["change"] for x in f] == ["removed","added","modified"] and f[0]["after"] is None and f[1]["before"] is None))' out.json \
  || fail "JSON does not say which files were added and removed: $(cat out.json)"

echo 'oops: [' >> deploy/broken.yaml
"$ceplan" diff --git HEAD > out.txt 2> err.txt; status=$?
expect 2 err.txt 'deploy/broken.yaml: error: no longer loads as a deploy file (it did at HEAD)'
expect 2 err.txt 'deploy/broken.yaml:51:1: error: end of sequence flow not found'

# A file not yet added to git, named on the command line, is new.
cp "$source/tests/data/diff/base.yaml" deploy/untracked.yaml
"$ceplan" diff --git HEAD deploy/untracked.yaml > out.txt 2> err.txt; status=$?
expect 0 out.txt 'deploy/untracked.yaml (added): changed'

# A revision is never an option of git's: --output=x would make git truncate x.
"$ceplan" diff --git=--output=x > out.txt 2> err.txt; status=$?
expect 2 err.txt "ceplan: error: git could not list the files changed since --output=x: fatal: bad revision '--output=x'"
[ ! -e x ] || fail "git wrote x"
"$ceplan" diff --git 'HEAD; touch y' deploy/base.yaml > out.txt 2> err.txt; status=$?
[ "$status" = 2 ] && [ ! -e y ] || fail "a revision reached a shell"

PATH=/nonexistent "$ceplan" diff --git HEAD > out.txt 2> err.txt; status=$?
expect 2 err.txt 'ceplan: error: cannot run git: it is not installed, or not on PATH'
echo "diff --git: every case passed"
