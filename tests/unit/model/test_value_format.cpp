#include <catch2/catch.hpp>

#include <regex>

#include "model/time_zones.hpp"
#include "model/value_format.hpp"

using ceplan::ValueFormat;

namespace {

bool fits(ValueFormat format, const std::string& value) {
  return !ceplan::format_problem(format, value).has_value();
}

// The JSON Schema pattern must agree with the loader's check.
bool matches(ValueFormat format, const std::string& value) {
  return std::regex_search(value, std::regex(std::string(ceplan::format_pattern(format))));
}

}  // namespace

TEST_CASE("shapes accept what Code Engine accepts and refuse the rest, as the schema's patterns do") {
  const std::vector<std::tuple<ValueFormat, std::string, bool>> cases{
      {ValueFormat::name, "web-1", true},
      {ValueFormat::name, "Web_App", false},
      {ValueFormat::name, "-web", false},
      {ValueFormat::name, "web-", false},
      {ValueFormat::name, "1web", false},
      {ValueFormat::name, std::string(63, 'a'), true},
      {ValueFormat::name, std::string(64, 'a'), false},
      {ValueFormat::dns_name, "db.creds", true},
      {ValueFormat::dns_name, "DB", false},
      {ValueFormat::image, "icr.io/ns/app:1.0", true},
      {ValueFormat::image, "private.us.icr.io/ns/app", true},
      {ValueFormat::image, "localhost:5000/app@sha256:0123456789abcdef0123456789abcdef", true},
      {ValueFormat::image, "nginx", true},
      {ValueFormat::image, "my image", false},
      {ValueFormat::image, "icr.io/NS/app", false},
      {ValueFormat::image, "icr.io/ns/app:", false},
      {ValueFormat::cron, "0 2 * * *", true},
      {ValueFormat::cron, "*/5 1-3 * JAN MON", true},
      {ValueFormat::cron, "every day at noon", false},
      {ValueFormat::cron, "0 2 * *", false},
      // Field bounds and names as Knative's PingSource validates them (robfig/cron's standard parser).
      {ValueFormat::cron, "59 23 31 12 6", true},
      {ValueFormat::cron, "0,30 9-17/2 ? jan-Mar sun,SAT", true},
      {ValueFormat::cron, "60 2 * * *", false},
      {ValueFormat::cron, "0 24 * * *", false},
      {ValueFormat::cron, "0 2 0 * *", false},
      {ValueFormat::cron, "0 2 * 13 *", false},
      {ValueFormat::cron, "0 2 * * 7", false},
      {ValueFormat::cron, "*/0 * * * *", false},
      {ValueFormat::cron, "1,,2 * * * *", false},
      {ValueFormat::cron, "0 2 * * MONDAY", false},
      {ValueFormat::cron, "0 2 * * * *", false},
      {ValueFormat::region, "us-south", true},
      {ValueFormat::region, "US_South", true},
      {ValueFormat::region, std::string(64, 'a'), true},
      {ValueFormat::region, std::string(65, 'a'), false},
      {ValueFormat::region, "-south", false},
      {ValueFormat::region, "1us", false},
      {ValueFormat::region, "us south", false},
      {ValueFormat::region, "us-south$(id)", false},
  };
  for (const auto& [format, value, ok] : cases) {
    INFO(value);
    CHECK(fits(format, value) == ok);
    CHECK(matches(format, value) == ok);
  }
}

TEST_CASE("a cron range that ends before it starts is refused, though the schema's pattern cannot tell") {
  CHECK_FALSE(fits(ValueFormat::cron, "0 5-3 * * *"));
  CHECK(matches(ValueFormat::cron, "0 5-3 * * *"));
  CHECK(fits(ValueFormat::cron, "0 3-5 * * *"));
}

TEST_CASE("a time zone is a name of the IANA database, and the schema pattern checks only its shape") {
  CHECK(fits(ValueFormat::time_zone, "Europe/London"));
  CHECK(fits(ValueFormat::time_zone, "UTC"));
  CHECK(fits(ValueFormat::time_zone, "America/Argentina/Buenos_Aires"));
  CHECK(fits(ValueFormat::time_zone, "US/Eastern"));  // a link
  CHECK_FALSE(fits(ValueFormat::time_zone, "Mars/Olympus_Mons"));
  CHECK(matches(ValueFormat::time_zone, "Mars/Olympus_Mons"));
  CHECK_FALSE(fits(ValueFormat::time_zone, "europe/london"));
  CHECK_FALSE(ceplan::tz_database_version().empty());
}

TEST_CASE("labels and hosts") {
  CHECK(fits(ValueFormat::label, "Payments Prod"));
  CHECK_FALSE(fits(ValueFormat::label, "-x"));
  CHECK(matches(ValueFormat::label, "Payments Prod"));
  CHECK_FALSE(matches(ValueFormat::label, "-x"));
  CHECK(fits(ValueFormat::host, "Shop.example.com"));
  CHECK_FALSE(fits(ValueFormat::host, "shop example"));
  CHECK(matches(ValueFormat::host, "Shop.example.com"));
}
