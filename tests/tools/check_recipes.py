#!/usr/bin/python3
"""Checks the CI recipes ceplan ships: action.yml, the GitHub workflows and the release workflow
pass action-validator (GitHub's schemas, from npm) and shellcheck, taking inputs from the
environment; the action and the recipes download the release binary with scripts/fetch-release.sh,
whose assets the release workflow builds; the GitLab job runs in the release image; the
Dockerfile builds the static release the way the README does, with git in the image; and every
recipe pins the release being made (v + the CMake project version) rather than a branch.

  check_recipes.py ROOT
"""
import json
import os
import re
import subprocess
import sys

import yaml

BUILD_PACKAGES = {"g++", "make", "cmake", "libcli11-dev", "nlohmann-json3-dev", "libyaml-cpp-dev", "libfmt-dev"}


def fail(message):
    print(f"check_recipes: {message}", file=sys.stderr)
    sys.exit(1)


def installed(text):
    """The packages every `apt-get install` line of `text` names (continuations joined)."""
    packages = set()
    joined = re.sub(r"\\\n\s*", " ", text)
    for line in joined.splitlines():
        match = re.search(r"apt-get install (.*)", line)
        if match:
            packages |= {word for word in match.group(1).split() if not word.startswith("-") and word != "\\"}
    return packages


def gitlab_packages(job):
    return installed("\n".join(step for step in job["before_script"] if "apt-get install" in step))


def check_release(root, release):
    """The release workflow builds the assets scripts/fetch-release.sh downloads, from the
    release preset, and checks that the tag names the version."""
    with open(os.path.join(root, ".github/workflows/release.yml"), encoding="utf-8") as handle:
        text = handle.read()
    workflow = yaml.safe_load(text)
    with open(os.path.join(root, "scripts/fetch-release.sh"), encoding="utf-8") as handle:
        assets = set(re.findall(r"asset=(ceplan-linux-[a-z0-9_]+)", handle.read()))
    built = {entry["asset"] for entry in workflow["jobs"]["binary"]["strategy"]["matrix"]["include"]}
    if not assets or built != assets:
        fail(f"the release builds {sorted(built)}, but scripts/fetch-release.sh downloads {sorted(assets)}")
    if "cmake --preset release && cmake --build --preset release" not in text or "SHA256SUMS" not in text or \
            "assets/COMMIT" not in text:
        fail("the release workflow must build the release preset and publish SHA256SUMS and COMMIT")
    if '"$TAG" != "v$version"' not in text:
        fail("the release workflow must check that the tag names CMakeLists.txt's version")
    print(f"release workflow builds {sorted(built)} with SHA256SUMS (first release: {release})")


def check_run_blocks(root, path):
    """Every bash `run` of a workflow or action passes shellcheck, and takes its inputs from the
    environment: an expression pasted into a script could inject shell code."""
    with open(os.path.join(root, path), encoding="utf-8") as handle:
        document = yaml.safe_load(handle)
    steps = document["runs"]["steps"] if "runs" in document else \
        [step for job in document["jobs"].values() for step in job["steps"]]
    for step in steps:
        if "run" not in step:
            continue
        if "${{" in step["run"]:
            fail(f"{path}: step '{step.get('name', step['run'][:30])}' pastes an expression into its script")
        check = subprocess.run(["shellcheck", "--shell=bash", "-"], input=step["run"], capture_output=True,
                               text=True)
        if check.returncode != 0:
            fail(f"{path}: step '{step.get('name')}' fails shellcheck:\n{check.stdout}")
    print(f"{path}: every run passes shellcheck and takes inputs from the environment")


