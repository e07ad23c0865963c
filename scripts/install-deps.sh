#!/usr/bin/env bash
# Installs whatever ceplan needs to build and test that is not already on this Debian machine:
# the C++ toolchain, CMake, the five libraries, help2man and dpkg-dev for the man page and the
# .deb, and what the tests and the benchmark use (Python modules, zsh, hyperfine, GNU time). Safe to run again; does nothing when all is there.
set -euo pipefail

packages=(
  g++ make cmake pkg-config clang clang-format clang-tidy libclang-rt-14-dev
  python3 python3-jsonschema python3-yaml help2man dpkg-dev lintian zsh hyperfine time
  libcli11-dev nlohmann-json3-dev libyaml-cpp-dev libfmt-dev catch2
)

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "install-deps: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
