#include <catch2/catch.hpp>

#include "loader/yaml_read.hpp"
#include "test_util.hpp"

using ceplan::test::errors_of;
using ceplan::yaml::parse_duration;
using Lines = std::vector<std::string>;

namespace {

// Reads the value of key `v` in `text` with `read` and returns the problems it reported.
template <typename Read>
Lines problems(const std::string& text, Read read) {
  return errors_of([&] {
    ceplan::DiagnosticSink sink("t.yaml");
    ceplan::yaml::Reader reader(sink);
    const auto root = ceplan::yaml::parse(text, "t.yaml");
    read(reader, *root.find("v"));
    sink.throw_if_failed();
  });
}

}  // namespace

TEST_CASE("durations combine units in decreasing order") {
  CHECK(parse_duration("90s") == 90);
  CHECK(parse_duration("15m") == 900);
  CHECK(parse_duration("4h") == 14400);
  CHECK(parse_duration("1d") == 86400);
  CHECK(parse_duration("1h30m") == 5400);
  CHECK(parse_duration("1d2h3m4s") == 93784);
  CHECK_FALSE(parse_duration("").has_value());
  CHECK_FALSE(parse_duration("90").has_value());
  CHECK_FALSE(parse_duration("m").has_value());
  CHECK_FALSE(parse_duration("30m1h").has_value());
  CHECK_FALSE(parse_duration("5w").has_value());
  CHECK_FALSE(parse_duration("-5s").has_value());
  CHECK_FALSE(parse_duration("99999999999999999999s").has_value());
}

TEST_CASE("typed reads accept good values") {
  CHECK(problems("v: 15m", [](auto& r, auto& n) { CHECK(r.duration(n, "'rto'") == 900); }) == Lines{"no error"});
  CHECK(problems("v: 99.95", [](auto& r, auto& n) { CHECK(r.percent(n, "'sla'") == 99.95); }) == Lines{"no error"});
  CHECK(problems("v: \"99.5%\"", [](auto& r, auto& n) { CHECK(r.percent(n, "'sla'") == 99.5); }) == Lines{"no error"});
  CHECK(problems("v: 3", [](auto& r, auto& n) { CHECK(r.integer(n, "'n'", 0, 5) == 3); }) == Lines{"no error"});
  CHECK(problems("v: false", [](auto& r, auto& n) { CHECK(r.boolean(n, "'b'") == false); }) == Lines{"no error"});
  CHECK(problems("v: ~", [](auto& r, auto& n) { CHECK_FALSE(r.nullable_string(n, "'s'")); }) == Lines{"no error"});
}

TEST_CASE("typed reads pin their messages and locations") {
  CHECK(problems("v: 15", [](auto& r, auto& n) { (void)r.duration(n, "'rto'"); }) ==
        Lines{"t.yaml:1:4: error: 'rto' must be a duration such as 90s, 15m, 4h, 1d or 1h30m, not '15'"});
  CHECK(problems("v: [1]", [](auto& r, auto& n) { (void)r.duration(n, "'rto'"); }) ==
        Lines{"t.yaml:1:4: error: 'rto' must be a duration, not a sequence"});
  CHECK(problems("v: 0", [](auto& r, auto& n) { (void)r.percent(n, "'sla'"); }) ==
        Lines{"t.yaml:1:4: error: 'sla' must be above 0 and at most 100, not 0"});
  CHECK(problems("v: high", [](auto& r, auto& n) { (void)r.percent(n, "'sla'"); }) ==
        Lines{"t.yaml:1:4: error: 'sla' must be a percentage such as 99.95 or \"99.95%\", not 'high'"});
  CHECK(problems("v: 9", [](auto& r, auto& n) { (void)r.integer(n, "'n'", 0, 5); }) ==
        Lines{"t.yaml:1:4: error: 'n' must be between 0 and 5, not 9"});
  CHECK(problems("v: '3'", [](auto& r, auto& n) { (void)r.integer(n, "'n'", 0, 5); }) ==
        Lines{"t.yaml:1:4: error: 'n' must be a whole number, not '3'"});
  CHECK(problems("v: yes", [](auto& r, auto& n) { (void)r.boolean(n, "'b'"); }) ==
        Lines{"t.yaml:1:4: error: 'b' must be true or false, not 'yes'"});
  CHECK(problems("v: {}", [](auto& r, auto& n) { (void)r.string(n, "'s'"); }) ==
        Lines{"t.yaml:1:4: error: 's' must be a string, not a mapping"});
  CHECK(problems("v: [a, {}]", [](auto& r, auto& n) { (void)r.string_list(n, "'l'"); }) ==
        Lines{"t.yaml:1:8: error: an item of 'l' must be a string, not a mapping"});
  const std::vector<std::string> choices{"MZR", "SZR"};
  CHECK(problems("v: MRZ", [&](auto& r, auto& n) { (void)r.choice(n, "'availability'", choices); }) ==
        Lines{"t.yaml:1:4: error: 'availability' must be one of MZR, SZR, not 'MRZ'; did you mean 'MZR'?"});
}

