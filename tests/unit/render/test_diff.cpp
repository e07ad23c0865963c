#include <catch2/catch.hpp>

#include "render/diff.hpp"

TEST_CASE("a Markdown diff counts the findings it leaves out of the comment") {
  ceplan::FileDiff many;
  const auto* rule = ceplan::find_rule("CE301");
  for (int i = 0; i < 152; ++i)
    many.findings.push_back({true, {rule, ceplan::Severity::error, "job 'j' runs twice", {i + 1, 1}, "f"}});
  many.verdict = ceplan::Verdict::regressed;
  const std::vector<ceplan::render::DiffReport> reports{{"a.yaml", "b.yaml", many, {}, {}}};
  const std::string markdown = ceplan::render::diff_report(reports, ceplan::render::DiffFormat::markdown);
  CHECK_THAT(markdown,
             Catch::Contains("- 2 more changed findings are not shown; `ceplan diff --format json` has them all."));
  CHECK_THAT(markdown, Catch::StartsWith("### ceplan diff: **regressed**"));
}
