#include <catch2/catch.hpp>

#include <random>

#include "rules/config.hpp"
#include "test_util.hpp"

using ceplan::glob_match;
using ceplan::parse_config;
using ceplan::test::errors_of;
using Lines = std::vector<std::string>;

TEST_CASE("a configuration sets defaults, rules, severities, paths and per-path overrides") {
  const auto config = parse_config(
      "fail-on: warning\nformat: [text, sarif=ceplan.sarif]\ndisable: [single-campus-region]\n"
      "severity: { CE105: warning, CE104: off }\ncatalog: c.yaml\npaths: [\"deploy/**/*.yaml\"]\nexclude: drafts/*\n"
      "baseline: b.json\nreport-unused-ignores: true\noverrides:\n  - { files: [\"legacy/*\"], disable: [CE301] }\n",
      ".ceplan.yaml");
  CHECK(config.fail_on == "warning");
  CHECK(config.formats == std::vector<std::string>{"text", "sarif=ceplan.sarif"});
  CHECK(config.rules.disabled == std::set<std::string>{"CE109"});
  CHECK(config.rules.severity.at("CE105") == ceplan::Severity::warning);
  CHECK_FALSE(config.rules.severity.at("CE104").has_value());
  CHECK(config.catalog == "c.yaml");
  CHECK(config.paths == std::vector<std::string>{"deploy/**/*.yaml"});
  CHECK(config.exclude == std::vector<std::string>{"drafts/*"});
  CHECK(config.baseline == "b.json");
  CHECK(config.report_unused_ignores == true);
  REQUIRE(config.overrides.size() == 1);
  CHECK(config.overrides[0].files == std::vector<std::string>{"legacy/*"});
  CHECK(config.overrides[0].rules.disabled == std::set<std::string>{"CE301"});
  CHECK(parse_config("", ".ceplan.yaml").paths.empty());
}

TEST_CASE("a bad configuration is an input error at its line and column") {
  CHECK(errors_of([] { (void)parse_config("fail_on: warning\n", "c.yaml"); }) ==
        Lines{"c.yaml:1:1: error: unknown key 'fail_on' in the configuration; did you mean 'fail-on'?"});
  CHECK(errors_of([] { (void)parse_config("disable: [CE3O1]\n", "c.yaml"); }) ==
        Lines{"c.yaml:1:11: error: unknown rule 'CE3O1' in 'disable'; did you mean 'CE301'?"});
  CHECK(errors_of([] { (void)parse_config("enable-only: [duplicate-jobs]\n", "c.yaml"); }) ==
        Lines{"c.yaml:1:15: error: unknown rule 'duplicate-jobs' in 'enable-only'; did you mean 'duplicate-job-runs' "
              "(CE301)?"});
  CHECK(errors_of([] { (void)parse_config("severity: { CE105: loud }\n", "c.yaml"); }) ==
        Lines{"c.yaml:1:20: error: the severity of CE105 must be one of error, warning, info, off, not 'loud'"});
  CHECK(errors_of([] { (void)parse_config("overrides: [{ disable: [CE301] }]\n", "c.yaml"); }) ==
        Lines{"c.yaml:1:13: error: an entry of 'overrides' is missing required key 'files'"});
  CHECK(errors_of([] { (void)parse_config("fail-on: [\n", "c.yaml"); }).size() == 1);
  CHECK(errors_of([] { (void)parse_config("format: [text, sarf=ceplan.sarif, xml]\n", "c.yaml"); }) ==
        std::vector<std::string>{
            "c.yaml:1:16: error: unknown format 'sarf' in 'format'; did you mean 'sarif'?",
            "c.yaml:1:35: error: unknown format 'xml' in 'format'; expected one of text, json, sarif, junit, "
            "junit-strict, github, codeclimate, checkstyle"});
  CHECK(errors_of([] { (void)parse_config("format: [text, sarif=ceplan.sarif]\n", "c.yaml"); }) ==
        std::vector<std::string>{"no error"});
}

TEST_CASE("glob syntax other tools read, which would match nothing here, is an error with what to write") {
  CHECK(errors_of([] {
          (void)parse_config("paths: [\"deploy/{a,b}.yaml\", deploy/]\nexclude: [\"[ab].yaml\", \"!x.yaml\"]\n",
                             "c.yaml");
        }) == Lines{"c.yaml:1:9: error: 'paths' has 'deploy/{a,b}.yaml': braces are not glob syntax here; list each "
                    "pattern on its own",
                    "c.yaml:1:30: error: 'paths' has 'deploy/': a pattern matches files, not directories; write "
                    "'deploy/**' for every file below it",
                    "c.yaml:2:11: error: 'exclude' has '[ab].yaml': character classes ([...]) are not supported; use "
                    "?, * and **",
                    "c.yaml:2:24: error: 'exclude' has '!x.yaml': a leading '!' does not negate here; list the "
                    "pattern under 'exclude'"});
  CHECK(
      errors_of([] { (void)parse_config("overrides: [{ files: [\"legacy/{x}\"], disable: [CE101] }]\n", "c.yaml"); }) ==
      Lines{"c.yaml:1:23: error: 'files' has 'legacy/{x}': braces are not glob syntax here; list each pattern on its "
            "own"});
  CHECK(errors_of([] { (void)parse_config("paths: [\"deploy/**/*.y?ml\"]\n", "c.yaml"); }) == Lines{"no error"});
}