TEST_CASE("maps report unknown keys with a suggestion and missing required keys") {
  const std::vector<std::string> known{"regions", "project"};
  CHECK(problems("v:\n  regoins: []\n",
                 [&](auto& r, auto& n) {
                   REQUIRE(r.map(n, "the deploy file", known));
                   (void)r.required(n, "project", "the deploy file");
                 }) == Lines{"t.yaml:2:3: error: unknown key 'regoins' in the deploy file; did you mean 'regions'?",
                             "t.yaml:2:3: error: the deploy file is missing required key 'project'"});
  CHECK(problems("v: [1]", [&](auto& r, auto& n) { CHECK_FALSE(r.map(n, "'x'", known)); }) ==
        Lines{"t.yaml:1:4: error: 'x' must be a mapping, not a sequence"});
}

TEST_CASE("plain scalars are typed as YAML 1.2's core schema types them, as editors do") {
  for (const char* whole : {"v: +1", "v: 0x1", "v: 0o1", "v: 1.0", "v: 1e0"}) {
    INFO(whole);
    CHECK(problems(whole, [](auto& r, auto& n) { CHECK(r.integer(n, "'n'", 0, 5) == 1); }) == Lines{"no error"});
  }
  for (const char* yes : {"v: true", "v: True", "v: TRUE"}) {
    CHECK(problems(yes, [](auto& r, auto& n) { CHECK(r.boolean(n, "'b'") == true); }) == Lines{"no error"});
  }
  CHECK(problems("v: FALSE", [](auto& r, auto& n) { CHECK(r.boolean(n, "'b'") == false); }) == Lines{"no error"});
  CHECK(problems("v: 1.5", [](auto& r, auto& n) { (void)r.integer(n, "'n'", 0, 5); }) ==
        Lines{"t.yaml:1:4: error: 'n' must be a whole number, not '1.5'"});
  CHECK(problems("v: 42", [](auto& r, auto& n) { (void)r.string(n, "'s'"); }) ==
        Lines{"t.yaml:1:4: error: 's' must be a string, not the number 42; quote it: '42'"});
  CHECK(problems("v: True", [](auto& r, auto& n) { (void)r.string(n, "'s'"); }) ==
        Lines{"t.yaml:1:4: error: 's' must be a string, not the boolean True; quote it: 'True'"});
  CHECK(problems("v: '42'", [](auto& r, auto& n) { CHECK(r.string(n, "'s'") == "42"); }) == Lines{"no error"});
}

TEST_CASE("a percentage string has the schema's form: at most 100, no leading zeros") {
  CHECK(problems("v: \"100%\"", [](auto& r, auto& n) { CHECK(r.percent(n, "'a'") == 100); }) == Lines{"no error"});
  CHECK(problems("v: +99.5", [](auto& r, auto& n) { CHECK(r.percent(n, "'a'") == 99.5); }) == Lines{"no error"});
  CHECK(problems("v: \"150%\"", [](auto& r, auto& n) { (void)r.percent(n, "'a'"); }) ==
        Lines{"t.yaml:1:4: error: 'a' must be a percentage such as 99.95 or \"99.95%\", not '150%'"});
  CHECK(problems("v: \"099%\"", [](auto& r, auto& n) { (void)r.percent(n, "'a'"); }) ==
        Lines{"t.yaml:1:4: error: 'a' must be a percentage such as 99.95 or \"99.95%\", not '099%'"});
}

TEST_CASE("a value as long as the file is cut in every message that quotes it") {
  const std::string digits(100'000, '7');
  const std::string shown = std::string(64, '7') + "...";
  CHECK(
      problems("v: 0." + digits, [](auto& r, auto& n) { (void)r.string(n, "'name'"); }) ==
      Lines{"t.yaml:1:4: error: 'name' must be a string, not the number 0." + std::string(62, '7') + "...; quote it"});
  CHECK(problems("v: " + digits, [](auto& r, auto& n) { (void)r.duration(n, "'rto'"); }) ==
        Lines{"t.yaml:1:4: error: 'rto' must be a duration such as 90s, 15m, 4h, 1d or 1h30m, not '" + shown + "'"});
  CHECK(problems("v: " + digits, [](auto& r, auto& n) { (void)r.percent(n, "'sla'"); }) ==
        Lines{"t.yaml:1:4: error: 'sla' must be a percentage such as 99.95 or \"99.95%\", not '" + shown + "'"});
  CHECK(problems("v: x" + digits, [](auto& r, auto& n) { (void)r.integer(n, "'n'", 0, 5); }) ==
        Lines{"t.yaml:1:4: error: 'n' must be a whole number, not 'x" + std::string(63, '7') + "...'"});
  CHECK(problems("v: x" + digits, [](auto& r, auto& n) { (void)r.boolean(n, "'b'"); }) ==
        Lines{"t.yaml:1:4: error: 'b' must be true or false, not 'x" + std::string(63, '7') + "...'"});
}
