#!/usr/bin/env python3
"""Runs ceplan's runbook scripts against the fake ibmcloud (tests/tools/fake_ibmcloud.py).

For one procedure (plan, runbook or failback of a file), it generates the script, checks it with
shellcheck, and runs it with the fake first on PATH, seeded with the world state the simulator
starts from (`--format json --show-effects`, `world.before`):
  - `--dry-run` calls nothing and changes nothing;
  - a full run ends in the simulator's end state (`world.after`), the steps deferred until a lost
    region answers included once it does;
  - an injected failure stops at its step with a resume hint, and `--from-step` finishes the job;
  - a wrong region after `ibmcloud target` stops the script before anything changes;
  - conflicting options, an unknown step or a missing secret file stop it before it calls
    anything, and a manual step waits for the word `done`;
  - the rehearsal (`--rehearse`) passes on the start state, fails naming a missing secret or image,
    and calls nothing that changes anything.

Usage: run_scripts.py CEPLAN ROOT CASE   (CASE as in CASES below; `all` runs every one)
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

SHOP = "examples/shop-active-active.yaml"
WARM = "examples/api-warm-standby.yaml"
COLD = "examples/backup-restore.yaml"
PILOT = "tests/data/deploy/pilot-light.yaml"
CASES = {
    "runbook_shop": ["runbook", SHOP, "--restore-to", "ca-tor", "--from", "us-south"],
    "runbook_warm_standby": ["runbook", WARM, "--restore-to", "eu-gb"],
    "runbook_backup_restore": ["runbook", COLD, "--restore-to", "eu-gb"],
    "runbook_pilot_light": ["runbook", PILOT, "--restore-to", "ca-tor"],
    "plan_shop": ["plan", SHOP, "--scenario", "region:us-south"],
    "plan_warm_standby": ["plan", WARM, "--scenario", "region:us-east"],
    "plan_backup_restore": ["plan", COLD, "--scenario", "region:eu-de"],
    "plan_pilot_light": ["plan", PILOT, "--scenario", "region:us-south"],
    "failback_shop": ["failback", SHOP, "--scenario", "region:us-south"],
    "failback_warm_standby": ["failback", WARM, "--scenario", "region:us-east"],
    "failback_backup_restore": ["failback", COLD, "--scenario", "region:eu-de"],
    "failback_pilot_light": ["failback", PILOT, "--scenario", "region:us-south"],
}
FAKE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fake_ibmcloud.py")
KEYS = ("project", "secrets", "servers", "configmaps", "apps", "jobs", "schedules", "domain_mapping")
READ_ONLY = ("get", "list", "current", "image-inspect", "glb-pools", "select", "oauth-tokens", "show")


class Check(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise Check(message)


def normal(regions, only=None):
    """The Code Engine part of each region with anything in it, comparable across ceplan and the fake."""
    out = {}
    for name, region in regions.items():
        if only is not None and name not in only:
            continue
        kept = {key: region.get(key) for key in KEYS}
        if any(kept.values()):
            out[name] = kept
    return out


class Run:
    def __init__(self, ceplan, root, args, work):
        self.ceplan, self.root, self.args, self.work = ceplan, root, args, work
        self.home = os.path.join(work, "fake")
        self.script = os.path.join(work, "procedure.sh")
        self.rehearsal = os.path.join(work, "rehearsal.sh")
        self.log = os.path.join(work, "procedure.log.jsonl")

    def ceplan_run(self, extra):
        return subprocess.run([self.ceplan] + self.args + extra, cwd=self.root, capture_output=True, text=True)

    def prepare(self):
        made = self.ceplan_run(["--format", "script", "-o", self.script])
        expect(made.returncode == 0, f"ceplan --format script failed: {made.stderr}")
        expect(os.access(self.script, os.X_OK), "the script written with -o is not executable")
        made = self.ceplan_run(["--rehearse", "-o", self.rehearsal])
        expect(made.returncode == 0, f"ceplan --rehearse failed: {made.stderr}")
        checked = subprocess.run(["shellcheck", self.script, self.rehearsal], capture_output=True, text=True)
        expect(checked.returncode == 0, f"shellcheck: {checked.stdout}")
        document = json.loads(self.ceplan_run(["--format", "json", "--show-effects"]).stdout)
        world = (document[0] if isinstance(document, list) else document)["world"]  # a plan is a list of one
        self.before, self.after = world["before"]["regions"], world["after"]["regions"]
        bin_dir = os.path.join(self.work, "bin")
        os.makedirs(bin_dir)
        # s_client writes more than a pipe holds and x509 reads none of it: the writer dies of SIGPIPE,
        # which a terminal ignores and a script with pipefail must too.
        openssl = 'if [ "$1" = s_client ]; then head -c 1000000 /dev/zero; fi'
        shims = {"ibmcloud": f'exec python3 {FAKE} "$@"', "curl": "exit 0", "openssl": openssl, "sleep": "exit 0"}
        for name, body in shims.items():
            with open(os.path.join(bin_dir, name), "w", encoding="utf-8") as shim:
                shim.write(f"#!/bin/sh\n{body}\n")
            os.chmod(os.path.join(bin_dir, name), 0o755)
        self.path = bin_dir + os.pathsep + os.environ["PATH"]

    def write_files(self):
        """The files the secrets and config maps are created from, as the team keeps them; the
        scripts delete those of secrets once they are used, so each run gets them again."""
        for region in list(self.before.values()) + list(self.after.values()):
            for name in region["secrets"] + region["configmaps"]:
                for ext in ("env", "crt", "key", "apikey", "username", "password"):
                    with open(os.path.join(self.work, f"{name}.{ext}"), "w", encoding="utf-8") as f:
                        f.write("KEY=value\n")

    def seed(self, regions=None):
        self.write_files()
        shutil.rmtree(self.home, ignore_errors=True)
        os.makedirs(self.home)
        with open(os.path.join(self.home, "world.json"), "w", encoding="utf-8") as f:
            json.dump({"regions": regions if regions is not None else self.before}, f)
        if os.path.exists(self.log):
            os.remove(self.log)

    def world(self):
        with open(os.path.join(self.home, "world.json"), encoding="utf-8") as f:
            return json.load(f)["regions"]

    def calls(self):
        path = os.path.join(self.home, "calls.log")
        if not os.path.exists(path):
            return []
        with open(path, encoding="utf-8") as f:
            return [json.loads(line) for line in f]

    def script_run(self, options, env=None, script=None):
        environment = dict(os.environ, SECRETS_MANAGER_URL="https://fake.eu-de.secrets-manager.appdomain.cloud", PATH=self.path, FAKE_IBMCLOUD_HOME=self.home, CEPLAN_LOG=self.log,
                           RESOURCE_GROUP="default")
        environment.update(env or {})
        return subprocess.run([script or self.script] + options, cwd=self.work, env=environment, input="done\n" * 500,
                              capture_output=True, text=True, timeout=600)

    def events(self):
        if not os.path.exists(self.log):
            return []
        with open(self.log, encoding="utf-8") as f:
            return [json.loads(line) for line in f]

    def reachable(self):
        return {name for name, region in self.before.items() if region.get("reachable", True)}

    def finish_deferred(self):
        """The lost regions answer again: the steps deferred until then run, each with --only."""
        deferred = [e["step"] for e in self.events() if e["event"] == "deferred"]
        regions = self.world()
        for region in regions.values():
            region["reachable"] = True
        with open(os.path.join(self.home, "world.json"), "w", encoding="utf-8") as f:
            json.dump({"regions": regions}, f)
        for step in deferred:
            ran = self.script_run(["--only", step, "--yes"])
            expect(ran.returncode == 0, f"--only {step}: {ran.stderr}")


def dry_run(run):
    run.seed()
    ran = run.script_run(["--dry-run"])
    expect(ran.returncode == 0, f"--dry-run failed: {ran.stderr}")
    expect(run.calls() == [], f"--dry-run called ibmcloud: {run.calls()[:3]}")
    expect(normal(run.world()) == normal(run.before), "--dry-run changed the world")
    expect("+ ibmcloud" in ran.stdout or "By hand" in ran.stdout, "--dry-run printed no command")


def full_run(run):
    run.seed()
    ran = run.script_run(["--yes"])
    deferred = [e["step"] for e in run.events() if e["event"] == "deferred"]
    expect(ran.returncode == (3 if deferred else 0), f"the script failed: {ran.stdout[-2000:]}\n{ran.stderr}")
    reachable = run.reachable()
    expect(normal(run.world(), reachable) == normal(run.after, reachable),
           f"end state differs from the simulator's:\n{json.dumps(normal(run.world(), reachable), indent=1)}\n"
           f"expected:\n{json.dumps(normal(run.after, reachable), indent=1)}")
    ends = [e for e in run.events() if e["event"] == "end"]
    expect(ends and all(e["status"] == 0 for e in ends), "the log does not record every step's end")
    run.finish_deferred()
    expect(normal(run.world()) == normal(run.after),
           f"after the deferred steps, the state differs from the simulator's:\n"
           f"{json.dumps(normal(run.world()), indent=1)}\nexpected:\n{json.dumps(normal(run.after), indent=1)}")


def changing_command(run):
    with open(run.script, encoding="utf-8") as f:
        for line in f:
            words = line.split()
            if words[:1] == ["run"] and len(words) > 4 and words[1] == "'ibmcloud" and words[2] == "ce" \
                    and words[3] != "project" and any(v in words[4] for v in ("create", "update", "delete")):
                return f"{words[3]} {words[4]}"
    return None


def injected_failure(run):
    command = changing_command(run)
    if command is None:
        return
    run.seed()
    ran = run.script_run(["--yes"], {"FAKE_IBMCLOUD_FAIL": command})
    expect(ran.returncode != 0, f"an injected failure of '{command}' did not stop the script")
    failed = [e for e in run.events() if e["event"] == "end" and e["status"] != 0]
    expect(len(failed) == 1, "the log does not record the failed step")
    step = failed[0]["step"]
    expect(f"--from-step {step}" in ran.stderr, f"no resume hint for step {step}: {ran.stderr}")
    resumed = run.script_run(["--from-step", step, "--yes"])
    expect(resumed.returncode in (0, 3), f"--from-step {step} failed: {resumed.stderr}")
    reachable = run.reachable()
    expect(normal(run.world(), reachable) == normal(run.after, reachable),
           "after resuming, the end state differs from the simulator's")


def wrong_region(run):
    run.seed()
    ran = run.script_run(["--yes"], {"FAKE_IBMCLOUD_WRONG_REGION": "jp-osa"})
    changing = [c for c in run.calls() if c[:1] == ["ce"] and any(v in c for v in ("create", "update", "delete"))]
    if not any(c[:1] == ["target"] for c in run.calls()):
        return  # a procedure of manual steps only never targets a region
    expect(ran.returncode != 0, "a wrong region after target did not stop the script")
    expect("the target is not" in ran.stderr, f"no message about the target: {ran.stderr}")
    expect(changing == [], f"commands ran in the wrong region: {changing}")
    expect(normal(run.world()) == normal(run.before), "the world changed in the wrong region")


def read_files(run):
    """The files the script reads secrets and config maps from, as its step_files array lists them."""
    with open(run.script, encoding="utf-8") as f:
        text = f.read()
    listed = text[text.index("step_files=(\n"):].split(")\n", 1)[0]
    return sorted({word.strip("'") for line in listed.splitlines()[1:] for word in line.split() if word != "''"})


def refusals(run):
    """What stops a script before anything runs, and a manual step that is never said to be done."""
    run.seed()
    ran = run.script_run(["--only", "x", "--from-step", "y"])
    expect(ran.returncode == 2 and "exclude each other" in ran.stderr, f"--only with --from-step: {ran.stderr}")
    ran = run.script_run(["--only", "no-such-step"])
    expect(ran.returncode == 2 and "no step no-such-step" in ran.stderr, f"an unknown step: {ran.stderr}")
    files = read_files(run)
    if files:
        os.rename(os.path.join(run.work, files[0]), os.path.join(run.work, files[0] + ".away"))
        ran = run.script_run(["--yes"])
        os.rename(os.path.join(run.work, files[0] + ".away"), os.path.join(run.work, files[0]))
        expect(ran.returncode == 2 and files[0] in ran.stderr, f"a missing {files[0]} did not stop the start")
    expect(run.calls() == [], f"a refused start called ibmcloud: {run.calls()[:3]}")
    environment = dict(os.environ, SECRETS_MANAGER_URL="https://fake.eu-de.secrets-manager.appdomain.cloud", PATH=run.path, FAKE_IBMCLOUD_HOME=run.home, CEPLAN_LOG=run.log,
                       RESOURCE_GROUP="default")
    ran = subprocess.run([run.script, "--yes"], cwd=run.work, env=environment, input="\n\nnot yet\n",
                         capture_output=True, text=True, timeout=600)
    if "By hand" in ran.stdout:
        expect(ran.returncode == 1 and "no answer on standard input" in ran.stderr,
               f"a manual step went on without 'done': {ran.stderr[-300:]}")


def changed_nothing(run, what):
    changing = [c for c in run.calls() if c[0] != "target" and not any(v in c for v in READ_ONLY)]
    expect(changing == [], f"{what} ran commands that change something: {changing[:3]}")
    expect(normal(run.world()) == normal(run.before), f"{what} changed the world")


def rehearsal_ready(run):
    run.seed()
    ran = run.script_run([], script=run.rehearsal)
    expect(ran.returncode == 0, f"the rehearsal of the start state failed: {ran.stdout[-1500:]}{ran.stderr}")
    expect("Readiness: " in ran.stdout and " 0 failed." in ran.stdout, f"no readiness report: {ran.stdout[-500:]}")
    changed_nothing(run, "the rehearsal")


def first_check(run, prefix):
    with open(run.rehearsal, encoding="utf-8") as f:
        for line in f:
            words = line.strip().split("'")
            if line.strip().startswith("check ") and len(words) > 1 and words[1].startswith(prefix):
                return words[1]
    return None


def rehearsal_not_ready(run):
    """A secret the procedure relies on is missing, else an image: the rehearsal says so and fails."""
    regions = json.loads(json.dumps(run.before))
    env = {}
    secret = first_check(run, "secret ")
    image = first_check(run, "image ")
    if secret is not None:
        name, region = secret.split(" ")[1], secret.split(" ")[-1]
        regions[region]["secrets"].remove(name)
        subject = secret
    elif image is not None:
        env["FAKE_IBMCLOUD_MISSING_IMAGES"] = image.split(" ")[1]
        subject = image
    else:
        return
    run.seed(regions)
    ran = run.script_run([], env, script=run.rehearsal)
    expect(ran.returncode == 1, f"the rehearsal passed without {subject}")
    expect(f"FAIL {subject}" in ran.stdout or f"[FAIL] {subject}" in ran.stdout,
           f"the readiness report does not name '{subject}': {ran.stdout[-800:]}")
    run.before, saved = regions, run.before
    changed_nothing(run, "the failed rehearsal")
    run.before = saved


def run_case(ceplan, root, name):
    with tempfile.TemporaryDirectory(prefix="ceplan-script-") as work:
        run = Run(ceplan, root, CASES[name], work)
        run.prepare()
        # What every script shares (its start, a missing subject in a rehearsal, resuming after a
        # failure) is checked on runbooks and fail-backs; each procedure's end state and target on all.
        shared = (refusals, rehearsal_not_ready, injected_failure) if not name.startswith("plan_") else ()
        for check in (dry_run, rehearsal_ready, full_run, wrong_region, *shared):
            try:
                check(run)
            except Check as failure:
                raise Check(f"{name}: {check.__name__}: {failure}") from None


def main():
    ceplan, root, case = os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3]
    names = list(CASES) if case == "all" else [case]
    try:
        for name in names:
            run_case(ceplan, root, name)
            print(f"{name}: ok")
    except Check as failure:
        print(failure, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
