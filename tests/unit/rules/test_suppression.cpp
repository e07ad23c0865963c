// Inline suppressions: what they cover, CE001 (no reason) and CE002 (unused) fire and stay quiet.
#include <catch2/catch.hpp>

#include "rules/suppression.hpp"
#include "test_util.hpp"

using ceplan::apply_suppressions;
using ceplan::test::errors_of;

namespace {

ceplan::Finding at(const char* id, int line) {
  const auto* rule = ceplan::find_rule(id);
  return {rule, rule->severity, "m", {line, 3}, "f"};
}

std::vector<std::string> ids(const std::vector<ceplan::Finding>& findings) {
  std::vector<std::string> out;
  for (const auto& finding : findings)
    out.push_back(std::string(finding.rule->id) + "@" + std::to_string(finding.location.line));
  return out;
}

}  // namespace

TEST_CASE("an ignore comment on its own line covers the next line with content, after a value its own line") {
  const std::string text =
      "a: 1\n# ceplan:ignore CE301 reason=\"idempotent by design\"\n\n# another comment\nb: 2\nc: 3  "
      "# ceplan:ignore duplicate-job-runs,CE302 reason='known'\nd: 4\n";
  const auto result = apply_suppressions(
      text, "d.yaml", {at("CE301", 1), at("CE301", 5), at("CE302", 6), at("CE301", 6), at("CE301", 7)}, {}, false);
  CHECK(ids(result.findings) == std::vector<std::string>{"CE301@1", "CE301@7"});
  REQUIRE(result.suppressed.size() == 3);
  CHECK(result.suppressed[0].justification == "idempotent by design");
  CHECK(result.suppressed[0].in_source);
  CHECK(result.suppressed[1].justification == "known");
}

TEST_CASE("ignore-file covers the whole file, for the rules it names only") {
  const auto result = apply_suppressions("# ceplan:ignore-file CE105 reason=\"EU only by law\"\na: 1\n", "d.yaml",
                                         {at("CE105", 2), at("CE104", 2)}, {}, false);
  CHECK(ids(result.findings) == std::vector<std::string>{"CE104@2"});
  CHECK(result.suppressed.size() == 1);
}

TEST_CASE("CE001 fires for a comment without a reason and is quiet with one") {
  const auto bare = apply_suppressions("a: 1  # ceplan:ignore CE301\n", "d.yaml", {at("CE301", 1)}, {}, false);
  CHECK(ids(bare.findings) == std::vector<std::string>{"CE001@1"});
  CHECK(bare.findings[0].location.column == 7);
  const auto reasoned =
      apply_suppressions("a: 1  # ceplan:ignore CE301 reason=\"x\"\n", "d.yaml", {at("CE301", 1)}, {}, false);
  CHECK(reasoned.findings.empty());
  const ceplan::RuleSelection without_ce001{{"CE001"}, {}};
  CHECK(apply_suppressions("a: 1  # ceplan:ignore CE301\n", "d.yaml", {}, without_ce001, false).findings.empty());
}

TEST_CASE("CE002 fires for a comment that suppresses nothing, only when asked") {
  const std::string text = "a: 1  # ceplan:ignore CE101 reason=\"old id\"\n";
  CHECK(ids(apply_suppressions(text, "d.yaml", {}, {}, true).findings) == std::vector<std::string>{"CE002@1"});
  CHECK(apply_suppressions(text, "d.yaml", {}, {}, false).findings.empty());
  CHECK(apply_suppressions(text, "d.yaml", {at("CE101", 1)}, {}, true).findings.empty());
}

TEST_CASE("an unknown rule in a comment is an input error at the comment") {
  CHECK(errors_of([] {
          (void)apply_suppressions("a: 1\nb: 2 # ceplan:ignore CE3O1 reason=\"x\"\n", "d.yaml", {}, {}, false);
        }) == std::vector<std::string>{"d.yaml:2:6: error: unknown rule 'CE3O1' in a ceplan:ignore comment; did you "
                                       "mean 'CE301'?"});
  CHECK(errors_of([] {
          (void)apply_suppressions("a: 1 # ceplan:ignore 301 reason=\"x\"\n", "d.yaml", {}, {}, false);
        }) == std::vector<std::string>{"d.yaml:1:6: error: unknown rule '301' in a ceplan:ignore comment; did you mean "
                                       "'CE301'?"});
  CHECK(errors_of([] { (void)apply_suppressions("# ceplan:ignore reason=\"x\"\n", "d.yaml", {}, {}, false); }) ==
        std::vector<std::string>{"d.yaml:1:1: error: a ceplan:ignore comment must name the rules it suppresses"});
}

TEST_CASE("a '#' inside a quoted value is not a comment") {
  const auto result = apply_suppressions("a: 'x # ceplan:ignore CE301'\n", "d.yaml", {at("CE301", 1)}, {}, false);
  CHECK(ids(result.findings) == std::vector<std::string>{"CE301@1"});
}

TEST_CASE("of two comments covering a finding, the first in the file suppresses it and the other is unused") {
  const std::string text =
      "# ceplan:ignore CE301 reason=\"a\"\n# ceplan:ignore CE301,CE302 reason=\"b\"\nb: 2\n"
      "# ceplan:ignore-file CE302 reason=\"c\"\n";
  const auto result = apply_suppressions(text, "d.yaml", {at("CE301", 3), at("CE302", 3)}, {}, true);
  REQUIRE(result.suppressed.size() == 2);
  CHECK(result.suppressed[0].justification == "a");
  CHECK(result.suppressed[1].justification == "b");  // before the ignore-file comment
  CHECK(ids(result.findings) == std::vector<std::string>{"CE002@4"});
}

TEST_CASE("a run of thousands of comments all cover the one line after them") {
  // Each comment used to look ahead through the rest of the run, and each finding through
  // every comment: both grew with the square of the file.
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "# ceplan:ignore CE301 reason=\"r\"\n";
  text += "b: 2\n";
  std::vector<ceplan::Finding> findings(20000, at("CE301", 20001));
  const auto result = apply_suppressions(text, "d.yaml", findings, {}, false);
  CHECK(result.findings.empty());
  CHECK(result.suppressed.size() == 20000);
}
