#!/bin/sh
# scripts/fetch-release.sh against a release laid out as GitHub serves it (file:// here): a
# verified binary is installed; a tampered or unlisted one is refused (exit 1, never used); a
# version with no release asks for a build (exit 3).
# Usage: check_fetch_release.sh CEPLAN SOURCE_DIR WORK_DIR
set -u
ceplan=$1 source=$2 work=$3/fetch-release
fail() { echo "FAILED: $*" >&2; exit 1; }
rm -rf "$work" && mkdir -p "$work/releases/v0.1.0" && cd "$work/releases/v0.1.0" || exit 1
cp "$ceplan" ceplan-linux-x86_64 && cp "$ceplan" ceplan-linux-arm64
sha256sum ceplan-linux-x86_64 ceplan-linux-arm64 > SHA256SUMS
cd "$work" || exit 1
fetch() { CEPLAN_RELEASE_BASE="file://$work/releases" bash "$source/scripts/fetch-release.sh" "$@" > out.txt 2>&1; }

fetch 0.1.0 "$work/bin"; status=$?
[ "$status" = 0 ] || fail "exit $status: $(cat out.txt)"
"$work/bin/ceplan" version > /dev/null || fail "the installed binary does not run"
grep -q '^ceplan: installed release v0.1.0 (ceplan-linux-' out.txt || fail "$(cat out.txt)"

# Pinned to a commit: the binary is used only if the release was made from it.
echo 0123456789abcdef0123456789abcdef01234567 > releases/v0.1.0/COMMIT
rm -rf "$work/bin"
fetch v0.1.0 "$work/bin" 0123456789abcdef0123456789abcdef01234567; status=$?
[ "$status" = 0 ] && [ -x "$work/bin/ceplan" ] || fail "the released commit: exit $status: $(cat out.txt)"
rm -rf "$work/bin"
fetch v0.1.0 "$work/bin" fedcba9876543210fedcba9876543210fedcba98; status=$?
[ "$status" = 3 ] && grep -q "^ceplan: commit fedcba98.* is not release v0.1.0 (made from 01234567" out.txt ||
  fail "a later commit: exit $status: $(cat out.txt)"
[ ! -e "$work/bin/ceplan" ] || fail "a later commit got the release's binary"
rm releases/v0.1.0/COMMIT
fetch v0.1.0 "$work/bin" fedcba9876543210fedcba9876543210fedcba98; status=$?
[ "$status" = 3 ] && grep -q "release v0.1.0 names no commit; building from source" out.txt ||
  fail "no COMMIT: exit $status: $(cat out.txt)"

rm -rf "$work/bin"
for asset in ceplan-linux-x86_64 ceplan-linux-arm64; do printf 'x' >> "releases/v0.1.0/$asset"; done
fetch v0.1.0 "$work/bin"; status=$?
[ "$status" = 1 ] || fail "a tampered binary: exit $status, expected 1: $(cat out.txt)"
grep -q 'does not match its checksum (expected [0-9a-f]\{64\}, got [0-9a-f]\{64\}); not using it$' out.txt || fail "$(cat out.txt)"
[ ! -e "$work/bin/ceplan" ] || fail "a tampered binary was installed"

: > releases/v0.1.0/SHA256SUMS
fetch v0.1.0 "$work/bin"; status=$?
[ "$status" = 1 ] && grep -q "is not listed in v0.1.0's SHA256SUMS; not using it" out.txt || fail "an unlisted binary: exit $status: $(cat out.txt)"

fetch 9.9.9 "$work/bin"; status=$?
[ "$status" = 3 ] && grep -q "^ceplan: no release v9.9.9 to download from file://" out.txt || fail "no release: exit $status: $(cat out.txt)"
echo "fetch-release: every case passed"