def main(root):
    validator = os.path.join(root, "tests", "tools", "node_modules", ".bin", "action-validator")
    if not os.access(validator, os.X_OK):
        fail(f"{validator} is missing; scripts/install-deps.sh installs it with npm")
    for path in ("action.yml", "examples/ci/github-actions.yml", "examples/ci/diff-github.yml",
                 ".github/workflows/release.yml"):
        run = subprocess.run([validator, os.path.join(root, path)], capture_output=True, text=True)
        if run.returncode != 0:
            fail(f"{path} does not pass action-validator:\n{run.stdout}{run.stderr}")
        print(f"{path}: passes action-validator")

    with open(os.path.join(root, "CMakeLists.txt"), encoding="utf-8") as handle:
        version = re.search(r"project\(ceplan VERSION ([0-9.]+)", handle.read()).group(1)
    release = f"v{version}"

    with open(os.path.join(root, "action.yml"), encoding="utf-8") as handle:
        action = yaml.safe_load(handle)
    install_step = action["runs"]["steps"][0]["run"]
    if not BUILD_PACKAGES <= installed(install_step):
        fail(f"action.yml installs {sorted(installed(install_step))}, not all of {sorted(BUILD_PACKAGES)}")
    if "scripts/fetch-release.sh" not in install_step:
        fail("action.yml must download the release binary with scripts/fetch-release.sh before building")
    if "scripts/action-validate.sh" not in action["runs"]["steps"][1]["run"]:
        fail("action.yml must validate with scripts/action-validate.sh")
    check_release(root, release)
    for path in ("action.yml", ".github/workflows/release.yml", "examples/ci/diff-github.yml"):
        check_run_blocks(root, path)

    with open(os.path.join(root, "examples/ci/github-actions.yml"), encoding="utf-8") as handle:
        workflow = yaml.safe_load(handle)
    permissions = workflow["permissions"]
    for scope, level in (("contents", "read"), ("security-events", "write"), ("actions", "read")):
        if permissions.get(scope) != level:
            fail(f"examples/ci/github-actions.yml needs permissions {scope}: {level}")
    uses = [step["uses"] for step in workflow["jobs"]["resilience"]["steps"] if "ceplan/ceplan" in step.get("uses", "")]
    if uses != [f"ceplan/ceplan@{release}"]:
        fail(f"examples/ci/github-actions.yml must use ceplan/ceplan@{release}, not {uses}")
    sarif = [step["uses"] for step in workflow["jobs"]["resilience"]["steps"] if "upload-sarif" in step.get("uses", "")]
    if sarif != ["github/codeql-action/upload-sarif@v4"]:
        fail(f"examples/ci/github-actions.yml must upload with github/codeql-action/upload-sarif@v4, not {sarif}")

    with open(os.path.join(root, "examples/ci/gitlab-ci.yml"), encoding="utf-8") as handle:
        job = yaml.safe_load(handle)["ceplan"]
    if job["image"] != {"name": f"ghcr.io/ceplan/ceplan:{release}", "entrypoint": [""]}:
        fail(f"the GitLab job must run in ghcr.io/ceplan/ceplan:{release} with entrypoint [\"\"], not {job['image']}")
    reports = job["artifacts"]["reports"]
    if "junit" not in reports or "codequality" not in reports:
        fail("the GitLab job must publish junit and codequality reports")

    with open(os.path.join(root, "examples/ci/diff-github.yml"), encoding="utf-8") as handle:
        diff_workflow = yaml.safe_load(handle)
    steps = diff_workflow["jobs"]["resilience-diff"]["steps"]
    install = next(step for step in steps if step.get("name") == "Install ceplan")
    if install["env"]["CEPLAN_REF"] != release or "scripts/fetch-release.sh" not in install["run"]:
        fail(f"examples/ci/diff-github.yml must pin CEPLAN_REF: {release} and run scripts/fetch-release.sh")
    if diff_workflow["permissions"].get("pull-requests") != "write":
        fail("examples/ci/diff-github.yml needs permissions pull-requests: write to comment")
    with open(os.path.join(root, "examples/ci/diff-gitlab.yml"), encoding="utf-8") as handle:
        diff_job = yaml.safe_load(handle)["ceplan-diff"]
    if diff_job["variables"]["CEPLAN_REF"] != release or \
            not any("scripts/fetch-release.sh" in line for line in diff_job["before_script"]):
        fail(f"examples/ci/diff-gitlab.yml must pin CEPLAN_REF: {release} and run scripts/fetch-release.sh")

    for command, path in (("validate-manifest", ".pre-commit-hooks.yaml"),
                          ("validate-config", "examples/ci/pre-commit-config.yaml")):
        run = subprocess.run(["pre-commit", command, os.path.join(root, path)], capture_output=True, text=True)
        if run.returncode != 0:
            fail(f"{path} does not pass pre-commit {command}:\n{run.stdout}{run.stderr}")
        print(f"{path}: passes pre-commit {command}")
    with open(os.path.join(root, ".pre-commit-hooks.yaml"), encoding="utf-8") as handle:
        hooks = {hook["id"]: hook for hook in yaml.safe_load(handle)}
    if hooks["ceplan-validate-docker"]["entry"] != f"ghcr.io/ceplan/ceplan:{release} validate":
        fail(f"the container hook must run ghcr.io/ceplan/ceplan:{release}")
    for hook in hooks.values():
        pattern, excluded = re.compile(hook["files"]), re.compile(hook.get("exclude", "^$"))

        def checked(name):
            return pattern.search(name) and not excluded.search(name)
        for name in ("deploy.yaml", "deploy-shop.yml", "deploy/shop.yaml", "infra/deploy/shop.yaml"):
            if not checked(name):
                fail(f"hook {hook['id']}: files: {hook['files']} does not match {name}")
        for name in ("docs/notes.yaml", ".github/workflows/deploy.yml", "deploy/chart/templates/svc.yaml"):
            if checked(name):
                fail(f"hook {hook['id']}: files: {hook['files']} matches {name}, which is no deploy file")

    with open(os.path.join(root, "examples/ci/pre-commit-config.yaml"), encoding="utf-8") as handle:
        revs = [repo["rev"] for repo in yaml.safe_load(handle)["repos"]]
    if revs != [release]:
        fail(f"examples/ci/pre-commit-config.yaml must pin rev: {release}, not {revs}")

    with open(os.path.join(root, "Dockerfile"), encoding="utf-8") as handle:
        dockerfile = handle.read()
    if not BUILD_PACKAGES <= installed(dockerfile):
        fail(f"the Dockerfile installs {sorted(installed(dockerfile))}, not all of {sorted(BUILD_PACKAGES)}")
    if "cmake --preset release && cmake --build --preset release" not in dockerfile or \
            "COPY --from=build /src/build/release/ceplan" not in dockerfile:
        fail("the Dockerfile must build the release preset and copy build/release/ceplan")
    with open(os.path.join(root, "CMakePresets.json"), encoding="utf-8") as handle:
        presets = {p["name"]: p for p in json.load(handle)["configurePresets"]}
    if presets["release"]["cacheVariables"].get("CEPLAN_STATIC") != "ON":
        fail("the release preset must link statically: the Dockerfile's final image has no libraries")
    if "safe.directory" not in dockerfile or "git" not in installed(dockerfile.split("FROM debian:bookworm-slim\n")[-1]):
        fail("the Dockerfile's final image needs git, trusting a checkout of another owner, for ceplan diff --git")
    print(f"recipes pin {release}; Docker and the action install {sorted(BUILD_PACKAGES)}")


if __name__ == "__main__":
    main(sys.argv[1])
