#!/usr/bin/env python3
"""A fake `ibmcloud` for the test suite only: it keeps a Code Engine world in a directory and runs
the subset of commands that ceplan's runbook scripts use, with the flags IBM's CLI reference
(tests/schemas/ibmcloud-ce-cli.json) documents for each; any other flag or command is an error.

Environment:
  FAKE_IBMCLOUD_HOME          directory holding world.json (the regions, as `ceplan ... --format json
                              --show-effects` prints `world.before`), target.json and calls.log
  FAKE_IBMCLOUD_FAIL          a command fails when its words contain this text ("application create")
  FAKE_IBMCLOUD_WRONG_REGION  `target -r` lands in this region instead of the one asked for
  FAKE_IBMCLOUD_LOGGED_OUT    set: the session is not logged in
  FAKE_IBMCLOUD_MISSING_IMAGES  comma-separated images `cr image-inspect` does not find
"""

import json
import os
import sys

HOME = os.environ.get("FAKE_IBMCLOUD_HOME", "")
SCHEMA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "schemas", "ibmcloud-ce-cli.json")
BOOLEAN = {"--force", "--ignore-not-found", "--quiet", "-q", "--no-wait", "--wait", "--access-key-id-prompt",
           "--secret-access-key-prompt", "--no-select", "--decode", "--show-all-revisions", "--kubecfg",
           "--all-resource-groups"}
# Commands that change the world: a dry run or a rehearsal must not call them.
CHANGES = ("create", "update", "delete", "submit")


class Failure(Exception):
    pass


def load(name, default):
    path = os.path.join(HOME, name)
    if not os.path.exists(path):
        return default
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def save(name, value):
    with open(os.path.join(HOME, name), "w", encoding="utf-8") as handle:
        json.dump(value, handle, indent=1, sort_keys=True)


def parse_flags(words, allowed):
    flags = {}
    i = 0
    while i < len(words):
        word = words[i]
        if not word.startswith("-") or word not in allowed:
            raise Failure(f"unknown flag or argument {word!r}")
        if word in BOOLEAN:
            flags[word] = True
            i += 1
            continue
        if i + 1 >= len(words):
            raise Failure(f"flag {word} needs a value")
        flags.setdefault(word, []).append(words[i + 1])
        i += 2
    return flags


def one(flags, name):
    values = flags.get(name)
    if not values:
        raise Failure(f"missing {name}")
    return values[-1]


def need_files(flags, names):
    for name in names:
        for value in flags.get(name, []):
            if not os.path.exists(value):
                raise Failure(f"{name}: file {value} not found")


class World:
    def __init__(self):
        self.regions = load("world.json", {"regions": {}})["regions"]
        self.target = load("target.json", {})

    def save(self):
        save("world.json", {"regions": self.regions})
        save("target.json", self.target)

    def region(self):
        name = self.target.get("region")
        if not name:
            raise Failure("no region targeted")
        region = self.regions.setdefault(name, {"reachable": True, "project": False, "secrets": [], "servers": {},
                                                "configmaps": [], "apps": {}, "jobs": [], "schedules": [],
                                                "domain_mapping": False})
        if not region.get("reachable", True):
            raise Failure(f"region {name} does not answer")
        return region

    def project(self):
        region = self.region()
        if not region["project"] or not self.target.get("project"):
            raise Failure("no project selected")
        if self.target.get("project_region") != self.target.get("region"):
            raise Failure("the selected project is in another region")
        return region


def add(items, name):
    if name not in items:
        items.append(name)
        items.sort()


def remove(items, name):
    if name in items:
        items.remove(name)


def change(items, verb, name, flags, what):
    """create, delete (--ignore-not-found honoured) or get `name` in `items`."""
    if verb == "create":
        if name in items:
            raise Failure(f"{what} already exists")
        add(items, name)
    elif verb == "delete":
        if name not in items and "--ignore-not-found" not in flags:
            raise Failure(f"{what} not found")
        remove(items, name)
    elif name not in items:
        raise Failure(f"{what} not found")


def need(items, name, what):
    if name not in items:
        raise Failure(f"{what} {name} not found")


