#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "render/ci.hpp"
#include "render/code_quality.hpp"
#include "render/junit.hpp"

using ceplan::render::FileReport;

namespace {

std::vector<FileReport> reports(std::string path, std::string message) {
  const auto* rule = ceplan::find_rule("CE301");
  return {{std::move(path), {ceplan::Finding{rule, ceplan::Severity::warning, std::move(message), {3, 5}, "do x"}}}};
}

}  // namespace

TEST_CASE("github commands escape data and properties") {
  // A line feed inside a message is shown, not obeyed: it could start a workflow command.
  CHECK(ceplan::render::github(reports("a,b:c.yaml", "100% sure\nreally\x1b[1m")) ==
        "::warning file=a%2Cb%3Ac.yaml,line=3,col=5,title=CE301 duplicate-job-runs::100%25 "
        "sure\\nreally\\x1b[1m%0AFix: do x\n");
  const auto* info = ceplan::find_rule("CE105");
  const std::vector<FileReport> notes{{"d.yaml", {ceplan::Finding{info, ceplan::Severity::info, "m", {1, 1}, "f"}}}};
  CHECK_THAT(ceplan::render::github(notes), Catch::StartsWith("::notice "));
}

TEST_CASE("SARIF results carry rule index, level, a URI against %SRCROOT%, region and a fingerprint") {
  const auto first = nlohmann::json::parse(ceplan::render::sarif(reports("x/my deploy.yaml", "m")));
  const auto& run = first["runs"][0];
  CHECK(first["version"] == "2.1.0");
  CHECK(run["tool"]["driver"]["rules"].size() == ceplan::all_rules().size());
  CHECK(run["tool"]["driver"]["fullName"] == "ceplan region-resilience planner for IBM Cloud Code Engine");
  CHECK_FALSE(run.contains("automationDetails"));
  const auto& result = run["results"][0];
  CHECK(result["ruleId"] == "CE301");
  CHECK(run["tool"]["driver"]["rules"][result["ruleIndex"].get<std::size_t>()]["id"] == "CE301");
  CHECK(result["level"] == "warning");
  CHECK(result["message"]["text"] == "m. Fix: do x.");
  const auto& location = result["locations"][0]["physicalLocation"];
  CHECK(location["artifactLocation"] == nlohmann::json{{"uri", "x/my%20deploy.yaml"}, {"uriBaseId", "%SRCROOT%"}});
  CHECK(location["region"]["startLine"] == 3);
  CHECK(location["region"]["startColumn"] == 5);
  const std::string print = result["partialFingerprints"]["ceplanFinding/v2"];
  CHECK(result["partialFingerprints"]["primaryLocationLineHash"] == print + ":1");
  const auto outside = nlohmann::json::parse(ceplan::render::sarif(reports("/etc/d.yaml", "m")));
  CHECK(outside["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"] ==
        nlohmann::json{{"uri", "file:///etc/d.yaml"}});
}

TEST_CASE("SARIF leaves suppressed findings out unless asked, and names a category only when given one") {
  auto suppressed = reports("d.yaml", "kept");
  suppressed[0].suppressed.push_back(
      {ceplan::Finding{ceplan::find_rule("CE301"), ceplan::Severity::warning, "hidden", {4, 1}, "f"}, true, "why"});
  const auto plain = nlohmann::json::parse(ceplan::render::sarif(suppressed));
  REQUIRE(plain["runs"][0]["results"].size() == 1);
  CHECK(plain["runs"][0]["results"][0]["message"]["text"] == "kept. Fix: do x.");
  const auto all =
      nlohmann::json::parse(ceplan::render::sarif(suppressed, {.include_suppressed = true, .category = {}}));
  REQUIRE(all["runs"][0]["results"].size() == 2);
  CHECK(all["runs"][0]["results"][1]["suppressions"] ==
        nlohmann::json::parse(R"([{"kind": "inSource", "justification": "why"}])"));
  // upload-sarif appends '/' to its category input; the id written here matches it.
  const auto named = nlohmann::json::parse(
      ceplan::render::sarif(suppressed, {.include_suppressed = false, .category = "ceplan-prod"}));
  CHECK(named["runs"][0]["automationDetails"] == nlohmann::json{{"id", "ceplan-prod/"}});
  const auto slashed =
      nlohmann::json::parse(ceplan::render::sarif(suppressed, {.include_suppressed = false, .category = "a/b/"}));
  CHECK(slashed["runs"][0]["automationDetails"]["id"] == "a/b/");
}

TEST_CASE("SARIF rules carry Markdown help, tags, precision and a problem severity") {
  const auto sarif = nlohmann::json::parse(ceplan::render::sarif(reports("d.yaml", "m")));
  const auto& rule = sarif["runs"][0]["tool"]["driver"]["rules"][2];
  CHECK(rule["id"] == "CE101");
  CHECK_THAT(rule["help"]["markdown"].get<std::string>(), Catch::StartsWith("**CE101 unknown-region**"));
  CHECK(rule["properties"]["tags"] == nlohmann::json::array({"resilience", "placement"}));
  CHECK(rule["properties"]["precision"] == "very-high");
  CHECK(rule["properties"]["problem.severity"] == "error");
}

TEST_CASE("a message that ends a sentence itself gets no second full stop") {
  const auto sarif = nlohmann::json::parse(ceplan::render::sarif(reports("d.yaml", "did you mean 'a'?")));
  CHECK(sarif["runs"][0]["results"][0]["message"]["text"] == "did you mean 'a'? Fix: do x.");
}

