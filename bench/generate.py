#!/usr/bin/python3
"""Writes a realistic deploy file (docs/deploy-file.md) with N apps and N/10 jobs to standard output.

  generate.py N [--seed S]

Every app references declared secrets and config maps, runs in the project's regions behind the
edge proxy, and jobs have schedules; data stores carry backup intervals. The file validates with
few findings, so the benchmark measures loading and checking rather than printing.
"""
import argparse
import random

parser = argparse.ArgumentParser()
parser.add_argument("apps", type=int)
parser.add_argument("--seed", type=int, default=1)
args = parser.parse_args()
rng = random.Random(args.seed)

regions = ["us-south", "eu-de", "jp-tok"]
secrets = [f"secret-{i}" for i in range(80)]
configmaps = [f"config-{i}" for i in range(80)]
out = [
    "version: 1",
    "project: bench",
    "objectives: { availability: 99.95, rto: 15m, rpo: 1h }",
    "regions:",
    "  - { id: us-south, role: primary }",
    "  - { id: eu-de, role: standby }",
    "  - { id: jp-tok, role: standby }",
    "failover:",
    "  strategy: warm-standby",
    "  edge_proxy:",
    "    domain: bench.example.com",
    "    tls_secret: secret-0",
    "    health_check: { path: /healthz, interval: 30s, retries: 2, timeout: 5s }",
    "apps:",
]
for i in range(args.apps):
    out += [
        f"  - name: app-{i}",
        f"    image: icr.io/bench/app-{i}:{rng.randint(1, 9)}.{rng.randint(0, 9)}",
        f"    regions: [{', '.join(rng.sample(regions, 2))}]",
        f"    min_scale: {rng.randint(1, 3)}",
        f"    secrets: [{rng.choice(secrets)}, {rng.choice(secrets)}]",
        f"    configmaps: [{rng.choice(configmaps)}]",
    ]
out.append("jobs:")
for i in range(max(1, args.apps // 10)):
    out += [
        f"  - name: job-{i}",
        f"    image: icr.io/bench/job-{i}:1.0",
        f"    schedule: \"{rng.randint(0, 59)} {rng.randint(0, 23)} * * *\"",
        f"    idempotent: {'true' if rng.random() < 0.5 else 'false'}",
        f"    secrets: [{rng.choice(secrets)}]",
    ]
out.append("secrets:")
out += [f"  - {{ name: {name}, source: secrets-manager }}" for name in secrets]
out.append("configmaps:")
out += [f"  - {{ name: {name}, source: file }}" for name in configmaps]
out.append("data:")
out += [f"  - {{ name: db-{i}, region: us-south, backup_interval: 30m, cross_region_copy: true }}" for i in range(5)]
print("\n".join(out))
