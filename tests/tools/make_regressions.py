#!/usr/bin/python3
"""Writes tests/data/fuzz-regressions/: one small reproducer of each class of hostile input that
once made ceplan slow, hungry or wrong (docs/security.md). The files are committed; this script
says how they were made. The fuzz targets start from them and check each against the per-input
budget, and e2e.no_crash_on_any_input runs every command on them.

  tests/tools/make_regressions.py [DIR]
"""
import os
import sys

HEAD = "version: 1\nproject: p\nregions: [us-south, eu-de]\n"
REGIONS = "[us-south, us-east, eu-de, eu-gb, eu-es, jp-tok, jp-osa, au-syd, ca-tor, br-sao]"
SIZE = 40_000

CASES = {
    # 1. aliases that repeat a long string
    "alias-strings.yaml": HEAD + "x: &a '" + "x" * SIZE + "'\ny: [" + ", ".join(["*a"] * 8) + "]\n",
    # chained aliases deeper than the depth limit
    "alias-chain.yaml": "a0: &a0 [x]\n" + "".join(f"a{i}: &a{i} [*a{i - 1}]\n" for i in range(1, 200)),
    # 2. a misspelled key as long as the file ("did you mean")
    "long-name.yaml": HEAD + "? " + "r" * SIZE + "\n: 1\n",
    # the same key over and over
    "duplicate-keys.yaml": HEAD + "x:\n" + "  k: 1\n" * (SIZE // 7),
    # references to undeclared secrets among many declared ones
    "dangling.yaml": HEAD + "apps:\n  - { name: a, image: i, secrets: [" + ", ".join(f"t{i}" for i in range(SIZE // 40))
    + "] }\nsecrets:\n" + "".join(f"  - {{ name: s{i} }}\n" for i in range(SIZE // 40)),
    # many repeated project regions, apps defaulting to all of them
    "many-regions.yaml": "version: 1\nproject: p\nregions:\n" + "  - us-south\n" * 500 + "apps:\n"
    + "".join(f"  - {{ name: a{i}, image: i }}\n" for i in range(500)),
    # short apps in ten regions: the most output per input byte
    "dense.yaml": f"version: 1\nproject: p\nregions: {REGIONS}\nsecrets: [{{name: s, format: generic}}]\napps:\n"
    + "".join(f"- {{name: a{i}, image: i, secrets: [s, s, s, s]}}\n" for i in range(150)) + "jobs:\n"
    + "".join(f"- {{name: j{i}, image: i, secrets: [s, s, s, s]}}\n" for i in range(150)),
    # 3. runaway flow nesting
    "flow-nesting.yaml": "a: " + "[" * SIZE + "\n",
    # 7. null items, unknown keys by the thousand, unknown tags
    "nulls.yaml": "a: [" + ", ".join(["~"] * (SIZE // 3)) + "]\n",
    "unknown-keys.yaml": HEAD + "".join(f"k{i}: 1\n" for i in range(SIZE // 8)),
    "unknown-tag.yaml": HEAD + "apps:\n  - { name: !!binary YQ==, image: !foo i }\n",
    "tab-before-comment.yaml": HEAD + "\t# a comment after a tab\n\t\napps: []\n",
    "cr-only.yaml": HEAD.replace("\n", "\r") + "apps: []\r",
    # 8. values that must never reach a shell command, Markdown or XML unquoted
    "dash-name.yaml": HEAD + "apps:\n  - { name: --image=evil, image: i }\n",
    "control-in-value.yaml": HEAD + "apps:\n  - { name: a, image: \"i\\n```\\n\\uFFFE\" }\n",
    # a region that the CLI refuses (CE101) reached `ibmcloud target -r` through the library
    "dash-region.yaml": HEAD + "apps:\n  - { name: a, image: i, regions: [us-south, -south] }\n"
    + "data:\n  - { name: db, region: us-south, replica_in: -south }\n",
    # 9. third round: ignore comments, one long line, a long regions list, apps and stores, and
    # nesting behind what only looks like a quote
    "ignore-comments.yaml": HEAD + "apps:\n" + '# ceplan:ignore CE201 reason="r"\n' * (SIZE // 40)
    + "  - { name: b, image: i }\n",
    "one-line.yaml": "{version: 1, project: p, regions: [us-south, eu-de], apps: ["
    + ", ".join(f"{{name: a{i}, image: i}}" for i in range(SIZE // 30)) + "]}\n",
    "regions-per-app.yaml": HEAD + "apps:\n  - { name: a, image: icr.io/p/a:1, regions: ["
    + ", ".join(["us-south", "eu-de"] * (SIZE // 40)) + "] }\n",
    "apps-and-stores.yaml": HEAD + "failover: { strategy: active-active }\napps:\n"
    + "".join(f"  - {{ name: a{i}, image: icr.io/p/a:1, secrets: [s{i}] }}\n" for i in range(SIZE // 240))
    + "secrets:\n" + "".join(f"  - {{ name: s{i} }}\n" for i in range(SIZE // 240)) + "data:\n"
    + "".join(f"  - {{ name: d{i}, region: us-south, replica_in: eu-de, secret: s{i} }}\n" for i in range(SIZE // 240)),
    "quoted-nesting.yaml": "a: [-\"" + "[" * SIZE + "\n",
}

GLOB = "**a" * 340 + "x"

# Configurations and baselines, for fuzz_config (in config/).
CONFIG_CASES = {
    # 9. a glob whose matching once cost |glob| x |path|^2
    "glob.ceplan.yaml": f'paths: ["{GLOB}"]\nexclude: ["{GLOB}"]\noverrides:\n  - {{ files: ["{GLOB}"], disable: [CE201] }}\n',
    # 3. paths that leave the configuration's directory
    "escape.ceplan.yaml": 'format: ["json=../../x", "sarif=/abs"]\ncatalog: ../c.yaml\nbaseline: /b.json\npaths: ["../*"]\n',
    # 12. a baseline of thousands of entries, and one whose values have the wrong types
    "many-entries.json": '{"ceplan_baseline": 1, "findings": ['
    + ", ".join(f'{{"fingerprint": "f{i}", "rule": "CE201", "path": "d.yaml", "message": "m"}}' for i in range(SIZE // 80))
    + "]}\n",
    "wrong-types.json": '{"ceplan_baseline": "1", "findings": [{"fingerprint": 1, "message": 7}]}\n',
}


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "data",
                                                                     "fuzz-regressions")
    os.makedirs(directory, exist_ok=True)
    for name, text in CASES.items():
        with open(os.path.join(directory, name), "w", encoding="utf-8", newline="") as out:
            out.write(text)
    with open(os.path.join(directory, "utf-16.yaml"), "wb") as out:
        out.write(HEAD.encode("utf-16-le"))
    os.makedirs(os.path.join(directory, "config"), exist_ok=True)
    for name, text in CONFIG_CASES.items():
        with open(os.path.join(directory, "config", name), "w", encoding="utf-8", newline="") as out:
            out.write(text)


if __name__ == "__main__":
    main()
