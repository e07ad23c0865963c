// The JSON tree: values and kinds, and every input error with its place (line and column for
// syntax, JSON path for limits and duplicate keys).
#include <catch2/catch.hpp>

#include "loader/json_document.hpp"
#include "test_util.hpp"

using ceplan::json::Kind;
using ceplan::json::parse;
using ceplan::test::errors_of;

TEST_CASE("a JSON document becomes a tree with kinds, keys in order and whole numbers") {
  const auto root =
      parse(R"({"b": [1, -2, 3.5, 18446744073709551615], "a": {"t": true, "n": null, "s": "x"}})", "p.json");
  REQUIRE(root.kind == Kind::object);
  CHECK(root.keys == std::vector<std::string>{"b", "a"});
  const auto* numbers = root.find("b");
  REQUIRE(numbers->items.size() == 4);
  CHECK(numbers->items[0].integral);
  CHECK(numbers->items[1].integer == -2);
  CHECK_FALSE(numbers->items[2].integral);
  CHECK(numbers->items[2].text == "3.5");
  CHECK_FALSE(numbers->items[3].integral);
  CHECK(root.find("a")->find("t")->boolean);
  CHECK(root.find("a")->find("n")->kind == Kind::null);
  CHECK(root.find("a")->find("s")->string() == "x");
  CHECK(root.find("missing") == nullptr);
  CHECK(ceplan::json::describe(*root.find("b")) == "an array");
}

TEST_CASE("malformed JSON is reported at its line and column") {
  CHECK(errors_of([] { (void)parse("{\n  \"a\": tru\n}", "p.json"); }) ==
        std::vector<std::string>{"p.json:2:11: error: $.a: malformed JSON: syntax error while parsing value - invalid "
                                 "literal"});
  CHECK(errors_of([] { (void)parse("", "p.json"); }) ==
        std::vector<std::string>{"p.json:1:1: error: $: malformed JSON: syntax error while parsing value - unexpected "
                                 "end of input; expected '[', '{', or a literal"});
}

TEST_CASE("duplicate keys and exceeded limits are reported at their JSON path") {
  CHECK(errors_of([] { (void)parse(R"({"a": [{"k": 1, "k": 2}]})", "p.json"); }) ==
        std::vector<std::string>{"p.json: error: $.a[0]: duplicate key 'k'"});
  ceplan::InputLimits limits;
  limits.max_depth = 2;
  CHECK(errors_of([&] { (void)parse(R"({"a": {"b c": [1]}})", "p.json", limits); }) ==
        std::vector<std::string>{"p.json: error: $.a[\"b c\"]: nested more than 2 deep (--max-depth)"});
  limits = {};
  limits.max_nodes = 3;
  CHECK(errors_of([&] { (void)parse("[1, 2, 3]", "p.json", limits); }) ==
        std::vector<std::string>{"p.json: error: $[2]: more than 3 values (--max-nodes)"});
  limits = {};
  limits.max_file_size = 4;
  CHECK(errors_of([&] { (void)parse("[1, 2]", "p.json", limits); }) ==
        std::vector<std::string>{"p.json: error: larger than 4 bytes (--max-file-size)"});
}

TEST_CASE("deep nesting stops at the limit without recursion") {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  CHECK(errors_of([&] { (void)parse(deep, "p.json"); }) == std::vector<std::string>{"p.json: error: $" + [] {
          std::string path;
          for (int i = 0; i < 64; ++i) path += "[0]";
          return path;
        }() + ": nested more than 64 deep (--max-depth)"});
}

TEST_CASE("JSON paths quote keys that are not names") {
  CHECK(ceplan::json::member_path("$", "root_module") == "$.root_module");
  CHECK(ceplan::json::member_path("$.a", "module.app[\"x\"]") == "$.a[\"module.app[\\\"x\\\"]\"]");
  CHECK(ceplan::json::index_path("$.a", 3) == "$.a[3]");
}

TEST_CASE("a document cut short inside a secret never shows the secret in its error") {
  const std::string secret = "-----BEGIN PRIVATE KEY-----Zq9xWv8uTs7rQp6oNm5lKj4iHg3fEd2cBa1-----END";
  const std::string head = R"({"values": {"private_key": ")";
  const std::string text = head + secret + R"("}, "sensitive_values": {"private_key": true}})";
  const auto leaks = [&](const std::string& message) {
    for (std::size_t i = 0; i + 6 <= secret.size(); ++i) {
      if (message.find(secret.substr(i, 6)) != std::string::npos)
        return true;
    }
    return false;
  };
  for (std::size_t cut = head.size(); cut <= head.size() + secret.size() + 1; ++cut) {
    const auto lines = errors_of([&] { (void)parse(text.substr(0, cut), "plan.json"); });
    INFO(cut);
    REQUIRE(lines.size() == 1);
    CHECK_FALSE(leaks(lines.front()));
  }
  // A raw newline inside the value stops the parser there, as a truncation does.
  std::string broken = text;
  broken[head.size() + 30] = '\n';
  const auto lines = errors_of([&] { (void)parse(broken, "plan.json"); });
  CHECK(lines == std::vector<std::string>{
                     "plan.json:1:59: error: $.values.private_key: malformed JSON: syntax error while parsing value - "
                     "invalid "
                     "string: control character U+000A (LF) must be escaped to \\u000A or \\n"});
  CHECK(errors_of([&] { (void)parse(text.substr(0, head.size() + 10), "plan.json"); }) ==
        std::vector<std::string>{"plan.json:1:39: error: $.values.private_key: malformed JSON: syntax error while "
                                 "parsing value - "
                                 "invalid string: missing closing quote"});
}
