#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "render/findings.hpp"

using ceplan::render::FileReport;
using ceplan::render::FindingsFormat;

namespace {

std::vector<FileReport> reports() {
  const auto* rule = ceplan::find_rule("CE301");
  return {{"a.yaml", {ceplan::Finding{rule, ceplan::Severity::error, "job 'j' runs twice", {14, 7}, "fix it"}}},
          {"b.yaml"}};
}

}  // namespace

TEST_CASE("text findings are compiler style with the fix indented and a summary") {
  CHECK(ceplan::render::findings(reports(), FindingsFormat::text) ==
        "a.yaml:14:7: error[CE301]: job 'j' runs twice\n    fix: fix it\n1 error, 0 warnings, 0 infos in 2 files\n");
  CHECK(ceplan::render::findings(std::vector<FileReport>{{"b.yaml"}}, FindingsFormat::text) ==
        "no findings in 1 file\n");
}

TEST_CASE("JSON findings follow docs/ci.md") {
  const auto json = nlohmann::json::parse(ceplan::render::findings(reports(), FindingsFormat::json));
  CHECK(json["ceplan"].is_string());
  REQUIRE(json["files"].size() == 2);
  CHECK(json["files"][0]["path"] == "a.yaml");
  const auto& finding = json["files"][0]["findings"][0];
  CHECK(finding["rule"] == "CE301");
  CHECK(finding["name"] == "duplicate-job-runs");
  CHECK(finding["severity"] == "error");
  CHECK(finding["message"] == "job 'j' runs twice");
  CHECK(finding["line"] == 14);
  CHECK(finding["column"] == 7);
  CHECK(finding["fix"] == "fix it");
  CHECK(json["files"][1]["findings"].empty());
  CHECK(json["summary"] ==
        nlohmann::json{{"errors", 1}, {"warnings", 0}, {"infos", 0}, {"unreadable_files", 0}, {"suppressed", 0}});
}

TEST_CASE("rules render as a table, a Markdown reference and an explanation") {
  const std::string table = ceplan::render::rules(ceplan::render::RulesFormat::text);
  CHECK_THAT(table, Catch::Contains("CE301  duplicate-job-runs"));
  const std::string markdown = ceplan::render::rules(ceplan::render::RulesFormat::markdown);
  CHECK_THAT(markdown, Catch::Contains("<a id=\"ce301\"></a>\n## CE301 duplicate-job-runs"));
  const std::string text = ceplan::render::explain(*ceplan::find_rule("CE201"));
  CHECK_THAT(text, Catch::StartsWith("CE201 no-edge-proxy (error)\n"));
  CHECK_THAT(text, Catch::Contains("Fix: add failover.edge_proxy"));
}

TEST_CASE("a file that could not be checked is counted apart, with its errors in JSON") {
  const std::vector<FileReport> reports{{"bad.yaml", {}, {ceplan::Diagnostic{"bad.yaml", {3, 1}, "unknown key 'x'"}}},
                                        {"good.yaml"}};
  CHECK(ceplan::render::findings(reports, FindingsFormat::text) ==
        "no findings in 1 file; 1 file could not be checked (input errors on standard error)\n");
  const auto json = nlohmann::json::parse(ceplan::render::findings(reports, FindingsFormat::json));
  CHECK(json["files"][0]["errors"] ==
        nlohmann::json::parse(R"([{"line": 3, "column": 1, "message": "unknown key 'x'"}])"));
  CHECK(json["summary"]["unreadable_files"] == 1);
}
