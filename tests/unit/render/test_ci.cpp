#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "render/ci.hpp"

using ceplan::render::FileReport;

namespace {

std::vector<FileReport> reports(std::string path, std::string message) {
  const auto* rule = ceplan::find_rule("CE301");
  return {
      {std::move(path), {ceplan::Finding{rule, ceplan::Severity::warning, std::move(message), {3, 5}, "do x"}}, {}}};
}

}  // namespace

TEST_CASE("github commands escape data and properties") {
  // A line feed inside a message is shown, not obeyed: it could start a workflow command.
  CHECK(ceplan::render::github(reports("a,b:c.yaml", "100% sure\nreally\x1b[1m")) ==
        "::warning file=a%2Cb%3Ac.yaml,line=3,col=5,title=CE301 duplicate-job-runs::100%25 "
        "sure\\nreally\\x1b[1m%0AFix: do x\n");
  const auto* info = ceplan::find_rule("CE105");
  const std::vector<FileReport> notes{
      {"d.yaml", {ceplan::Finding{info, ceplan::Severity::info, "m", {1, 1}, "f"}}, {}}};
  CHECK_THAT(ceplan::render::github(notes), Catch::StartsWith("::notice "));
}

TEST_CASE("SARIF results carry rule index, level, relative URI, region and a stable fingerprint") {
  const auto first = nlohmann::json::parse(ceplan::render::sarif(reports("/work/x/my deploy.yaml", "m"), "/work"));
  const auto& run = first["runs"][0];
  CHECK(first["version"] == "2.1.0");
  CHECK(run["tool"]["driver"]["rules"].size() == ceplan::all_rules().size());
  const auto& result = run["results"][0];
  CHECK(result["ruleId"] == "CE301");
  CHECK(run["tool"]["driver"]["rules"][result["ruleIndex"].get<std::size_t>()]["id"] == "CE301");
  CHECK(result["level"] == "warning");
  const auto& location = result["locations"][0]["physicalLocation"];
  CHECK(location["artifactLocation"]["uri"] == "x/my%20deploy.yaml");
  CHECK(location["region"]["startLine"] == 3);
  CHECK(location["region"]["startColumn"] == 5);
  const auto again = nlohmann::json::parse(ceplan::render::sarif(reports("/work/x/my deploy.yaml", "m"), "/work"));
  CHECK(result["partialFingerprints"] == again["runs"][0]["results"][0]["partialFingerprints"]);
  const auto other = nlohmann::json::parse(ceplan::render::sarif(reports("/work/x/my deploy.yaml", "n"), "/work"));
  CHECK(result["partialFingerprints"] != other["runs"][0]["results"][0]["partialFingerprints"]);
  const auto outside = nlohmann::json::parse(ceplan::render::sarif(reports("/etc/d.yaml", "m"), "/work"));
  CHECK(outside["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "file:///etc/d.yaml");
}

TEST_CASE("JUnit: a case per rule checked, a failure per finding at or above --fail-on, XML escaped") {
  const ceplan::RuleSelection only{{}, {"CE301", "CE101"}};
  const std::string failing = ceplan::render::junit(reports("a&b.yaml", "<x>"), only, ceplan::Severity::warning);
  CHECK_THAT(failing, Catch::Contains("<testsuite name=\"a&amp;b.yaml\" tests=\"2\" failures=\"1\""));
  CHECK_THAT(failing, Catch::Contains("<testcase classname=\"a&amp;b.yaml\" name=\"CE101 unknown-region\"/>"));
  CHECK_THAT(failing, Catch::Contains("<failure type=\"warning\" message=\"&lt;x&gt;\">"));
  const std::string passing = ceplan::render::junit(reports("a.yaml", "m"), only, ceplan::Severity::error);
  CHECK_THAT(passing, Catch::Contains("failures=\"0\""));
  CHECK_THAT(passing, Catch::Contains("<system-out>a.yaml:3:5: warning[CE301]: m\nfix: do x\n</system-out>"));
  CHECK_THAT(ceplan::render::junit(reports("a.yaml", "bell\x07"), only, std::nullopt),
             Catch::Contains("bell\xEF\xBF\xBD"));
}
