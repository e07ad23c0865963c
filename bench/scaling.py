#!/usr/bin/python3
"""Checks that ceplan stays linear on the classes of hostile input docs/security.md lists: each
input at ten times the size may cost at most 11 times the time and the memory (with a floor
for what is too quick or too small to measure), through `validate`, `plan --scenario all` and
`runbook`.

  bench/scaling.py CEPLAN [SIZE]
  bench/scaling.py CEPLAN bounded

Each figure is the least CPU time (user and system, every thread) of three runs, which a busy
shared machine disturbs far less than wall time, and the peak memory of that run. A pair whose
time grows more than 11x is counted again in instructions under valgrind's callgrind, when it is
installed: it passes if the instructions grow at most 11x (the rest is the memory hierarchy). Prints one
line per class and command and exits 1 if any grows faster than linearly. `bounded` runs `validate` on every class (and the shapes that
stress the parser most) at 8 MiB under the default limits, and exits 1 if any takes more than
256 MiB or 2 s.
"""
import contextlib
import json
import os
import re
import resource
import shutil
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


def ignore_comments(n):    # a run of ignore comments over one line, and one comment per app
    count = n // 80
    run = '# ceplan:ignore CE201 reason="r"\n' * count
    apps = "".join(f'  - {{ name: a{i}, image: i }}  # ceplan:ignore CE201 reason="r"\n' for i in range(count // 2))
    return HEAD + "apps:\n" + run + "  - { name: b, image: i }\n" + apps


def one_line(n):           # a generated file on one flow line, with a finding every few bytes
    count = n // 30
    apps = ", ".join(f"{{name: a{i}, image: i}}" for i in range(count))
    return "{version: 1, project: p, regions: [us-south, eu-de], apps: [" + apps + "]}\n"


def apps_and_stores(n):    # many apps and many data stores under a warm standby
    count = n // 120
    apps = "".join(f"  - {{ name: a{i}, image: icr.io/p/a:1, secrets: [s{i}] }}\n" for i in range(count))
    secrets = "".join(f"  - {{ name: s{i} }}\n" for i in range(count))
    data = "".join(f"  - {{ name: d{i}, region: us-south, replica_in: eu-de, secret: s{i} }}\n" for i in range(count))
    return (HEAD + "failover: { strategy: active-active }\napps:\n" + apps + "secrets:\n" + secrets + "data:\n"
            + data)


def regions_per_app(n):    # one app listing the project's regions over and over
    count = n // 10
    regions = ", ".join(["us-south", "eu-de"] * (count // 2))
    return HEAD + f"apps:\n  - {{ name: a, image: icr.io/p/a:1, regions: [{regions}] }}\n"


CLASSES = [alias_strings, long_name, duplicate_keys, dangling, many_regions, dense, flow_nesting, nulls,
           ignore_comments, one_line, apps_and_stores, regions_per_app]


def flow_breadth(n):       # one flow sequence of tiny items: yaml-cpp queues a token per item
    return "- [" + "1," * (n // 2 - 4) + "1]\n"


def block_items(n):        # the most nodes per byte in block style
    return "a:\n" + "- 1\n" * (n // 4 - 1)


def nested_anchors(n):     # sixty anchors around one long string
    return "a: " + "".join(f"&a{i} [" for i in range(60)) + "'" + "x" * (n - 1000) + "'" + "]" * 60 + "\n"


def block_apps(n):         # a deploy file of apps in block style, under the node limit
    count = min(n // 40, 99_000)
    return HEAD + "apps:\n" + "".join(f"  - name: a{i}\n    image: icr.io/p/a:1\n" for i in range(count))


PARSER_CLASSES = [flow_breadth, block_items, nested_anchors, block_apps]


# Terraform plans (`terraform show -json`) for `import terraform` and `validate --terraform`.
def plan_json(resources, configuration, variables=None):
    return json.dumps({"format_version": "1.2", "variables": variables or {},
                       "planned_values": {"root_module": {"resources": resources}},
                       "configuration": configuration})


def tf_resource(address, kind, values):
    return {"address": address, "mode": "managed", "type": kind, "name": address.split(".")[-1], "values": values}


def tf_apps(n):             # apps in two regions, each with its own secrets: a big real plan
    count = max(1, n // 400)
    resources = [tf_resource(f"ibm_code_engine_project.{r}", "ibm_code_engine_project",
                             {"name": "p", "region": r}) for r in ("us-south", "eu-de")]
    for i in range(count):
        for r in ("us-south", "eu-de"):
            resources.append(tf_resource(f"ibm_code_engine_app.a{i}_{r.replace('-', '_')}", "ibm_code_engine_app", {
                "name": f"app{i}", "region": r, "image_reference": f"icr.io/p/app{i}:1", "scale_min_instances": 1,
                "run_env_variables": [{"type": "secret_full_reference", "reference": f"s{i}"}]}))
    return plan_json(resources, {})


def tf_providers(n):        # many providers and variables, each resource on its own: indexed look-ups
    count = max(1, n // 300)
    providers = {f"ibm.p{i}": {"name": "ibm", "alias": f"p{i}", "expressions": {"region": {
        "references": [f"var.v{i}"]}}} for i in range(count)}
    resources = [tf_resource(f"ibm_code_engine_project.p{i}", "ibm_code_engine_project", {"name": "p"})
                 for i in range(count)]
    configured = [{"address": f"ibm_code_engine_project.p{i}", "provider_config_key": f"ibm.p{i}"}
                  for i in range(count)]
    variables = {f"v{i}": {"value": "us-south"} for i in range(count)}
    return plan_json(resources, {"provider_config": providers, "root_module": {"resources": configured}}, variables)


def tf_references(n):       # one module call whose argument refers to thousands of things
    count = max(1, n // 200)
    call = {"expressions": {"project_id": {"references": [f"ibm_x.r{i}" for i in range(count)]}},
            "module": {"resources": [{"address": "ibm_code_engine_app.this", "provider_config_key": "ibm",
                                      "expressions": {"project_id": {"references": ["var.project_id"]}}}]}}
    resources = [tf_resource("ibm_code_engine_project.p", "ibm_code_engine_project", {"name": "p", "region": "us-south"})]
    children = [{"address": f'module.m["{i}"]', "resources": [
        tf_resource(f'module.m["{i}"].ibm_code_engine_app.this', "ibm_code_engine_app", {"name": f"a{i}"})]}
        for i in range(count)]
    text = json.loads(plan_json(resources, {"provider_config": {"ibm": {"name": "ibm", "expressions": {
        "region": {"constant_value": "us-south"}}}}, "root_module": {"module_calls": {"m": call}}}))
    text["planned_values"]["root_module"]["child_modules"] = children
    return json.dumps(text)


def tf_regionless(n):       # projects without a region (tainted), each found through its app
    count = max(1, n // 400)
    resources = []
    for i in range(count):
        resources.append(tf_resource(f"ibm_code_engine_project.p{i}", "ibm_code_engine_project",
                                     {"name": "p", "project_id": f"id-{i}", "region": None}))
        resources.append(tf_resource(f"ibm_code_engine_app.a{i}", "ibm_code_engine_app", {
            "name": f"a{i}", "project_id": f"id-{i}", "region": "us-south", "image_reference": "icr.io/p/a:1"}))
    return plan_json(resources, {})


TERRAFORM_CLASSES = [tf_apps, tf_providers, tf_references, tf_regionless]


# IBM's Code Engine export (`kubectl get KIND -o json`) for `import ce-export` and `validate --live`.
def k8s_list(items):
    return json.dumps({"apiVersion": "v1", "kind": "List", "items": items})


def ex_services(n):         # many apps, each with secret and config map references and a cron
    count = max(1, n // 500)
    items = []
    for i in range(count):
        items.append({"apiVersion": "serving.knative.dev/v1", "kind": "Service", "metadata": {"name": f"a{i}"},
                      "spec": {"template": {"metadata": {"annotations": {"autoscaling.knative.dev/min-scale": "1"}},
                                            "spec": {"containers": [{"image": "icr.io/p/a:1", "envFrom": [
                                                {"secretRef": {"name": f"s{i}"}}, {"configMapRef": {"name": f"c{i}"}}]}],
                                                     "imagePullSecrets": [{"name": "pull"}]}}}})
        items.append({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": f"s{i}"}, "type": "Opaque"})
        items.append({"apiVersion": "sources.knative.dev/v1", "kind": "PingSource", "metadata": {"name": f"j{i}-cron"},
                      "spec": {"schedule": "0 2 * * *"}})
        items.append({"apiVersion": "codeengine.cloud.ibm.com/v1beta1", "kind": "JobDefinition",
                      "metadata": {"name": f"j{i}"}})
    return k8s_list(items)


def ex_references(n):       # one app whose container refers to thousands of secrets
    count = max(1, n // 60)
    env = [{"name": f"E{i}", "valueFrom": {"secretKeyRef": {"name": f"s{i}", "key": "k"}}} for i in range(count)]
    return k8s_list([{"apiVersion": "serving.knative.dev/v1", "kind": "Service", "metadata": {"name": "app0"},
                      "spec": {"template": {"spec": {"containers": [{"image": "icr.io/p/app0:1", "env": env}]}}}}])


EXPORT_CLASSES = [ex_services, ex_references]
DRIFT_FILE = HEAD + "apps:\n  - { name: app0, image: icr.io/p/app0:1 }\nsecrets:\n  - { name: s0 }\n"
LIMITS = ["--max-file-size", "64MiB", "--max-depth", "10000", "--max-nodes", "100000000"]
COMMANDS = {
    "validate": ["validate"],
    "plan": ["plan", "--scenario", "all", "--ignore-findings"],
    "runbook": ["runbook", "--restore-to", "eu-gb", "--ignore-findings"],
    "diff": ["diff", "{small}"],
}


RUNS = 3  # the fastest of a few runs: a shared machine only ever adds time


def measure(ceplan, command, text, after=()):
    return min((measure_once(ceplan, command, text, after) for _ in range(RUNS)), key=lambda run: run[0])


def cpu_seconds():
    """CPU time of every finished child process so far (GNU time waits for ceplan, so it counts)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@contextlib.contextmanager
def written(command, text):
    """The input in a file, and `command` with `{small}` naming a file of the smallest deploy file
    (what `diff` compares with); both files are removed afterwards."""
    paths = []
    try:
        for content in (text, HEAD):
            with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as f:
                f.write(content)
                paths.append(f.name)
        yield [paths[1] if word == "{small}" else word for word in command], paths[0]
    finally:
        for path in paths:
            os.unlink(path)


def measure_once(ceplan, command, text, after=(), limits=LIMITS):
    with written(command, text) as (command, path):
        before = cpu_seconds()
        # GNU time reports the peak resident set of this one run, in KiB.
        run = subprocess.run(["/usr/bin/time", "-f", "%M", ceplan, *command, path, *after, *limits],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
        return cpu_seconds() - before, int(run.stderr.strip().splitlines()[-1])


def measure_export(ceplan, command, text):
    """The fastest of a few runs of `command` on an export directory of one region holding `text`."""
    def once():
        with tempfile.TemporaryDirectory() as root:
            region = os.path.join(root, "us-south")
            os.mkdir(region)
            with open(os.path.join(region, "all.json"), "w") as f:
                f.write(text)
            before = cpu_seconds()
            run = subprocess.run(["/usr/bin/time", "-f", "%M", ceplan, *command, root, *LIMITS],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
            return cpu_seconds() - before, int(run.stderr.strip().splitlines()[-1])
    return min((once() for _ in range(RUNS)), key=lambda run: run[0])


def measure_glob(ceplan, size):
    """A `.ceplan.yaml` glob of `size` characters ('**a' over and over) against a path of about
    2 x `size` characters: the file is validated, so every glob is matched."""
    with tempfile.TemporaryDirectory() as root:
        os.mkdir(os.path.join(root, ".git"))
        glob = ("**a" * (size // 3)) + "x"
        with open(os.path.join(root, ".ceplan.yaml"), "w") as f:
            f.write(f'overrides:\n  - {{ files: ["{glob}"], disable: [CE201] }}\nexclude: ["{glob}"]\n')
        folder = os.path.join(root, *(["a" * 99] * max(1, 2 * size // 100)))
        os.makedirs(folder)
        path = os.path.join(folder, "d.yaml")
        with open(path, "w") as f:
            f.write(HEAD)
        before = cpu_seconds()
        run = subprocess.run(["/usr/bin/time", "-f", "%M", ceplan, "validate", os.path.relpath(path, root)],
                             cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
        return cpu_seconds() - before, int(run.stderr.strip().splitlines()[-1])


def bounded(ceplan):
    """Every class at 8 MiB under the default limits: at most 256 MiB and 2 s each."""
    failed = False
    size = 8 << 20
    for make in CLASSES + PARSER_CLASSES:
        text = make(size)[:size]
        seconds, kib = min((measure_once(ceplan, ["validate"], text, limits=()) for _ in range(RUNS)),
                           key=lambda run: run[0])
        ok = kib <= 256 * 1024 and seconds <= 2
        failed |= not ok
        print(f"{make.__name__:24} {len(text) / 1048576:5.1f} MiB   {seconds * 1000:8.1f} ms   "
              f"{kib / 1024:6.1f} MiB   {'ok' if ok else 'OVER'}")
    return failed


def main():
    ceplan = sys.argv[1]
    if len(sys.argv) > 2 and sys.argv[2] == "bounded":
        sys.exit(1 if bounded(ceplan) else 0)
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
    failed = False
    for make in CLASSES:
        small, large = make(size), make(size * 10)
        for name, command in COMMANDS.items():
            recount = lambda: (instructions(ceplan, command, small), instructions(ceplan, command, large))
            failed |= not compare(f"{make.__name__} {name}", measure(ceplan, command, small),
                                  measure(ceplan, command, large), recount)
    # The longest glob and path a configuration may hold are 1 KiB and 4 KiB.
    failed |= not compare("globs validate", measure_glob(ceplan, 100), measure_glob(ceplan, 1000))
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as f:
        f.write(DRIFT_FILE)
        deploy = f.name
    for make in TERRAFORM_CLASSES:
        small, large = make(size), make(size * 10)
        failed |= not compare(f"{make.__name__} import", measure(ceplan, ["import", "terraform", "--region", "us-south"],
                                                                  small), measure(ceplan, ["import", "terraform",
                                                                                           "--region", "us-south"], large))
        drift = ["validate", deploy, "--fail-on", "never", "--terraform-region", "us-south", "--terraform"]
        failed |= not compare(f"{make.__name__} drift", measure(ceplan, drift, small), measure(ceplan, drift, large))
    for make in EXPORT_CLASSES:
        small, large = make(size), make(size * 10)
        failed |= not compare(f"{make.__name__} import", measure_export(ceplan, ["import", "ce-export"], small),
                              measure_export(ceplan, ["import", "ce-export"], large))
        live = ["validate", deploy, "--fail-on", "never", "--live"]
        failed |= not compare(f"{make.__name__} drift", measure_export(ceplan, live, small),
                              measure_export(ceplan, live, large))
    os.unlink(deploy)
    sys.exit(1 if failed else 0)


def instructions(ceplan, command, text, after=()):
    """User-space instructions of one run, counted by callgrind: the same on every run and on every
    machine, so it measures the work done, not how the caches take it. None without valgrind."""
    if shutil.which("valgrind") is None:
        return None
    with written(command, text) as (command, path):
        run = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", ceplan, *command, path,
                              *after, *LIMITS], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                             check=False)
        found = re.search(r"Collected : (\d+)", run.stderr)
        return int(found.group(1)) if found else None


def compare(label, small, large, recount=None):
    """`recount`, when given, counts the instructions of the small and the large run: a pair whose
    CPU time grows more than 11x but whose instructions do not is linear in work, and the extra
    time is the larger working set leaving the caches (docs/performance.md)."""
    (t1, m1), (t10, m10) = small, large
    # Below 50 ms or 20 MiB, start-up and allocator noise dominate.
    time_ratio = t10 / max(t1, 0.05)
    memory_ratio = m10 / max(m1, 20 * 1024)
    ok = time_ratio <= 11 and memory_ratio <= 11
    verdict = "ok" if ok else "NOT LINEAR"
    if not ok and memory_ratio <= 11 and recount is not None:
        counts = recount()
        if counts is not None and None not in counts:
            work_ratio = counts[1] / counts[0]
            ok = work_ratio <= 11
            verdict = f"{'ok' if ok else 'NOT LINEAR'}: {work_ratio:.1f}x the instructions"
    print(f"{label:24} {t1 * 1000:8.1f} ms -> {t10 * 1000:8.1f} ms ({time_ratio:4.1f}x)   "
          f"{m1 / 1024:6.1f} MiB -> {m10 / 1024:6.1f} MiB ({memory_ratio:4.1f}x)   {verdict}")
    return ok


if __name__ == "__main__":
    main()
