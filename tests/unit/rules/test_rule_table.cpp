#include <catch2/catch.hpp>

#include <regex>

#include "rules/rule_table.hpp"
#include "test_util.hpp"

using ceplan::test::errors_of;

TEST_CASE("the rule set of docs/rules.md, with ids, kebab-case names and severities") {
  const auto& rules = ceplan::all_rules();
  CHECK(rules.size() == 57);
  for (std::size_t i = 0; i < rules.size(); ++i) {
    CHECK(&ceplan::rule(static_cast<ceplan::RuleId>(i)) == &rules[i]);  // handles follow the table
  }
  const std::regex kebab("[a-z]+(-[a-z]+)*");
  for (const auto& rule : rules) {
    INFO(rule.id);
    CHECK(std::regex_match(std::string(rule.name), kebab));
    CHECK_FALSE(rule.summary.empty());
    CHECK_FALSE(rule.rationale.empty());
    CHECK_FALSE(rule.example.empty());
    CHECK_FALSE(rule.fix.empty());
  }
  CHECK(ceplan::find_rule("CE301")->name == "duplicate-job-runs");
  CHECK(ceplan::find_rule("ce201")->name == "no-edge-proxy");
  CHECK(ceplan::find_rule("registry-single-region")->id == "CE306");
  CHECK(ceplan::find_rule("CE999") == nullptr);
  CHECK(ceplan::find_rule("CE105")->severity == ceplan::Severity::info);
  CHECK(ceplan::find_rule("CE203")->severity == ceplan::Severity::warning);
}

TEST_CASE("rule lists accept ids and names and reject unknown ones") {
  CHECK(ceplan::parse_rule_list("CE301, no-edge-proxy,,ce105") == std::set<std::string>{"CE105", "CE201", "CE301"});
  CHECK(ceplan::parse_rule_list("").empty());
  CHECK(errors_of([] { (void)ceplan::parse_rule_list("CE301,CE3O1"); }) ==
        std::vector<std::string>{"error: unknown rule 'CE3O1'; did you mean 'CE301'?"});
}

TEST_CASE("severities parse and order from most to least serious") {
  CHECK(ceplan::parse_severity("warning") == ceplan::Severity::warning);
  CHECK_FALSE(ceplan::parse_severity("never").has_value());
  CHECK(ceplan::Severity::error < ceplan::Severity::warning);
  CHECK(ceplan::Severity::warning < ceplan::Severity::info);
  // The one list of names every option, key and schema offers.
  CHECK(ceplan::severity_names() == std::vector<std::string>{"error", "warning", "info"});
  CHECK(ceplan::severity_names("never") == std::vector<std::string>{"error", "warning", "info", "never"});
  for (const std::string& name : ceplan::severity_names())
    CHECK(ceplan::to_string(*ceplan::parse_severity(name)) == name);
}
