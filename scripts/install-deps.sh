#!/usr/bin/env bash
# Installs whatever ceplan needs to build and test that is not already on this Debian machine:
# the C++ toolchain, CMake, ccache, the five libraries, help2man and dpkg-dev for the man page and the
# .deb, and what the tests and the benchmark use (Python modules, zsh, hyperfine, GNU time, valgrind,
# pre-commit; with --test-tools also, from npm, the action-validator pinned in
# tests/tools/package-lock.json, which only the test suite uses). Safe to run again; does nothing
# when all is there.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  g++ make cmake ccache pkg-config clang clang-format clang-tidy libclang-rt-14-dev
  python3 python3-jsonschema python3-yaml jq shellcheck help2man dpkg-dev lintian zsh hyperfine time valgrind git pre-commit
  libcli11-dev nlohmann-json3-dev libyaml-cpp-dev libfmt-dev catch2
)

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done

# Node.js may come from elsewhere than Debian; only a missing npm is installed from Debian.
if ! command -v npm >/dev/null 2>&1; then
  missing+=(npm)
fi

# The recipe validator, at the version the lock file pins, from the npm registry.
install_npm_tools() {
  if [ "${1:-}" = --test-tools ] && [ ! -x tests/tools/node_modules/.bin/action-validator ]; then
    echo "install-deps: installing tests/tools/package-lock.json with npm" >&2
    (cd tests/tools && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
}

if [ ${#missing[@]} -eq 0 ]; then
  install_npm_tools "${1:-}"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "install-deps: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
install_npm_tools "${1:-}"