def ce_project(world, verb, flags):
    name = one(flags, "--name") if verb not in ("current", "list") else None
    if verb == "current":
        if not world.target.get("project"):
            raise Failure("no project selected")
        print(json.dumps({"name": world.target["project"], "region": world.target.get("project_region")}))
        return
    if verb == "list":
        wanted = flags.get("--regions", [""])[-1].split(",")
        print("Name      ID    Status  Selected  Tags  Region  Resource Group  Age")
        for name, region in sorted(world.regions.items()):
            if region.get("project") and (wanted == [""] or name in wanted):
                print(f"project   id-{name}  active  false  -  {name}  default  1d")
        return
    region = world.region()
    if verb == "create":
        if region["project"]:
            raise Failure(f"project {name} already exists")
        region["project"] = True
    elif not region["project"]:
        raise Failure(f"project {name} not found in {world.target['region']}")
    if verb == "select":
        world.target["project"] = name
        world.target["project_region"] = world.target["region"]


def ce_artifact(world, kind, verb, flags):
    region = world.project()
    name = one(flags, "--name")
    items = region["secrets" if kind == "secret" else "configmaps"]
    if verb == "create":
        if name in items:
            raise Failure(f"{kind} {name} already exists")
        need_files(flags, ["--from-env-file", "--cert-chain-file", "--private-key-file", "--password-from-file",
                           "--key-path"])
        add(items, name)
        if "--server" in flags:
            region.setdefault("servers", {})[name] = one(flags, "--server")
    else:
        need(items, name, kind)
        if verb == "get" and "--output" in flags and "--decode" in flags:
            server = region.get("servers", {}).get(name)
            auths = {server: {"username": "iamapikey"}} if server else {}
            print(json.dumps({"name": name, "data": {".dockerconfigjson": json.dumps({"auths": auths})}}))
        if verb == "update":
            need_files(flags, ["--from-env-file", "--password-from-file"])


def references(region, flags):
    for secret in flags.get("--env-from-secret", []) + flags.get("--registry-secret", []):
        need(region["secrets"], secret, "secret")
    for configmap in flags.get("--env-from-configmap", []):
        need(region["configmaps"], configmap, "configmap")


def scale(flags, key, default):
    return int(one(flags, key)) if key in flags else default


def ce_application(world, verb, flags):
    region = world.project()
    name = one(flags, "--name")
    apps = region["apps"]
    if verb == "create":
        if name in apps:
            raise Failure(f"application {name} already exists")
        references(region, flags)
        apps[name] = {"image": one(flags, "--image"), "min_scale": scale(flags, "--min-scale", 0),
                      "max_scale": scale(flags, "--max-scale", None)}
    elif verb == "delete":
        if name not in apps and "--ignore-not-found" not in flags:
            raise Failure(f"application {name} not found")
        apps.pop(name, None)
    else:
        if name not in apps:
            raise Failure(f"application {name} not found")
        if verb == "update":
            apps[name]["min_scale"] = scale(flags, "--min-scale", apps[name]["min_scale"])
            apps[name]["max_scale"] = scale(flags, "--max-scale", apps[name]["max_scale"])


def ce_job(world, verb, flags):
    region = world.project()
    name = one(flags, "--name")
    if verb == "create":
        references(region, flags)
    change(region["jobs"], verb, name, flags, f"job {name}")


def ce_jobrun(world, verb, flags):
    region = world.project()
    if "--job" in flags:
        job = one(flags, "--job")
        if verb == "submit":
            need(region["jobs"], job, "job")


def cron_job(name):
    return name[: -len("-cron")] if name.endswith("-cron") else name


def ce_cron(world, verb, flags):
    region = world.project()
    if verb == "list":
        if flags.get("--output") == ["json"]:
            print(json.dumps([{"name": f"{job}-cron", "destination": job} for job in region["schedules"]]))
        else:
            for job in region["schedules"]:
                print(f"{job}-cron")
        return
    name = one(flags, "--name")
    job = cron_job(name)
    if verb == "create":
        job = one(flags, "--destination")
        need(region["jobs"], job, "job")
    change(region["schedules"], verb, job, flags, f"subscription {name}")


def ce_domainmapping(world, verb, flags):
    region = world.project()
    if verb == "create":
        need(region["secrets"], one(flags, "--tls-secret"), "secret")
        if one(flags, "--target") not in region["apps"]:
            raise Failure("target application not found")
        region["domain_mapping"] = True
    elif not region["domain_mapping"]:
        raise Failure("domain mapping not found")