TEST_CASE("globs: * within a name, ** across directories (none included), ?") {
  CHECK(glob_match("deploy/*.yaml", "deploy/a.yaml"));
  CHECK_FALSE(glob_match("deploy/*.yaml", "deploy/x/a.yaml"));
  CHECK(glob_match("deploy/**/*.yaml", "deploy/a.yaml"));
  CHECK(glob_match("deploy/**/*.yaml", "deploy/x/y/a.yaml"));
  CHECK(glob_match("**/deploy*.yaml", "a/b/deploy-prod.yaml"));
  CHECK(glob_match("legacy/**", "legacy/a/b"));
  CHECK(glob_match("d?.yaml", "d1.yaml"));
  CHECK_FALSE(glob_match("d?.yaml", "d/.yaml"));
  CHECK_FALSE(glob_match("*.yaml", "a.yml"));
  CHECK_FALSE(glob_match(std::string(40, '*') + "x", std::string(200, 'a')));  // quick, not exponential
}

namespace {

// The rules of docs/configuration.md read literally, by backtracking: slow, but plainly right.
bool reference_match(std::string_view glob, std::string_view path) {
  if (glob.empty())
    return path.empty();
  if (glob.starts_with("**/")) {
    if (reference_match(glob.substr(3), path))
      return true;
    for (std::size_t k = 0; k < path.size(); ++k) {
      if (path[k] == '/' && reference_match(glob.substr(3), path.substr(k + 1)))
        return true;
    }
    return false;
  }
  if (glob.starts_with("**")) {
    for (std::size_t k = 0; k <= path.size(); ++k) {
      if (reference_match(glob.substr(2), path.substr(k)))
        return true;
    }
    return false;
  }
  if (glob.front() == '*') {
    for (std::size_t k = 0; k <= path.size(); ++k) {
      if (reference_match(glob.substr(1), path.substr(k)))
        return true;
      if (k < path.size() && path[k] == '/')
        return false;
    }
    return false;
  }
  const bool one = !path.empty() && (glob.front() == '?' ? path.front() != '/' : glob.front() == path.front());
  return one && reference_match(glob.substr(1), path.substr(1));
}

}  // namespace

TEST_CASE("globs match as the backtracking reading of their rules does") {
  std::mt19937 random(7);
  auto word = [&](std::string_view letters, std::size_t longest) {
    std::string out(random() % (longest + 1), ' ');
    for (char& c : out) c = letters[random() % letters.size()];
    return out;
  };
  int matched = 0;
  for (int i = 0; i < 20000; ++i) {
    const std::string glob = word("ab/*?", 7);
    const std::string path = word("ab/", 8);
    INFO(glob << " against " << path);
    const bool expected = reference_match(glob, path);
    REQUIRE(glob_match(glob, path) == expected);
    matched += expected ? 1 : 0;
  }
  CHECK(matched > 1000);  // the sample holds matches, not only misses
}

TEST_CASE("a long glob of stars against a deep path is matched in one pass per glob character") {
  // 1 KiB of "**a" against a 4 KiB path took seconds when each star rescanned the path.
  std::string glob;
  while (glob.size() + 3 < 1024) glob += "**a";
  std::string path;
  while (path.size() + 2 < 4096) path += "a/";
  CHECK(glob_match(glob + "x", path + "b") == false);
  CHECK(glob_match(glob, path + "a"));
}

TEST_CASE("a configuration names no file outside its own directory") {
  const std::string rule =
      "outside the directory of this configuration; use a path below it, without '..', or give "
      "it on the command line";
  CHECK(errors_of([] {
          (void)parse_config(
              "format: [\"json=../../x\", \"sarif=/abs\", text, \"junit=reports/j.xml\"]\n"
              "catalog: /etc/passwd\npaths: [\"deploy/*.yaml\", \"../other/*.yaml\"]\n"
              "baseline: a/../../b.json\n",
              ".ceplan.yaml");
        }) == Lines{".ceplan.yaml:1:10: error: 'format' names '../../x', " + rule,
                    ".ceplan.yaml:1:26: error: 'format' names '/abs', " + rule,
                    ".ceplan.yaml:2:10: error: 'catalog' names '/etc/passwd', " + rule,
                    ".ceplan.yaml:3:26: error: 'paths' names '../other/*.yaml', " + rule,
                    ".ceplan.yaml:4:11: error: 'baseline' names 'a/../../b.json', " + rule});
  CHECK(errors_of([] { (void)parse_config("format: sarif=~/x.sarif\ncatalog: ..\n", ".ceplan.yaml"); }).size() == 2);
  CHECK(parse_config("catalog: data/..x/c.yaml\nbaseline: .ceplan-baseline.json\n", ".ceplan.yaml").catalog ==
        "data/..x/c.yaml");
}
