#!/usr/bin/python3
"""Checks that ceplan stays linear on the classes of hostile input docs/security.md lists: each
input at ten times the size may cost at most 11 times the time and the memory (with a floor
for what is too quick or too small to measure), through `validate`, `plan --scenario all` and
`runbook`.

  bench/scaling.py CEPLAN [SIZE]

Prints one line per class and command and exits 1 if any grows faster than linearly.
"""
import os
import subprocess
import sys
import tempfile
import time

HEAD = "version: 1\nproject: p\nregions: [us-south, eu-de]\n"


def alias_strings(n):      # a long string repeated through aliases
    return HEAD + "x: &a '" + "x" * n + "'\ny: [" + ", ".join(["*a"] * 8) + "]\n"


def long_name(n):          # a misspelled key as long as the file ("did you mean")
    return HEAD + "? " + "r" * n + "\n: 1\n"


def duplicate_keys(n):     # the same key over and over
    return HEAD + "apps:\n  - { name: a, image: i }\nx:\n" + "  k: 1\n" * (n // 7)


def dangling(n):           # references to secrets nobody declared, and many declared ones
    count = n // 40
    secrets = "".join(f"  - {{ name: s{i} }}\n" for i in range(count))
    refs = ", ".join(f"t{i}" for i in range(count))
    return HEAD + f"apps:\n  - {{ name: a, image: i, secrets: [{refs}] }}\nsecrets:\n" + secrets


def many_regions(n):       # apps in every one of many (repeated) project regions
    count = n // 20
    regions = "".join("  - us-south\n" for _ in range(count // 2))
    apps = "".join(f"  - {{ name: a{i}, image: i }}\n" for i in range(count // 2))
    return "version: 1\nproject: p\nregions:\n" + regions + "apps:\n" + apps


def dense(n):              # short apps and jobs in ten regions: the most plan per input byte
    count = n // 100
    regions = "[us-south, us-east, eu-de, eu-gb, eu-es, jp-tok, jp-osa, au-syd, ca-tor, br-sao]"
    body = "".join(f"- {{name: a{i}, image: i, secrets: [s, s, s, s]}}\n" for i in range(count))
    jobs = "".join(f"- {{name: j{i}, image: i, secrets: [s, s, s, s]}}\n" for i in range(count))
    return f"version: 1\nproject: p\nregions: {regions}\nsecrets: [{{name: s}}]\napps:\n{body}jobs:\n{jobs}"


def flow_nesting(n):       # runaway '['
    return "a: " + "[" * n + "\n"


def nulls(n):              # null items
    return "a: [" + ", ".join(["~"] * (n // 3)) + "]\n"


CLASSES = [alias_strings, long_name, duplicate_keys, dangling, many_regions, dense, flow_nesting, nulls]
LIMITS = ["--max-file-size", "64MiB", "--max-depth", "10000", "--max-nodes", "100000000"]
COMMANDS = {
    "validate": ["validate"],
    "plan": ["plan", "--scenario", "all", "--ignore-findings"],
    "runbook": ["runbook", "--restore-to", "eu-gb", "--ignore-findings"],
}


def measure(ceplan, command, text):
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as f:
        f.write(text)
        path = f.name
    try:
        start = time.perf_counter()
        # GNU time reports the peak resident set of this one run, in KiB.
        run = subprocess.run(["/usr/bin/time", "-f", "%M", ceplan, *command, path, *LIMITS],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
        elapsed = time.perf_counter() - start
        return elapsed, int(run.stderr.strip().splitlines()[-1])
    finally:
        os.unlink(path)


def main():
    ceplan = sys.argv[1]
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
    failed = False
    for make in CLASSES:
        small, large = make(size), make(size * 10)
        for name, command in COMMANDS.items():
            failed |= not compare(f"{make.__name__} {name}", measure(ceplan, command, small),
                                  measure(ceplan, command, large))
    sys.exit(1 if failed else 0)


def compare(label, small, large):
    (t1, m1), (t10, m10) = small, large
    # Below 50 ms or 20 MiB, start-up and allocator noise dominate.
    time_ratio = t10 / max(t1, 0.05)
    memory_ratio = m10 / max(m1, 20 * 1024)
    ok = time_ratio <= 11 and memory_ratio <= 11
    print(f"{label:24} {t1 * 1000:8.1f} ms -> {t10 * 1000:8.1f} ms ({time_ratio:4.1f}x)   "
          f"{m1 / 1024:6.1f} MiB -> {m10 / 1024:6.1f} MiB ({memory_ratio:4.1f}x)   {'ok' if ok else 'NOT LINEAR'}")
    return ok


if __name__ == "__main__":
    main()
