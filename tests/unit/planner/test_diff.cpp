// ceplan diff: each kind of change to tests/data/diff/base.yaml and the verdict it earns.
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "model/deploy_loader.hpp"
#include "planner/diff.hpp"
#include "test_util.hpp"

namespace {

ceplan::Deployment load(const std::string& name) {
  std::ifstream in("diff/" + name);  // the tests run in tests/data
  std::stringstream text;
  text << in.rdbuf();
  return ceplan::load_deployment(text.str(), name);
}

ceplan::FileDiff against_base(const std::string& name, const ceplan::DiffPolicy& policy = {}) {
  return ceplan::diff(load("base.yaml"), load(name), ceplan::test::shared_catalog(), policy);
}

bool has_outcome(const ceplan::FileDiff& d, const std::string& scenario, const std::string& before,
                 const std::string& after) {
  return std::any_of(d.outcomes.begin(), d.outcomes.end(), [&](const ceplan::OutcomeChange& c) {
    return c.scenario == scenario && c.before == before && c.after == after;
  });
}

}  // namespace

TEST_CASE("a file compared with itself is unchanged") {
  const auto d = against_base("base.yaml");
  CHECK(d.verdict == ceplan::Verdict::unchanged);
  CHECK(d.outcomes.empty());
  CHECK(d.findings.empty());
}

TEST_CASE("removing the standby region regresses: the primary's loss takes the app down") {
  const auto d = against_base("standby-removed.yaml");
  CHECK(d.verdict == ceplan::Verdict::regressed);
  CHECK(has_outcome(d, "region us-east", "fails-over", "down"));
}

TEST_CASE("a slower health check changes failover time, and past the threshold it regresses") {
  const auto d = against_base("health-check-slower.yaml");
  REQUIRE_FALSE(d.outcomes.empty());
  CHECK(d.outcomes.front().failover_before == 145 + 900);  // the promotion waits for a decision
  CHECK(d.outcomes.front().failover_after == 190 + 900);
  CHECK(d.outcomes.front().term == "detection");
  CHECK(d.verdict == ceplan::Verdict::changed);  // 45s of growth is within the default minute
  CHECK(against_base("health-check-slower.yaml", {30, ceplan::Severity::error}).verdict == ceplan::Verdict::regressed);
}

TEST_CASE("min scale zero adds the warm-up term and a new CE203 warning") {
  const auto d = against_base("min-scale-zero.yaml");
  REQUIRE_FALSE(d.outcomes.empty());
  CHECK(d.outcomes.front().term == "warm-up");
  REQUIRE(d.findings.size() == 1);
  CHECK(d.findings[0].appeared);
  CHECK(d.findings[0].finding.rule->id == "CE203");
  CHECK(against_base("min-scale-zero.yaml", {60, ceplan::Severity::warning}).verdict == ceplan::Verdict::regressed);
}

TEST_CASE("moving the standby to another region of the same geography is a change, not a regression") {
  const auto d = against_base("region-moved.yaml");
  CHECK(d.verdict == ceplan::Verdict::changed);
  CHECK(has_outcome(d, "zone eu-de-1", "unaffected", "auto-recovers"));
}

TEST_CASE("a changed strategy, moved data and a duplicated schedule regress") {
  CHECK(against_base("strategy-changed.yaml").verdict == ceplan::Verdict::regressed);
  const auto moved = against_base("data-moved.yaml");
  CHECK(moved.verdict == ceplan::Verdict::regressed);
  CHECK(has_outcome(moved, "region eu-gb", "unaffected", "fails-over"));
  const auto twice = against_base("schedule-duplicated.yaml");
  CHECK(twice.verdict == ceplan::Verdict::regressed);
  CHECK(std::any_of(twice.findings.begin(), twice.findings.end(),
                    [](const auto& f) { return f.appeared && f.finding.rule->id == "CE301"; }));
}

TEST_CASE("a renamed app is reported as renamed, with no outcome lost") {
  const auto d = against_base("renamed.yaml");
  CHECK(d.workloads == std::vector<std::string>{"app 'payments-api' renamed to 'payments-gateway'"});
  CHECK(d.outcomes.empty());
  CHECK(d.verdict == ceplan::Verdict::changed);
}

TEST_CASE("changed objectives are listed") {
  auto after = load("base.yaml");
  after.objectives.rto = 300;
  const auto d = ceplan::diff(load("base.yaml"), after, ceplan::test::shared_catalog());
  CHECK(d.objectives == std::vector<std::string>{"rto: 30m -> 5m"});
}
