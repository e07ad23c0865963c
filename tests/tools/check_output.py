#!/usr/bin/python3
"""Checks ceplan's machine-readable output with independent parsers.

  check_output.py valid SCHEMA FILE...     every FILE (JSON, or YAML by extension) validates
  check_output.py invalid SCHEMA FILE...   every FILE fails validation
  check_output.py junit FILE               FILE is JUnit XML: testsuites > testsuite > testcase
  check_output.py github FILE              every line is a GitHub workflow command
  check_output.py junit-strict FILE        FILE fits the Apache Ant JUnit schema (windyroad JUnit.xsd)
                                           and Jenkins' xunit junit-10.xsd: only the attributes and
                                           children both allow, in Ant's order, with its types
  check_output.py codeclimate FILE         FILE is a GitLab Code Quality report: issues with a
                                           description, check_name, a unique fingerprint, a known
                                           severity and a relative path with lines.begin
  check_output.py checkstyle FILE          FILE is Checkstyle XML: <file name> > <error line
                                           severity message source>
  check_output.py commands CLI_JSON FILE...  every command of the plans' or runbooks' steps (JSON,
                                           Markdown .md or text) is `ibmcloud target`, an `ibmcloud
                                           ce` command whose flags IBM's CLI reference (CLI_JSON)
                                           lists and that has the flags it needs (a secret's data
                                           flags fit its format; cron delete has --force; a project
                                           is created after `ibmcloud target -g`), or curl, openssl,
                                           echo or sleep
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
    names = set()
    for suite in suites:
        cases = suite.findall("testcase")
        for case in cases:
            key = (case.get("classname"), case.get("name"))
            if key in names:
                fail(f"{path}: two test cases are named {key}")
            names.add(key)
        found = sum(len(case.findall("failure")) for case in cases)
        if int(suite.get("tests")) != len(cases) or int(suite.get("failures")) != found:
            fail(f"{path}: suite {suite.get('name')} counts do not match its test cases")
        total += len(cases)
        failures += found
    if root.attrib and (int(root.get("tests")) != total or int(root.get("failures")) != failures):
        fail(f"{path}: <testsuites> counts do not match")
    print(f"{path}: {len(suites)} suites, {total} test cases, {failures} failures")


COMMAND = re.compile(r"^::(error|warning|notice) file=[^,:]+,line=[0-9]+,col=[0-9]+,title=[^,:]+::[^\r\n]*$")
# The summary of annotations GitHub would hide: a notice about no file.
SUMMARY = re.compile(r"^::notice title=[^,:]+::[^\r\n]*$")


def check_github(path):
    with open(path, encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    if not lines:
        fail(f"{path}: no workflow commands")
    for number, line in enumerate(lines):
        if not COMMAND.match(line) and not (number == 0 and SUMMARY.match(line)):
            fail(f"{path}: not a workflow command: {line}")
    print(f"{path}: {len(lines)} workflow commands")


ALIASES = {"app": "application", "sub": "subscription"}
TARGET_FLAGS = {"-r", "-g"}  # ibmcloud target -r REGION [-g RESOURCE_GROUP] (FACTS §7)
# Programs a runbook may use besides ibmcloud: an end-to-end check, a certificate check, a wait.
OTHER_PROGRAMS = {"curl", "openssl", "echo", "sleep", "rm", "jq", "sed"}

# `ibmcloud secrets-manager secret-by-name` (IBM's Secrets Manager CLI reference, secrets-manager-cli):
# its required flags, the global ones a runbook uses, and the secret types it documents.
SECRETS_MANAGER_FLAGS = {"--secret-type", "--name", "--secret-group-name", "--service-url", "--output"}
SECRETS_MANAGER_TYPES = {"arbitrary", "iam_credentials", "imported_cert", "kv", "private_cert", "public_cert",
                         "service_credentials", "username_password", "custom_credentials"}
SECRET_READ = "(set -o pipefail && umask 077 && "

# The data flags of each secret format (IBM's `secret create` reference; FACTS §7): a command may
# use the flags of one format only, and must use what that format needs.
SECRET_FLAGS = {
    "generic": {"--from-env-file", "--from-file", "--from-literal", "--from-json-file"},
    "tls": {"--cert-chain-file", "--private-key-file"},
    "registry": {"--server", "--username", "--password", "--password-from-file", "--email"},
    "ssh": {"--key-path", "--known-hosts-path"},
    "basic_auth": {"--username", "--password", "--password-from-file"},
    "hmac": {"--access-key-id", "--access-key-id-prompt", "--secret-access-key", "--secret-access-key-prompt"},
}
SECRET_NEEDS = {
    "generic": [{"--from-env-file", "--from-file", "--from-literal", "--from-json-file"}],
    "tls": [{"--cert-chain-file"}, {"--private-key-file"}],
    "registry": [{"--server"}, {"--username"}, {"--password", "--password-from-file"}],
    "ssh": [{"--key-path"}],
    "basic_auth": [{"--username"}, {"--password", "--password-from-file"}],
    "hmac": [{"--access-key-id", "--access-key-id-prompt"}, {"--secret-access-key", "--secret-access-key-prompt"}],
}
# Flags each command needs to run as printed, unattended.
REQUIRED = {
    "application create": [{"--name"}, {"--image"}],
    "job create": [{"--name"}, {"--image"}],
    "subscription cron create": [{"--name"}, {"--destination"}, {"--destination-type"}, {"--schedule"}],
    "subscription cron delete": [{"--name"}, {"--force"}],  # without --force it prompts
    "domainmapping create": [{"--domain-name"}, {"--target"}, {"--tls-secret"}],
    "project create": [{"--name"}],
}


def flag_values(words):
    """{flag: value or None} for the words after the command name."""
    out = {}
    for i, word in enumerate(words):
        if word.startswith("-"):
            name, _, value = word.partition("=")
            following = words[i + 1] if i + 1 < len(words) and not words[i + 1].startswith("-") else None
            out[name] = value or following
    return out


def check_secret(name, flags):
    used = {f for f in flags if any(f in family for family in SECRET_FLAGS.values())}
    if name == "secret create":
        fmt = flags.get("--format") or "generic"
        if fmt not in SECRET_FLAGS:
            return f"unknown secret format {fmt}"
        wrong = used - SECRET_FLAGS[fmt]
        if wrong:
            return f"flag {sorted(wrong)[0]} does not fit a {fmt} secret"
        for need in SECRET_NEEDS[fmt]:
            if not need & used:
                return f"a {fmt} secret needs {sorted(need)[0]}"
        return None
    # secret update has no --format: its data flags must all belong to one format.
    if used and not any(used <= family for family in SECRET_FLAGS.values()):
        return f"flags {sorted(used)} mix secret formats"
    return None


def check_other(line):
    for segment in line.split("|"):
        words = shlex.split(segment)
        if words and words[0] not in OTHER_PROGRAMS:
            return f"{words[0]} is not a command a runbook may use"
    return None


def check_secret_read(line):
    """A Secrets Manager value written to a file: private, failing on an empty or failed read."""
    inner = line[len(SECRET_READ):].rstrip().removesuffix("&&").rstrip()
    if not inner.endswith(")"):
        return "a secret read is not one subshell"
    segments = inner[:-1].split(" | ")
    words = shlex.split(segments[0])
    if words[:3] != ["ibmcloud", "secrets-manager", "secret-by-name"]:
        return "a secret read does not use ibmcloud secrets-manager secret-by-name"
    given = flag_values(words[3:])
    unknown = sorted(set(given) - SECRETS_MANAGER_FLAGS)
    if unknown:
        return f"'secrets-manager secret-by-name' has no flag {unknown[0]}"
    missing = sorted(SECRETS_MANAGER_FLAGS - set(given))
    if missing:
        return f"'secrets-manager secret-by-name' needs {missing[0]}"
    if given["--secret-type"] not in SECRETS_MANAGER_TYPES or given["--output"] != "json":
        return "a secret read needs a documented --secret-type and --output json"
    if len(segments) < 2 or not segments[1].startswith("jq -er ") or " > " not in segments[-1]:
        return "a secret read must go through jq -er into a file"
    return None


def check_command_line(line, reference, state):
    if line.startswith(SECRET_READ):
        return check_secret_read(line)
    words = shlex.split(line)
    if words[:2] == ["ibmcloud", "target"]:
        unknown = [w for w in words[2:] if w.startswith("-") and w not in TARGET_FLAGS]
        state["target"] = words
        return f"unknown flag {unknown[0]} of ibmcloud target" if unknown else None
    if words[:2] != ["ibmcloud", "ce"]:
        if words[:1] == ["ceplan"]:
            return None
        return check_other(line) if words[:1] and words[0] in OTHER_PROGRAMS else "not an ibmcloud command"
    rest = [ALIASES.get(w, w) for w in words[2:]]
    for length in range(min(3, len(rest)), 0, -1):
        name = " ".join(rest[:length])
        if name in reference:
            flags = set(reference[name]["flags"])
            for word in rest[length:]:
                if word.startswith("-") and word.split("=", 1)[0] not in flags:
                    return f"'{name}' has no flag {word}"
            given = flag_values(rest[length:])
            for need in REQUIRED.get(name, []):
                if not need & set(given):
                    return f"'{name}' needs {sorted(need)[0]}"
            if name in ("secret create", "secret update"):
                return check_secret(name, given)
            if name == "project create" and "-g" not in state.get("target", []):
                return "a project is created without ibmcloud target -g RESOURCE_GROUP before it"
            return None
    return "no such command in the CLI reference"


def command_blocks(path):
    """The command lines of each step, from JSON, Markdown (```sh blocks) or text ($ lines)."""
    text = open(path, encoding="utf-8").read()
    if path.endswith(".json"):
        document = json.loads(text)
        for item in document if isinstance(document, list) else [document]:
            for step in item["steps"]:
                yield step["id"], [line for line in step["command"].splitlines() if line]
    elif path.endswith(".md"):
        for index, block in enumerate(re.findall(r"```sh\n(.*?)```", text, re.S)):
            yield f"block {index + 1}", [line.strip() for line in block.splitlines() if line.strip()]
    else:
        lines = [line.strip()[2:] for line in text.splitlines() if line.strip().startswith("$ ")]
        yield "text", lines


def check_commands(reference_path, files):
    reference = load(reference_path)["commands"]
    count = 0
    for path in files:
        state = {}
        for step, lines in command_blocks(path):
            for line in lines:
                problem = check_command_line(line, reference, state)
                if problem:
                    fail(f"{path}: step {step}: {problem}: {line}")
                count += 1
    if count == 0:
        fail("no commands found")
    print(f"{count} command lines checked")


ANT_SUITE = {"name", "package", "id", "timestamp", "hostname", "tests", "failures", "errors", "skipped", "time"}
ANT_CASE = {"name", "classname", "time"}
JENKINS_CASE = {"name", "time", "classname", "group"}
TIMESTAMP = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}$")


def check_junit_strict(path):
    check_junit(path)
    root = ElementTree.parse(path).getroot()
    if root.attrib:
        fail(f"{path}: Ant's <testsuites> has no attributes, not {sorted(root.attrib)}")
    for number, suite in enumerate(root):
        if suite.tag != "testsuite":
            fail(f"{path}: <testsuites> holds <{suite.tag}>")
        missing = ANT_SUITE - {"skipped"} - set(suite.attrib)
        if missing or set(suite.attrib) - ANT_SUITE:
            fail(f"{path}: <testsuite> attributes {sorted(suite.attrib)}; Ant requires {sorted(ANT_SUITE)}")
        if int(suite.get("id")) != number or not TIMESTAMP.match(suite.get("timestamp")):
            fail(f"{path}: id must count from 0 and timestamp be YYYY-MM-DDTHH:MM:SS, not {suite.attrib}")
        for key in ("tests", "failures", "errors", "skipped"):
            int(suite.get(key, "0"))
        float(suite.get("time"))
        tags = [child.tag for child in suite]
        body = tags[1:-2]
        if tags[:1] != ["properties"] or tags[-2:] != ["system-out", "system-err"] or set(body) - {"testcase"}:
            fail(f"{path}: Ant wants properties, testcase..., system-out, system-err; got {tags}")
        for case in suite.findall("testcase"):
            if set(case.attrib) != ANT_CASE or not set(case.attrib) <= JENKINS_CASE:
                fail(f"{path}: <testcase> attributes {sorted(case.attrib)}; Ant requires exactly {sorted(ANT_CASE)}")
            children = list(case)
            if len(children) > 1 or any(c.tag not in ("failure", "error", "skipped") or
                                        (c.tag != "skipped" and not c.get("type")) for c in children):
                fail(f"{path}: a <testcase> holds at most one failure, error or skipped with a type")
    print(f"{path}: fits the Ant and Jenkins JUnit schemas")


def check_codeclimate(path):
    with open(path, encoding="utf-8") as handle:
        issues = json.load(handle)
    if not isinstance(issues, list):
        fail(f"{path}: not a JSON array")
    seen = set()
    for issue in issues:
        for key in ("description", "check_name", "fingerprint", "severity", "location"):
            if not isinstance(issue.get(key), (str, dict)) or not issue.get(key):
                fail(f"{path}: an issue has no {key}: {issue}")
        if issue["fingerprint"] in seen:
            fail(f"{path}: fingerprint {issue['fingerprint']} is not unique")
        seen.add(issue["fingerprint"])
        if issue["severity"] not in ("info", "minor", "major", "critical", "blocker"):
            fail(f"{path}: unknown severity {issue['severity']}")
        location = issue["location"]
        if location.get("path", "/").startswith("/") or location.get("lines", {}).get("begin", 0) < 1:
            fail(f"{path}: location needs a relative path and lines.begin >= 1: {location}")
    print(f"{path}: {len(issues)} issues")


def check_checkstyle(path):
    root = ElementTree.parse(path).getroot()
    if root.tag != "checkstyle":
        fail(f"{path}: root is <{root.tag}>, not <checkstyle>")
    errors = 0
    for file in root.findall("file"):
        if not file.get("name"):
            fail(f"{path}: a <file> has no name")
        for error in file.findall("error"):
            if not error.get("line", "").isdigit() or error.get("severity") not in ("error", "warning", "info"):
                fail(f"{path}: bad <error> {error.attrib}")
            if not error.get("message") or not error.get("source", "").startswith("ceplan."):
                fail(f"{path}: <error> needs a message and a ceplan source: {error.attrib}")
            errors += 1
    print(f"{path}: {errors} errors")


def main(argv):
    if len(argv) >= 4 and argv[1] in ("valid", "invalid"):
        check_valid(argv[2], argv[3:], argv[1] == "valid")
    elif len(argv) == 3 and argv[1] == "junit":
        check_junit(argv[2])
    elif len(argv) == 3 and argv[1] == "github":
        check_github(argv[2])
    elif len(argv) == 3 and argv[1] == "junit-strict":
        check_junit_strict(argv[2])
    elif len(argv) == 3 and argv[1] == "codeclimate":
        check_codeclimate(argv[2])
    elif len(argv) == 3 and argv[1] == "checkstyle":
        check_checkstyle(argv[2])
    elif len(argv) >= 4 and argv[1] == "commands":
        check_commands(argv[2], argv[3:])
    else:
        fail(__doc__)


if __name__ == "__main__":
    main(sys.argv)
