#include <catch2/catch.hpp>

#include "render/baseline.hpp"
#include "render/fingerprint.hpp"
#include "test_util.hpp"

using ceplan::render::FileReport;
using ceplan::test::errors_of;

TEST_CASE("a baseline records each finding by fingerprint, sorted, and reads back") {
  const auto* rule = ceplan::find_rule("CE301");
  const std::vector<FileReport> reports{
      {"b.yaml", {{rule, ceplan::Severity::error, "job 'b' runs twice", {4, 3}, "f"}}, {}, "deploy/b.yaml"},
      {"a.yaml", {{rule, ceplan::Severity::error, "job 'a' runs twice", {9, 3}, "f"}}, {}, "deploy/a.yaml"}};
  const std::string text = ceplan::render::baseline_json(reports);
  const auto entries = ceplan::render::read_baseline(text, "base.json");
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].path == "deploy/a.yaml");
  CHECK(entries[0].rule == "CE301");
  CHECK(entries[0].fingerprint == ceplan::render::fingerprints(reports[1]).front());
  CHECK(entries[1].message == "job 'b' runs twice");
}

TEST_CASE("a baseline that is not one is an input error with its place") {
  CHECK(errors_of([] { (void)ceplan::render::read_baseline("{\n  \"ceplan_baseline\": 1,\n  oops\n}", "b.json"); }) ==
        std::vector<std::string>{"b.json:3:3: error: not a ceplan baseline: invalid JSON"});
  CHECK(errors_of([] { (void)ceplan::render::read_baseline("[]", "b.json"); }) ==
        std::vector<std::string>{
            "b.json: error: not a ceplan baseline: expected {\"ceplan_baseline\": 1, \"findings\": [...]}"});
  CHECK(errors_of([] {
          (void)ceplan::render::read_baseline(R"({"ceplan_baseline": 1, "findings": [{"rule": "CE301"}]})", "b.json");
        }) == std::vector<std::string>{"b.json: error: baseline entry 1 has no 'fingerprint' string"});
}

TEST_CASE("a baseline whose values have the wrong type names the file, not a JSON library error") {
  CHECK(errors_of([] {
          (void)ceplan::render::read_baseline(R"({"ceplan_baseline": "1", "findings": []})", "b.json");
        }) == std::vector<std::string>{
                  "b.json: error: not a ceplan baseline: expected {\"ceplan_baseline\": 1, \"findings\": [...]}"});
  CHECK(
      errors_of([] {
        (void)ceplan::render::read_baseline(
            R"({"ceplan_baseline": 1, "findings": [{"fingerprint": "f", "rule": "CE301", "path": "p", "message": 7}]})",
            "b.json");
      }) == std::vector<std::string>{"b.json: error: baseline entry 1 has a 'message' that is not a string"});
}
