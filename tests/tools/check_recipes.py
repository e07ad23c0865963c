#!/usr/bin/python3
"""Checks the CI recipes ceplan ships: action.yml and the GitHub workflow pass action-validator
(GitHub's schemas, from npm), the GitLab job installs what its build needs, the Dockerfile builds
the static release the way the README does, and every recipe pins the release being made
(v + the CMake project version) rather than a branch.

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


def main(root):
    validator = os.path.join(root, "tests", "tools", "node_modules", ".bin", "action-validator")
    if not os.access(validator, os.X_OK):
        fail(f"{validator} is missing; scripts/install-deps.sh installs it with npm")
    for path in ("action.yml", "examples/ci/github-actions.yml", "examples/ci/diff-github.yml"):
        run = subprocess.run([validator, os.path.join(root, path)], capture_output=True, text=True)
        if run.returncode != 0:
            fail(f"{path} does not pass action-validator:\n{run.stdout}{run.stderr}")
        print(f"{path}: passes action-validator")

    with open(os.path.join(root, "CMakeLists.txt"), encoding="utf-8") as handle:
        version = re.search(r"project\(ceplan VERSION ([0-9.]+)", handle.read()).group(1)
    release = f"v{version}"

    with open(os.path.join(root, "action.yml"), encoding="utf-8") as handle:
        action = yaml.safe_load(handle)
    build_step = action["runs"]["steps"][0]["run"]
    if not BUILD_PACKAGES <= installed(build_step):
        fail(f"action.yml installs {sorted(installed(build_step))}, not all of {sorted(BUILD_PACKAGES)}")

    with open(os.path.join(root, "examples/ci/github-actions.yml"), encoding="utf-8") as handle:
        workflow = yaml.safe_load(handle)
    permissions = workflow["permissions"]
    for scope, level in (("contents", "read"), ("security-events", "write"), ("actions", "read")):
        if permissions.get(scope) != level:
            fail(f"examples/ci/github-actions.yml needs permissions {scope}: {level}")
    uses = [step["uses"] for step in workflow["jobs"]["resilience"]["steps"] if "ceplan/ceplan" in step.get("uses", "")]
    if uses != [f"ceplan/ceplan@{release}"]:
        fail(f"examples/ci/github-actions.yml must use ceplan/ceplan@{release}, not {uses}")

    with open(os.path.join(root, "examples/ci/gitlab-ci.yml"), encoding="utf-8") as handle:
        job = yaml.safe_load(handle)["ceplan"]
    if not BUILD_PACKAGES <= gitlab_packages(job):
        fail(f"the GitLab job installs {sorted(gitlab_packages(job))}, not all of {sorted(BUILD_PACKAGES)}")
    if job["variables"]["CEPLAN_REF"] != release:
        fail(f"the GitLab job must pin CEPLAN_REF: {release}")
    reports = job["artifacts"]["reports"]
    if "junit" not in reports or "codequality" not in reports:
        fail("the GitLab job must publish junit and codequality reports")

    with open(os.path.join(root, "examples/ci/diff-github.yml"), encoding="utf-8") as handle:
        diff_workflow = yaml.safe_load(handle)
    steps = diff_workflow["jobs"]["resilience-diff"]["steps"]
    build = next(step for step in steps if step.get("name") == "Build ceplan")
    if build["env"]["CEPLAN_REF"] != release or not BUILD_PACKAGES <= installed(build["run"]):
        fail(f"examples/ci/diff-github.yml must pin CEPLAN_REF: {release} and install {sorted(BUILD_PACKAGES)}")
    if diff_workflow["permissions"].get("pull-requests") != "write":
        fail("examples/ci/diff-github.yml needs permissions pull-requests: write to comment")
    with open(os.path.join(root, "examples/ci/diff-gitlab.yml"), encoding="utf-8") as handle:
        diff_job = yaml.safe_load(handle)["ceplan-diff"]
    if diff_job["variables"]["CEPLAN_REF"] != release or not BUILD_PACKAGES <= gitlab_packages(diff_job):
        fail(f"examples/ci/diff-gitlab.yml must pin CEPLAN_REF: {release} and install {sorted(BUILD_PACKAGES)}")

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
    print(f"recipes pin {release}; GitLab, Docker and the action install {sorted(BUILD_PACKAGES)}")


if __name__ == "__main__":
    main(sys.argv[1])
