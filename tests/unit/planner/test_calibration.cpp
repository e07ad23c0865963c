#include <catch2/catch.hpp>

#include "planner/calibration.hpp"
#include "planner/procedure.hpp"
#include "test_util.hpp"

using ceplan::planner::calibrate;
using ceplan::planner::read_step_log;
using ceplan::test::errors_of;
using Lines = std::vector<std::string>;

TEST_CASE("a step that moves data is logged by that move and its store, any other by its phase") {
  ceplan::Step step =
      ceplan::make_step("data-db", "restore data", "t", {ceplan::act(ceplan::ActionKind::note, "eu-gb")}, "", "");
  CHECK(ceplan::planner::step_kind(step) == "restore data");
  CHECK(ceplan::planner::step_store(step).empty());
  step.actions.push_back(ceplan::act(ceplan::ActionKind::promote_replica, "eu-gb", "db"));
  CHECK(ceplan::planner::step_kind(step) == "promote_replica");
  CHECK(ceplan::planner::step_store(step) == "db");
}

TEST_CASE("only the steps that ended with status 0 are measured") {
  const auto timings = read_step_log(
      R"({"step":"decide","kind":"decide","event":"start","epoch":1}
{"step":"decide","kind":"decide","event":"end","epoch":301,"status":0,"seconds":300}

{"step":"data-db","kind":"promote_replica","store":"db","event":"end","status":0,"seconds":610}
{"step":"app","kind":"restore","event":"end","status":1}
{"step":"cron","kind":"fence","event":"deferred"}
)",
      "drill.log.jsonl");
  REQUIRE(timings.size() == 2);
  CHECK(timings[0].step == "decide");
  CHECK(timings[0].seconds == 300);
  CHECK(timings[1].kind == "promote_replica");
  CHECK(timings[1].store == "db");
  CHECK(timings[1].seconds == 610);
}

TEST_CASE("a step log line that is not a step's event is an error at its line") {
  CHECK(errors_of([] { (void)read_step_log("\n[1]\n", "d.log"); }) ==
        Lines{"d.log:2:1: error: a step log line is a JSON object, not an array"});
  CHECK(errors_of([] { (void)read_step_log("{\"kind\":\"x\",\"event\":\"end\"}\n", "d.log"); }) ==
        Lines{"d.log:1:1: error: a step log line names its 'step' and 'event'"});
  CHECK(
      errors_of([] { (void)read_step_log("{\"step\":\"s\",\"event\":\"end\",\"status\":0}", "d.log"); }) ==
      Lines{"d.log:1:1: error: the end of a step that succeeded carries its 'seconds', a whole number of at least 0"});
  CHECK(
      errors_of(
          [] { (void)read_step_log("{\"step\":\"s\",\"event\":\"end\",\"status\":0,\"seconds\":-1}", "d.log"); }) ==
      Lines{"d.log:1:1: error: the end of a step that succeeded carries its 'seconds', a whole number of at least 0"});
  CHECK(errors_of([] { (void)read_step_log("{}\n{\"step\":", "d.log"); }) ==
        Lines{"d.log:1:1: error: a step log line names its 'step' and 'event'"});
  CHECK(errors_of([] { (void)read_step_log("{\"step\":\"s\",\"event\":\"end\"}\n{\"step\":", "d.log"); })
            .front()
            .starts_with("d.log:2:9: error: "));
}

TEST_CASE("the longest run of each kind, rounded up to the minute, is the value suggested") {
  const auto c = calibrate({{"decide", "decide", "", 61},
                            {"data-db", "restore_backup", "db", 3000},
                            {"decide", "decide", "", 0},
                            {"data-q", "promote_replica", "q", 0},
                            {"app", "restore", "", 5}});
  REQUIRE(c.kinds.size() == 4);
  CHECK(c.kinds[0].kind == "decide");
  CHECK(c.kinds[0].seconds == std::vector<std::int64_t>{0, 61});
  REQUIRE(c.suggestions.size() == 3);
  CHECK(c.suggestions[0].key == "objectives.decision_time");
  CHECK(c.suggestions[0].seconds == 120);
  CHECK(c.suggestions[0].runs == 2);
  CHECK(c.suggestions[1].key == "data[q].promote_time");
  CHECK(c.suggestions[1].seconds == 60);
  CHECK(c.suggestions[2].key == "data[db].restore_time");
  CHECK(c.suggestions[2].seconds == 3000);
  CHECK(calibrate({{"app", "restore", "", 5}}).suggestions.empty());
}
