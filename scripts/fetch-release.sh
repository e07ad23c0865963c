#!/usr/bin/env bash
# Downloads ceplan's release binary for this machine and checks it against the release's
# SHA256SUMS, so that the GitHub Action need not compile ceplan. Usage:
#   fetch-release.sh VERSION DEST_DIR [COMMIT]     (VERSION: 0.1.0 or v0.1.0)
# With COMMIT (a 40-hex SHA the Action is pinned to), the binary is used only when the release
# was made from that commit (the release's COMMIT asset): a later commit keeps the version
# number of the last release until the next one, and must not run that release's binary.
# Exit 0: DEST_DIR/ceplan is the verified release binary.
# Exit 3: there is no release binary for this version, commit or machine (an unreleased commit,
#         a download that failed): build from source instead.
# Exit 1: the binary does not match its checksum, or is not listed: never use it.
# CEPLAN_RELEASE_BASE overrides where releases are
# (default https://github.com/ceplan/ceplan/releases/download); the tests use a file:// URL.
set -euo pipefail
[ $# -eq 2 ] || [ $# -eq 3 ] || { echo "usage: fetch-release.sh VERSION DEST_DIR [COMMIT]" >&2; exit 1; }
tag="v${1#v}"
dest=$2
commit=${3:-}
base=${CEPLAN_RELEASE_BASE:-https://github.com/ceplan/ceplan/releases/download}
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64 | Linux-amd64) asset=ceplan-linux-x86_64 ;;
  Linux-aarch64 | Linux-arm64) asset=ceplan-linux-arm64 ;;
  *) echo "ceplan: no release binary for $(uname -s) $(uname -m)" >&2; exit 3 ;;
esac
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fetch() { curl --fail --silent --show-error --location --retry 3 --proto '=https,file' -o "$work/$1" "$base/$tag/$1"; }
if [ -n "$commit" ]; then
  if ! fetch COMMIT; then
    echo "ceplan: release $tag names no commit; building from source" >&2
    exit 3
  fi
  released=$(tr -d '[:space:]' < "$work/COMMIT")
  if [ "$released" != "$commit" ]; then
    echo "ceplan: commit $commit is not release $tag (made from $released); building from source" >&2
    exit 3
  fi
fi
if ! fetch SHA256SUMS || ! fetch "$asset"; then
  echo "ceplan: no release $tag to download from $base" >&2
  exit 3
fi
# The line for this asset only: `sha256sum -c` on the whole file would want every asset.
expected=$(awk -v name="$asset" '$2 == name || $2 == "*" name { print $1 }' "$work/SHA256SUMS")
if [ -z "$expected" ]; then
  echo "ceplan: $asset is not listed in $tag's SHA256SUMS; not using it" >&2
  exit 1
fi
actual=$(sha256sum "$work/$asset" | cut -d' ' -f1)
if [ "$actual" != "$expected" ]; then
  echo "ceplan: $asset of $tag does not match its checksum (expected $expected, got $actual); not using it" >&2
  exit 1
fi
mkdir -p "$dest"
install -m 0755 "$work/$asset" "$dest/ceplan"
echo "ceplan: installed release $tag ($asset, sha256 $actual)"
