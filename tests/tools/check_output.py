#!/usr/bin/python3
"""Checks ceplan's machine-readable output with independent parsers.

  check_output.py valid SCHEMA FILE...     every FILE (JSON, or YAML by extension) validates
  check_output.py invalid SCHEMA FILE...   every FILE fails validation
  check_output.py junit FILE               FILE is JUnit XML: testsuites > testsuite > testcase
  check_output.py github FILE              every line is a GitHub workflow command
  check_output.py commands CLI_JSON FILE...  every command of the plans' or runbooks' steps is
                                           `ibmcloud target` or an `ibmcloud ce` command whose
                                           flags IBM's CLI reference (CLI_JSON) lists
Exits 1 with a message on the first problem.
"""
import json
import re
import shlex
import sys
import xml.etree.ElementTree as ElementTree

import jsonschema
import yaml


def load(path):
    with open(path, encoding="utf-8") as handle:
        if path.endswith((".yaml", ".yml")):
            return yaml.safe_load(handle)
        return json.load(handle)


def validator_for(schema_path):
    schema = load(schema_path)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(1)


def check_valid(schema_path, files, expect_valid):
    validator = validator_for(schema_path)
    for path in files:
        errors = list(validator.iter_errors(load(path)))
        if expect_valid and errors:
            fail(f"{path}: {errors[0].message} at {list(errors[0].absolute_path)}")
        if not expect_valid and not errors:
            fail(f"{path}: validates, but should not")
        print(f"{path}: {'valid' if expect_valid else 'rejected'}")


def check_junit(path):
    root = ElementTree.parse(path).getroot()
    if root.tag != "testsuites":
        fail(f"{path}: root is <{root.tag}>, not <testsuites>")
    suites = root.findall("testsuite")
    if not suites:
        fail(f"{path}: no <testsuite>")
    total = failures = 0
    for suite in suites:
        cases = suite.findall("testcase")
        found = sum(len(case.findall("failure")) for case in cases)
        if int(suite.get("tests")) != len(cases) or int(suite.get("failures")) != found:
            fail(f"{path}: suite {suite.get('name')} counts do not match its test cases")
        total += len(cases)
        failures += found
    if int(root.get("tests")) != total or int(root.get("failures")) != failures:
        fail(f"{path}: <testsuites> counts do not match")
    print(f"{path}: {len(suites)} suites, {total} test cases, {failures} failures")


COMMAND = re.compile(r"^::(error|warning|notice) file=[^,:]+,line=[0-9]+,col=[0-9]+,title=[^,:]+::[^\r\n]*$")


def check_github(path):
    with open(path, encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    if not lines:
        fail(f"{path}: no workflow commands")
    for line in lines:
        if not COMMAND.match(line):
            fail(f"{path}: not a workflow command: {line}")
    print(f"{path}: {len(lines)} workflow commands")


ALIASES = {"app": "application", "sub": "subscription"}
TARGET_FLAGS = {"-r", "-g"}  # ibmcloud target -r REGION [-g RESOURCE_GROUP] (FACTS §7)


def check_command_line(line, reference):
    words = shlex.split(line)
    if words[:2] == ["ibmcloud", "target"]:
        unknown = [w for w in words[2:] if w.startswith("-") and w not in TARGET_FLAGS]
        return f"unknown flag {unknown[0]} of ibmcloud target" if unknown else None
    if words[:2] != ["ibmcloud", "ce"]:
        return None if words[:1] == ["ceplan"] else "not an ibmcloud command"
    rest = [ALIASES.get(w, w) for w in words[2:]]
    for length in range(min(3, len(rest)), 0, -1):
        name = " ".join(rest[:length])
        if name in reference:
            flags = set(reference[name]["flags"])
            for word in rest[length:]:
                if word.startswith("-") and word.split("=", 1)[0] not in flags:
                    return f"'{name}' has no flag {word}"
            return None
    return "no such command in the CLI reference"


def check_commands(reference_path, files):
    reference = load(reference_path)["commands"]
    count = 0
    for path in files:
        document = load(path)
        for item in document if isinstance(document, list) else [document]:
            for step in item["steps"]:
                for line in filter(None, step["command"].splitlines()):
                    problem = check_command_line(line, reference)
                    if problem:
                        fail(f"{path}: step {step['id']}: {problem}: {line}")
                    count += 1
    if count == 0:
        fail("no commands found")
    print(f"{count} command lines checked")


def main(argv):
    if len(argv) >= 4 and argv[1] in ("valid", "invalid"):
        check_valid(argv[2], argv[3:], argv[1] == "valid")
    elif len(argv) == 3 and argv[1] == "junit":
        check_junit(argv[2])
    elif len(argv) == 3 and argv[1] == "github":
        check_github(argv[2])
    elif len(argv) >= 4 and argv[1] == "commands":
        check_commands(argv[2], argv[3:])
    else:
        fail(__doc__)


if __name__ == "__main__":
    main(sys.argv)