def ce(world, words):
    commands = json.load(open(SCHEMA, encoding="utf-8"))["commands"]
    for length in (3, 2):
        key = " ".join(words[:length])
        if key in commands:
            break
    else:
        raise Failure(f"unknown command: ce {' '.join(words[:3])}")
    flags = parse_flags(words[length:], set(commands[key]["flags"]))
    parts = key.split(" ")
    handlers = {"project": ce_project, "application": ce_application, "job": ce_job, "jobrun": ce_jobrun,
                "domainmapping": ce_domainmapping}
    if parts[0] in ("secret", "configmap"):
        ce_artifact(world, parts[0], parts[1], flags)
    elif key == "reclamation list":
        print("Name  ID  Status  Region  Resource Group  Age")
    elif parts[0] == "subscription" and parts[1] == "cron":
        ce_cron(world, parts[2], flags)
    elif parts[0] in handlers:
        handlers[parts[0]](world, parts[1], flags)
    else:
        raise Failure(f"the fake does not implement ce {key}")


def inspect_image(words):
    flags = [w for w in words if w.startswith("-")]
    if flags:
        raise Failure(f"unknown flag {flags[0]}")
    missing = os.environ.get("FAKE_IBMCLOUD_MISSING_IMAGES", "").split(",")
    for image in words:
        if image in missing:
            raise Failure(f"image {image} not found")
        print(json.dumps({"Id": "sha256:fake", "RepoTags": [image]}))


def glb_pools(world, words):
    parse_flags(words, {"--output", "-i", "--instance"})
    pools = [{"name": f"{name}-pool", "enabled": region["pool"] == "enabled",
              "origins": [{"address": f"app.example.{name}.codeengine.appdomain.cloud"}]}
             for name, region in sorted(world.regions.items()) if region.get("pool")]
    print(json.dumps(pools))


def target(world, words):
    if words == ["--output", "json"]:
        print(json.dumps({"region": {"name": world.target.get("region", "")},
                          "resource_group": {"name": world.target.get("group", "")}}))
        return
    flags = parse_flags(words, {"-r", "-g"})
    if "-r" in flags:
        region = os.environ.get("FAKE_IBMCLOUD_WRONG_REGION") or one(flags, "-r")
        if region != world.target.get("region"):
            world.target.pop("project", None)
        world.target["region"] = region
    if "-g" in flags:
        world.target["group"] = one(flags, "-g")


def secret_by_name(words):
    """`secrets-manager secret-by-name`, with the flags of IBM's Secrets Manager CLI reference
    (secrets-manager-cli); the value fields of each type as IBM's "What is a secret?" lists them."""
    flags = parse_flags(words, {"--secret-type", "--name", "--secret-group-name", "--service-url", "--output"})
    kind = one(flags, "--secret-type")
    if kind not in ("arbitrary", "imported_cert", "username_password"):
        raise Failure(f"secret type {kind} is not one ceplan reads")
    if one(flags, "--output") != "json" or not one(flags, "--service-url").startswith("https://"):
        raise Failure("secret-by-name needs --output json and an https --service-url")
    value = {"name": one(flags, "--name"), "secret_type": kind, "secret_group_id": one(flags, "--secret-group-name")}
    if kind == "arbitrary":
        value["payload"] = "KEY=value"
    elif kind == "imported_cert":
        value.update(certificate="-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----",
                     intermediate="-----BEGIN CERTIFICATE-----\\nMIIC\\n-----END CERTIFICATE-----",
                     private_key="-----BEGIN PRIVATE KEY-----\\nMIIE\\n-----END PRIVATE KEY-----")
    else:
        value.update(username="user", password="secret")
    print(json.dumps(value, indent=2))


def main(words):
    with open(os.path.join(HOME, "calls.log"), "a", encoding="utf-8") as log:
        log.write(json.dumps(words) + "\n")
    if os.environ.get("FAKE_IBMCLOUD_FAIL") and os.environ["FAKE_IBMCLOUD_FAIL"] in " ".join(words):
        raise Failure("injected failure")
    world = World()
    if words == ["iam", "oauth-tokens"]:
        if os.environ.get("FAKE_IBMCLOUD_LOGGED_OUT"):
            raise Failure("not logged in")
        print("IAM token:  Bearer fake")
    elif words == ["plugin", "show", "code-engine"]:
        print("Plugin Name  code-engine")
    elif words[:2] == ["cr", "image-inspect"]:
        inspect_image(words[2:])
    elif words[:2] == ["cis", "glb-pools"]:
        glb_pools(world, words[2:])
    elif words[:2] == ["secrets-manager", "secret-by-name"]:
        secret_by_name(words[2:])
    elif words[:1] == ["target"]:
        target(world, words[1:])
    elif words[:1] == ["ce"]:
        ce(world, words[1:])
    else:
        raise Failure(f"the fake does not implement {' '.join(words[:2])}")
    world.save()


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except Failure as failure:
        print(f"FAILED\n{failure}", file=sys.stderr)
        sys.exit(1)
