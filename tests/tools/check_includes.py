#!/usr/bin/python3
"""Enforces the include rules docs/ARCHITECTURE.md states, which the layer libraries alone do not:

- no source climbs out of its folder with `#include "../...`: includes name `layer/file.hpp`;
- yaml-cpp is included only by the loader, nlohmann/json only by the loader's JSON reader and by
  render (which writes JSON), CLI11 only by cli.

  check_includes.py SRC_DIR     report every violation; exit 1 if there is one
  check_includes.py --self-test plant each kind of violation in a scratch tree and expect it found
"""
import os
import re
import sys
import tempfile

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
# Library include prefix -> the paths (relative to src/) allowed to include it.
ALLOWED = {
    "yaml-cpp/": ("loader/",),
    "nlohmann/": ("loader/json_document.", "render/"),
    "CLI/": ("cli/",),
}


def violations(src):
    found = []
    for directory, _, names in os.walk(src):
        for name in sorted(names):
            if not name.endswith((".cpp", ".hpp", ".h", ".cpp.in")):
                continue
            path = os.path.join(directory, name)
            relative = os.path.relpath(path, src).replace(os.sep, "/")
            with open(path, encoding="utf-8", errors="replace") as handle:
                for number, line in enumerate(handle, 1):
                    match = INCLUDE.match(line)
                    if not match:
                        continue
                    kind, target = match.groups()
                    where = f"src/{relative}:{number}"
                    if kind == '"' and target.startswith("../"):
                        found.append(f"{where}: #include \"{target}\" climbs out of its folder; "
                                     "name the header as layer/file.hpp")
                    for prefix, allowed in ALLOWED.items():
                        if target.startswith(prefix) and not relative.startswith(allowed):
                            found.append(f"{where}: includes <{target}>, which only {', '.join(allowed)} may include")
    return found


def self_test():
    planted = {
        "rules/a.cpp": '#include "../model/deployment.hpp"\n',
        "model/b.cpp": "#include <yaml-cpp/yaml.h>\n",
        "planner/c.hpp": "#include <nlohmann/json.hpp>\n",
        "render/d.cpp": "#include <CLI/CLI.hpp>\n",
        "loader/json_document.cpp": "#include <nlohmann/json.hpp>\n",
        "render/e.cpp": "#include <nlohmann/json.hpp>\n",
        "cli/f.cpp": "#include <CLI/CLI.hpp>\n",
    }
    with tempfile.TemporaryDirectory() as src:
        for name, text in planted.items():
            os.makedirs(os.path.join(src, os.path.dirname(name)), exist_ok=True)
            with open(os.path.join(src, name), "w", encoding="utf-8") as handle:
                handle.write(text)
        found = violations(src)
    expected = [
        "src/model/b.cpp:1: includes <yaml-cpp/yaml.h>, which only loader/ may include",
        "src/planner/c.hpp:1: includes <nlohmann/json.hpp>, which only loader/json_document., render/ may include",
        "src/render/d.cpp:1: includes <CLI/CLI.hpp>, which only cli/ may include",
        "src/rules/a.cpp:1: #include \"../model/deployment.hpp\" climbs out of its folder; name the header as "
        "layer/file.hpp",
    ]
    if sorted(found) != expected:
        print("check_includes self-test: expected\n  " + "\n  ".join(expected) + "\nfound\n  " + "\n  ".join(found))
        return 1
    print(f"check_includes self-test: each of the {len(expected)} planted violations is found, and nothing else")
    return 0


def main(argv):
    if argv[1:] == ["--self-test"]:
        return self_test()
    found = violations(argv[1])
    for line in found:
        print(line)
    if found:
        return 1
    print("check_includes: every include follows docs/ARCHITECTURE.md")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
