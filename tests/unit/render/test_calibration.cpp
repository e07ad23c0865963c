#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "render/calibration.hpp"

TEST_CASE("calibration text lists each kind's runs, then the values the longest suggest") {
  const auto c = ceplan::planner::calibrate(
      {{"decide", "decide", "", 200}, {"data-db", "promote_replica", "db", 700}, {"decide", "decide", "", 100}});
  CHECK(ceplan::render::calibration(c, 2, false) ==
        "Measured steps, from 2 logs:\n"
        "  kind             store  runs  shortest  median  longest\n"
        "  decide           -      2     1m40s     1m40s   3m20s\n"
        "  promote_replica  db     1     11m40s    11m40s  11m40s\n"
        "\nSuggested deploy-file values (the longest run, rounded up to the minute):\n"
        "  objectives.decision_time: 4m  (2 runs)\n"
        "  data[db].promote_time: 12m  (1 run)\n");
  CHECK(ceplan::render::calibration({}, 1, false) == "No step ended with status 0 in 1 log: nothing to measure.\n");
  const auto json = nlohmann::json::parse(ceplan::render::calibration(c, 2, true));
  CHECK(json["logs"] == 2);
  CHECK(json["steps"][1]["store"] == "db");
  CHECK(json["steps"][0]["seconds"] == nlohmann::json::array({100, 200}));
  CHECK(json["suggestions"][1]["value"] == "12m");
}
