#include <catch2/catch.hpp>

#include "render/structured.hpp"

using Json = nlohmann::ordered_json;

TEST_CASE("YAML output mirrors the JSON value") {
  const Json value{{"regions", Json::array({Json{{"id", "eu-gb"}, {"zones", {"a", "b"}}, {"endpoint", nullptr}}})},
                   {"empty", Json::array()},
                   {"n", 3}};
  CHECK(ceplan::render::to_yaml(value) ==
        "regions:\n"
        "  - id: \"eu-gb\"\n"
        "    zones:\n"
        "      - \"a\"\n"
        "      - \"b\"\n"
        "    endpoint: null\n"
        "empty: []\n"
        "n: 3\n");
  CHECK(ceplan::render::to_yaml(Json("x: y")) == "\"x: y\"\n");
}

TEST_CASE("JSON output never throws on invalid UTF-8") {
  CHECK(ceplan::render::to_json(Json("a\xFFz")) == "\"a\xEF\xBF\xBDz\"\n");
}

TEST_CASE("a YAML scalar is plain only when it reads back as the same string") {
  using ceplan::render::yaml_scalar;
  CHECK(yaml_scalar("icr.io/shop/web:1.4") == "icr.io/shop/web:1.4");
  CHECK(yaml_scalar("/healthz") == "/healthz");
  CHECK(yaml_scalar("no") == "\"no\"");
  CHECK(yaml_scalar("1.0") == "\"1.0\"");
  CHECK(yaml_scalar("a: b") == "\"a: b\"");
  CHECK(yaml_scalar("a #b") == "\"a #b\"");
  CHECK(yaml_scalar("x\ny") == "\"x\\ny\"");
  CHECK(yaml_scalar("") == "\"\"");
}

TEST_CASE("values in Markdown cannot open a link, HTML, a code span or a table cell") {
  using ceplan::render::markdown_text;
  CHECK(markdown_text("a|b") == "a\\|b");
  CHECK(markdown_text("[x](https://evil.example) <img src=x> `y` *z* ~w~ &amp; !") ==
        "\\[x\\](https://evil.example) \\<img src=x> \\`y\\` \\*z\\* \\~w\\~ \\&amp; \\!");
  CHECK(markdown_text("db\u202e\x1b") == "db\\\\u202e\\\\x1b");
  CHECK(ceplan::render::markdown_code("app") == "`app`");
  CHECK(ceplan::render::markdown_code("a`b") == "``a`b``");
  CHECK(ceplan::render::markdown_code("`a") == "`` `a ``");
  CHECK(ceplan::render::markdown_fence("echo hi") == "```");
  CHECK(ceplan::render::markdown_fence("x ```` y") == "`````");
}

TEST_CASE("XML text holds only XML characters: controls, U+FFFE and U+FFFF become U+FFFD") {
  CHECK(ceplan::render::xml_escape("a<b & \"c\" 'd'>") == "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;");
  CHECK(ceplan::render::xml_escape("x\x01y") == "x\xEF\xBF\xBDy");
  CHECK(ceplan::render::xml_escape("x\xEF\xBF\xBEy\xEF\xBF\xBFz") == "x\xEF\xBF\xBDy\xEF\xBF\xBDz");
  CHECK(ceplan::render::xml_escape("\xEF\xBF\xBD \xEF\xBC\xA1") == "\xEF\xBF\xBD \xEF\xBC\xA1");  // U+FFFD, U+FF21 kept
}
