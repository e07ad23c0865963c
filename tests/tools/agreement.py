#!/usr/bin/python3
"""Feeds variations of one deploy file to both the loader (`ceplan validate`) and the JSON
Schema (`ceplan schema`, as YAML 1.2 editors read the file) and requires the same verdict:
both accept it or both reject it. Findings do not count; only input errors (exit 2) reject.

  agreement.py CEPLAN

Each variation replaces one value: the text written into the YAML file, and the JSON value a
YAML 1.2 parser (the YAML language server) reads from it.
"""
import copy
import json
import os
import subprocess
import sys
import tempfile

import jsonschema

BASE = """version: 1
project: {project}
objectives: {{ availability: {availability}, rto: {rto}, rpo: 15m }}
regions:
  - {{ id: us-east, role: primary }}
  - {{ id: eu-gb, role: standby }}
failover:
  strategy: warm-standby
  edge_proxy:
    domain: api.example.com
    proxied: {proxied}
    tls_secret: api-tls
    health_check: {{ path: /healthz, interval: 15s, retries: {retries}, timeout: 5s }}
apps:
  - {{ name: {app}, image: icr.io/p/api:5, min_scale: {min_scale}, port: {port}, registry_secret: pull }}
jobs:
  - {{ name: nightly, image: icr.io/p/job:2, schedule: "0 2 * * *", idempotent: {idempotent},
      scheduled_in: [us-east], registry_secret: pull }}
secrets:
  - {{ name: api-tls, source: secrets-manager, format: tls }}
  - {{ name: pull, source: secrets-manager, format: registry }}
"""

# placeholder: (JSON path, default YAML text, default JSON value)
FIELDS = {
    "project": (["project"], "payments", "payments"),
    "availability": (["objectives", "availability"], "99.95", 99.95),
    "rto": (["objectives", "rto"], "10m", "10m"),
    "proxied": (["failover", "edge_proxy", "proxied"], "true", True),
    "retries": (["failover", "edge_proxy", "health_check", "retries"], "1", 1),
    "app": (["apps", 0, "name"], "api", "api"),
    "min_scale": (["apps", 0, "min_scale"], "1", 1),
    "port": (["apps", 0, "port"], "8080", 8080),
    "idempotent": (["jobs", 0, "idempotent"], "true", True),
}

# (placeholder, YAML text, JSON value as YAML 1.2 reads it)
VARIATIONS = [
    ("project", "''", ""), ("project", "42", 42), ("project", "null", None), ("project", "Payments", "Payments"),
    ("project", "-x", "-x"), ("project", "p" * 64, "p" * 64), ("project", "p" * 63, "p" * 63),
    ("project", "p" * 128, "p" * 128), ("project", "p" * 129, "p" * 129), ("project", "'shop$(id>pwned)'", "shop$(id>pwned)"),
    ("project", "'Zahlungen Prod: Ä.ö_ü-1 支付'", "Zahlungen Prod: Ä.ö_ü-1 支付"), ("project", "'a|b'", "a|b"),
    ("project", '"a\u202eb"', "a\u202eb"), ("project", "'a\u00a0b'", "a\u00a0b"),
    ("availability", '"150%"', "150%"), ("availability", '"99.9%"', "99.9%"), ("availability", "100", 100),
    ("availability", "101", 101), ("availability", "0", 0), ("availability", "-1", -1), ("availability", "true", True),
    ("availability", '"abc"', "abc"), ("availability", "99.95", 99.95),
    ("rto", "0s", "0s"), ("rto", "''", ""), ("rto", "10", 10), ("rto", "1h30m", "1h30m"), ("rto", "5 m", "5 m"),
    ("proxied", "True", True), ("proxied", "FALSE", False), ("proxied", "yes", "yes"), ("proxied", "1", 1),
    ("retries", "+1", 1), ("retries", "0x1", 1), ("retries", "0o3", 3), ("retries", "1.0", 1.0), ("retries", "7", 7),
    ("retries", "0", 0), ("retries", '"1"', "1"),
    ("min_scale", "-1", -1), ("min_scale", "0", 0), ("min_scale", "1e1", 10.0),
    ("port", "65535", 65535), ("port", "65536", 65536), ("port", "0", 0),
    ("app", "Api", "Api"), ("app", "a_b", "a_b"), ("app", "1api", "1api"),
    ("idempotent", "True", True), ("idempotent", "on", "on"), ("idempotent", "~", None),
]


def document(field, text, value):
    texts = {name: default for name, (_, default, _) in FIELDS.items()}
    data = {name: json_value for name, (_, _, json_value) in FIELDS.items()}
    texts[field] = text
    data[field] = value
    yaml_text = BASE.format(**texts)
    instance = json.loads(json.dumps(base_instance()))
    node = instance
    path = FIELDS[field][0]
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return yaml_text, instance


def base_instance():
    import yaml  # YAML 1.1, but the defaults are spelled alike in 1.1 and 1.2
    texts = {name: default for name, (_, default, _) in FIELDS.items()}
    return yaml.safe_load(BASE.format(**texts))


def main():
    ceplan = sys.argv[1]
    schema = json.loads(subprocess.run([ceplan, "schema"], capture_output=True, text=True, check=True).stdout)
    validator = jsonschema.Draft202012Validator(schema)
    disagreements = []
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "deploy.yaml")
        for field, text, value in [(None, None, None)] + VARIATIONS:
            if field is None:
                yaml_text, instance = BASE.format(**{n: d for n, (_, d, _) in FIELDS.items()}), base_instance()
            else:
                yaml_text, instance = document(field, text, value)
            with open(path, "w", encoding="utf-8") as out:
                out.write(yaml_text)
            run = subprocess.run([ceplan, "validate", path, "--fail-on", "never"], capture_output=True, text=True)
            loader_accepts = run.returncode == 0
            errors = list(validator.iter_errors(instance))
            schema_accepts = not errors
            label = f"{field}: {text}" if field else "the base file"
            if loader_accepts != schema_accepts:
                why = run.stderr.strip().splitlines()[0] if run.stderr.strip() else errors[0].message
                disagreements.append(f"{label}: ceplan {'accepts' if loader_accepts else 'rejects'}, the schema "
                                     f"{'accepts' if schema_accepts else 'rejects'} ({why})")
    for line in disagreements:
        print(line)
    print(f"{len(VARIATIONS) + 1} variations, {len(disagreements)} disagreements")
    sys.exit(1 if disagreements else 0)


if __name__ == "__main__":
    main()
