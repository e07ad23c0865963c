#include <catch2/catch.hpp>

#include "model/deploy_schema.hpp"
#include "model/vocabulary.hpp"

TEST_CASE("every spelling round-trips, and the schema offers the same ones") {
  for (std::size_t i = 0; i < ceplan::strategy_names.size(); ++i) {
    const auto strategy = static_cast<ceplan::Strategy>(i);
    CHECK(ceplan::parse_strategy(ceplan::to_string(strategy)) == strategy);
  }
  CHECK_FALSE(ceplan::parse_strategy("hot-standby"));
  CHECK(ceplan::to_string(ceplan::Role::none).empty());
  CHECK(ceplan::to_string(ceplan::Role::recovery) == "recovery");
  CHECK(ceplan::to_string(ceplan::Steering::failover) == "failover");
  const auto& choices = ceplan::schema::choices("failover", "strategy");
  CHECK(std::vector<std::string>(ceplan::strategy_names.begin(), ceplan::strategy_names.end()) == choices);
}

TEST_CASE("steering defaults to ordered failover, except where every region serves") {
  CHECK(ceplan::defaults::steering_for(ceplan::Strategy::active_active) == ceplan::Steering::random);
  CHECK(ceplan::defaults::steering_for(ceplan::Strategy::warm_standby) == ceplan::Steering::failover);
  CHECK(ceplan::defaults::edge_sla == 99.999);
}