TEST_CASE("GitHub annotations beyond the ten of each kind a step shows start with a notice") {
  const auto* rule = ceplan::find_rule("CE301");
  std::vector<ceplan::Finding> findings;
  for (int line = 1; line <= 12; ++line) findings.push_back({rule, ceplan::Severity::error, "m", {line, 1}, "f"});
  const std::vector<FileReport> many{{"d.yaml", findings, {}, "deploy/d.yaml"}};
  const std::string out = ceplan::render::github(many, "ceplan.sarif");
  CHECK_THAT(out,
             Catch::StartsWith("::notice title=ceplan%3A more findings than GitHub shows::2 errors, 0 warnings and "
                               "0 notices are not shown as annotations (GitHub shows 10 of each kind per step); "
                               "every finding is in the job log and in ceplan.sarif\n::error file=deploy/d.yaml,"));
  findings.resize(10);
  CHECK_THAT(ceplan::render::github(std::vector<FileReport>{{"d.yaml", findings}}),
             Catch::StartsWith("::error file=d.yaml,line=1"));
}

TEST_CASE("JUnit: a case per finding or per quiet rule, a failure at or above --fail-on, XML escaped") {
  const ceplan::RuleSelection only{{}, {"CE301", "CE101"}};
  const std::string failing = ceplan::render::junit(reports("a&b.yaml", "<x>"), only, {ceplan::Severity::warning});
  CHECK_THAT(failing, Catch::Contains("<testsuite name=\"a&amp;b.yaml\" tests=\"2\" failures=\"1\""));
  CHECK_THAT(failing, Catch::Contains("<testcase classname=\"a&amp;b.yaml\" name=\"CE101 unknown-region\"/>"));
  CHECK_THAT(failing, Catch::Contains("<failure type=\"warning\" message=\"&lt;x&gt;\">"));
  const std::string passing = ceplan::render::junit(reports("a.yaml", "m"), only, {ceplan::Severity::error});
  CHECK_THAT(passing, Catch::Contains("failures=\"0\""));
  CHECK_THAT(passing, Catch::Contains("<system-out>a.yaml:3:5: warning[CE301]: m\nfix: do x</system-out>"));
  CHECK_THAT(ceplan::render::junit(reports("a.yaml", "bell\x07"), only, {std::nullopt}),
             Catch::Contains("bell\xEF\xBF\xBD"));
}

TEST_CASE(
    "JUnit: names are unique and carry no line or figure, file and line are attributes, the count never changes") {
  const auto* rule = ceplan::find_rule("CE206");
  const std::vector<FileReport> twice{{"d.yaml",
                                       {{rule, ceplan::Severity::error, "TTL of 20s", {20, 3}, "f"},
                                        {rule, ceplan::Severity::error, "TTL of 20s", {24, 3}, "f"}},
                                       {},
                                       "deploy/d.yaml"}};
  const ceplan::RuleSelection only{{}, {"CE206", "CE101"}};
  const std::string failing = ceplan::render::junit(twice, only, {ceplan::Severity::error});
  CHECK_THAT(failing, Catch::Contains("<testcase classname=\"deploy/d.yaml\" name=\"CE206 edge-proxy-limits: TTL of "
                                      "#s\" file=\"deploy/d.yaml\" line=\"20\">"));
  CHECK_THAT(failing, Catch::Contains("name=\"CE206 edge-proxy-limits: TTL of #s (2)\" file=\"deploy/d.yaml\" "
                                      "line=\"24\""));
  CHECK_THAT(failing, Catch::Contains("tests=\"3\" failures=\"2\""));
  // A figure that changes keeps the test's name, so CI tracks the same failure across runs.
  auto changed = twice;
  changed[0].findings[0].message = "TTL of 25s";
  CHECK_THAT(ceplan::render::junit(changed, only, {ceplan::Severity::error}),
             Catch::Contains("name=\"CE206 edge-proxy-limits: TTL of #s\" file=\"deploy/d.yaml\" line=\"20\""));
  // A file that could not be read is one erring case, at the first problem's line or line 1.
  const std::vector<FileReport> unreadable{{"d.yaml", {}, {ceplan::Diagnostic{"d.yaml", {}, "cannot read"}}}};
  CHECK_THAT(ceplan::render::junit(unreadable, only, {ceplan::Severity::error}),
             Catch::Contains("<testcase classname=\"d.yaml\" name=\"input\" file=\"d.yaml\" line=\"1\">"));
  CHECK_THAT(ceplan::render::checkstyle(unreadable),
             Catch::Contains("<error line=\"1\" severity=\"error\" message=\"cannot read\" source=\"ceplan.input\"/>"));
  CHECK_THAT(ceplan::render::junit(twice, only, {std::nullopt}), Catch::Contains("tests=\"3\" failures=\"0\""));
}

TEST_CASE("SARIF regions end where the node is known to end") {
  auto known = reports("d.yaml", "m");
  known[0].ends = {{3, 9}};
  const auto sarif = nlohmann::json::parse(ceplan::render::sarif(known));
  CHECK(sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"] ==
        nlohmann::json{{"startLine", 3}, {"startColumn", 5}, {"endLine", 3}, {"endColumn", 9}});
  const auto unknown = nlohmann::json::parse(ceplan::render::sarif(reports("d.yaml", "m")));
  CHECK_FALSE(unknown["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"].contains("endLine"));
}
