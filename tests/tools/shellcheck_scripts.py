#!/usr/bin/env python3
"""Every runbook script and rehearsal ceplan writes for the examples passes shellcheck.

For each example (and the pilot-light test file): the plan and, for region and geography
scenarios, the fail-back of every scenario `--scenario all` lists (of its zones, the first two,
whose scripts differ from the others' only in names); the runbook from each of the
file's regions into a region of three geographies. Each as `--format script` and `--rehearse`.
A procedure the simulator finds unsafe gives no script (exit 2, said on standard error): it is
counted, not checked. Everything else must be written and pass shellcheck.

Usage: shellcheck_scripts.py CEPLAN ROOT
"""

import json
import os
import subprocess
import sys
import tempfile

import yaml

# Restore targets in three geographies.
TARGETS = ["ca-tor", "eu-gb", "jp-tok"]
FILES = ["examples/shop-active-active.yaml", "examples/api-warm-standby.yaml", "examples/backup-restore.yaml",
         "examples/risky.yaml", "tests/data/deploy/pilot-light.yaml"]


def path_of(procedure):
    return procedure[1]


def main():
    ceplan, root = os.path.abspath(sys.argv[1]), sys.argv[2]

    def run(args):
        return subprocess.run([ceplan] + args, cwd=root, capture_output=True, text=True)

    procedures = []
    for path in FILES:
        common = [path, "--ignore-findings"]
        listed = json.loads(run(["plan"] + common + ["--scenario", "all", "--format", "json"]).stdout)
        zones = [plan for plan in listed if plan["scenario"]["kind"] == "zone"]
        for plan in [plan for plan in listed if plan["scenario"]["kind"] != "zone"] + zones[:2]:
            scenario = f"{plan['scenario']['kind']}:{plan['scenario']['target']}"
            procedures.append(["plan"] + common + ["--scenario", scenario])
            if plan["scenario"]["kind"] != "zone":
                procedures.append(["failback"] + common + ["--scenario", scenario])
        with open(os.path.join(root, path), encoding="utf-8") as f:
            declared = yaml.safe_load(f)["regions"]
        sources = [r["id"] if isinstance(r, dict) else r for r in declared]
        for source in sources:
            for target in TARGETS:
                if target != source:
                    procedures.append(["runbook"] + common + ["--restore-to", target, "--from", source])
    written, unsafe, refused = [], 0, 0
    with tempfile.TemporaryDirectory(prefix="ceplan-shellcheck-") as work:
        for i, procedure in enumerate(procedures):
            for mode, extra in (("script", ["--format", "script"]), ("rehearse", ["--rehearse"])):
                out = os.path.join(work, f"{i}-{mode}.sh")
                made = run(procedure + extra + ["-o", out])
                if made.returncode == 2 and "unsafe" in made.stderr:
                    unsafe += 1
                    continue
                if made.returncode == 2 and path_of(procedure) == "examples/risky.yaml":
                    refused += 1  # its misspelled region is refused as input, as it should be
                    continue
                if made.returncode != 0:
                    print(f"{' '.join(procedure + extra)}: exit {made.returncode}: {made.stderr}", file=sys.stderr)
                    return 1
                written.append(out)
        halves = [subprocess.Popen(["shellcheck"] + written[i::2], stdout=subprocess.PIPE, text=True) for i in (0, 1)]
        for half in halves:
            out, _ = half.communicate()
            if half.returncode != 0:
                print(out[-4000:], file=sys.stderr)
                return 1
    print(f"{len(written)} scripts pass shellcheck; {unsafe} unsafe procedures and {refused} refused inputs gave none")
    return 0


if __name__ == "__main__":
    sys.exit(main())
