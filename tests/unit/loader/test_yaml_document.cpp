#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "loader/yaml_document.hpp"
#include "test_util.hpp"

using ceplan::test::errors_of;
using ceplan::yaml::Kind;
using ceplan::yaml::parse;
using Lines = std::vector<std::string>;

TEST_CASE("a document becomes a tree with 1-based marks") {
  const auto root = parse("a: 1\nlist:\n  - x\n  - \"y\"\n", "t.yaml");
  REQUIRE(root.kind == Kind::map);
  CHECK(root.keys == Lines{"a", "list"});
  CHECK(root.key_marks[1].line == 2);
  CHECK(root.key_marks[1].column == 1);
  const auto* list = root.find("list");
  REQUIRE(list != nullptr);
  REQUIRE(list->items.size() == 2);
  CHECK(list->items[0].mark.line == 3);
  CHECK(list->items[0].mark.column == 5);
  CHECK(list->items[0].plain);
  CHECK_FALSE(list->items[1].plain);
  CHECK(root.find("missing") == nullptr);
}

TEST_CASE("null spellings are null only when unquoted") {
  const auto root = parse("a: ~\nb: null\nc:\nd: 'null'\n", "t.yaml");
  CHECK(root.find("a")->is_null());
  CHECK(root.find("b")->is_null());
  CHECK(root.find("c")->is_null());
  CHECK_FALSE(root.find("d")->is_null());
}

TEST_CASE("an empty document is a null node at 1:1") {
  const auto root = parse("", "t.yaml");
  CHECK(root.kind == Kind::null);
  CHECK(root.mark.line == 1);
  CHECK(parse("# only a comment\n", "t.yaml").kind == Kind::null);
}

TEST_CASE("a UTF-8 byte order mark is accepted") {
  const auto root = parse("\xEF\xBB\xBFkey: value\n", "t.yaml");
  CHECK(root.keys == Lines{"key"});
  CHECK(root.key_marks[0].column == 1);
}

TEST_CASE("aliases are copied, and marked where the alias stands") {
  const auto root = parse("a: &x [1, 2]\nb: *x\n", "t.yaml");
  const auto* b = root.find("b");
  REQUIRE(b->kind == Kind::sequence);
  CHECK(b->items.size() == 2);
  CHECK(b->mark.line == 2);
}

TEST_CASE("input errors name the file, line and column") {
  CHECK(errors_of([] { (void)parse("a: 1\nb: 2\na: 3\n", "t.yaml"); }) ==
        Lines{"t.yaml:3:1: error: duplicate key 'a' (first at line 1)"});
  CHECK(errors_of([] { (void)parse("a: [1, 2\n", "t.yaml"); }) ==
        Lines{"t.yaml:2:1: error: end of sequence flow not found"});
  CHECK(errors_of([] { (void)parse("a: 1\n---\nb: 2\n", "t.yaml"); }) ==
        Lines{"t.yaml:2:1: error: a second YAML document is not allowed; the file must hold exactly one"});
  CHECK(errors_of([] { (void)parse("a: 1\nb: \xC3\x28\n", "t.yaml"); }) ==
        Lines{"t.yaml:2:4: error: invalid UTF-8; the file must be UTF-8 text"});
  CHECK(errors_of([] { (void)parse("a: 1\nb: x\x04y\n", "t.yaml"); }) ==
        Lines{"t.yaml:2:5: error: control character 0x04 is not allowed"});
  CHECK(errors_of([] { (void)parse(std::string("a: \0\n", 5), "t.yaml"); }) ==
        Lines{"t.yaml:1:4: error: control character 0x00 is not allowed"});
  CHECK(errors_of([] { (void)parse("a:\n\t- 1\n", "t.yaml"); }) ==
        Lines{"t.yaml:2:1: error: tab character in indentation; YAML indents with spaces only"});
  CHECK(errors_of([] { (void)parse(",", "t.yaml"); }) ==
        Lines{"t.yaml:1:1: error: unexpected ','; this is not valid YAML"});
  CHECK(errors_of([] { (void)parse("? [a, b]\n: 1\n", "t.yaml"); }) ==
        Lines{"t.yaml:1:3: error: a mapping key must be a plain string, not a sequence"});
}

TEST_CASE("nesting is limited before the parser can exhaust the stack") {
  ceplan::yaml::Limits limits;
  limits.max_depth = 3;
  CHECK_NOTHROW(parse("[[[1]]]", "t.yaml", limits));
  CHECK(errors_of([&] { (void)parse("[[[[1]]]]", "t.yaml", limits); }) ==
        Lines{"t.yaml:1:4: error: nesting is deeper than 3 levels (--max-depth)"});
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  const auto errors = errors_of([&] { (void)parse(deep, "t.yaml"); });
  REQUIRE(errors.size() == 1);
  // Unclosed flow sequences may also open implicit single-pair maps, so the column varies.
  CHECK_THAT(errors[0], Catch::StartsWith("t.yaml:1:") &&
                            Catch::EndsWith(": error: nesting is deeper than 64 levels (--max-depth)"));
}

TEST_CASE("aliases cannot expand without bound or refer to themselves") {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    bomb += fmt::format("{}: &{} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n", c, c,
                        fmt::arg("p", static_cast<char>(c - 1)));
  }
  // Each repeated node counts 16 bytes of text: 524,288 copies reach the 8 MiB limit, before
  // the 2,000,000 nodes (and hundreds of megabytes) a raised node limit would allow; the default
  // node limit trips at the same alias.
  ceplan::yaml::Limits raised;
  raised.max_nodes = 2'000'000;
  CHECK(errors_of([&] { (void)parse(bomb, "t.yaml", raised); }) ==
        Lines{"t.yaml:6:16: error: aliases repeat more than 8388608 bytes of text (--max-file-size)"});
  CHECK(errors_of([&] { (void)parse(bomb, "t.yaml"); }) ==
        Lines{"t.yaml:6:16: error: document has more than 500000 nodes, counting what aliases repeat (--max-nodes)"});
  ceplan::yaml::Limits limits;
  limits.max_nodes = 1000;
  CHECK(errors_of([&] { (void)parse(bomb, "t.yaml", limits); }) ==
        Lines{"t.yaml:3:32: error: document has more than 1000 nodes, counting what aliases repeat (--max-nodes)"});
  CHECK(errors_of([] { (void)parse("a: &a [ *a ]\n", "t.yaml"); }) ==
        Lines{"t.yaml:1:9: error: alias refers to an anchor that encloses it; a node cannot contain itself"});
}

TEST_CASE("input larger than the size limit is refused before parsing") {
  ceplan::yaml::Limits limits;
  limits.max_file_size = 8;
  CHECK_NOTHROW(parse("a: 12345", "t.yaml", limits));
  CHECK(errors_of([&] { (void)parse("a: 123456", "t.yaml", limits); }) ==
        Lines{"t.yaml: error: file is larger than the limit of 8 bytes (--max-file-size)"});
}

TEST_CASE("describe names a node's kind for messages") {
  const auto root = parse("m: {a: 1}\ns: [1]\nv: x\nn: ~\n", "t.yaml");
  CHECK(ceplan::yaml::describe(*root.find("m")) == "a mapping");
  CHECK(ceplan::yaml::describe(*root.find("s")) == "a sequence");
  CHECK(ceplan::yaml::describe(*root.find("v")) == "a scalar");
  CHECK(ceplan::yaml::describe(*root.find("n")) == "null");
}

TEST_CASE("hostile inputs: flow nesting is refused before the parser sees it") {
  ceplan::yaml::Limits limits;
  limits.max_depth = 8;
  CHECK(errors_of([&] { (void)parse("a: " + std::string(9, '['), "t.yaml", limits); }) ==
        Lines{"t.yaml:1:12: error: nesting is deeper than 8 levels (--max-depth)"});
  // Brackets that quoted text closes again and comments do not count, nor does an apostrophe
  // inside a word.
  const std::string json = std::string(20, '[') + std::string(20, ']');
  CHECK_NOTHROW(
      parse("a: '" + json + "'\nc: \"" + json + "\"\n# " + std::string(20, '{') + "\nb: it's\n", "t.yaml", limits));
  CHECK(errors_of([&] { (void)parse("a: it's " + std::string(9, '['), "t.yaml", limits); }) ==
        Lines{"t.yaml:1:17: error: nesting is deeper than 8 levels (--max-depth)"});
}

TEST_CASE("hostile inputs: a flow collection's entries count against the node limit before the parser sees them") {
  ceplan::yaml::Limits limits;
  limits.max_nodes = 10;
  CHECK(errors_of([&] { (void)parse("a: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n", "t.yaml", limits); }) ==
        Lines{"t.yaml:1:36: error: document has more than 10 nodes, counting what aliases repeat (--max-nodes)"});
  // Commas outside a flow collection, in quotes or in comments are not entries.
  CHECK_NOTHROW(
      parse("a: 1,1,1,1,1,1,1,1,1,1,1\nb: '1,1,1,1,1,1,1,1,1,1,1' # ,,,,,,,,,,,\nc: [1, 1]\n", "t.yaml", limits));
}

TEST_CASE("hostile inputs: what only looks quoted cannot hide nesting") {
  ceplan::yaml::Limits limits;
  limits.max_depth = 8;
  const std::string deep = std::string(9, '[');
  const auto refused = [&](const std::string& text) {
    const auto errors = errors_of([&] { (void)parse(text, "t.yaml", limits); });
    return errors.size() == 1 && errors[0].ends_with("error: nesting is deeper than 8 levels (--max-depth)");
  };
  CHECK(refused("a: [-\"" + deep + "\n"));    // `-"` starts a plain scalar, not a quoted one
  CHECK(refused("a: b,\"\n" + deep + "\n"));  // so does `,"` outside a flow collection
  CHECK(refused("a: [b \"" + deep + "\n"));   // and a quote inside a plain scalar
  // Closing brackets inside quotes never lower the depth, whatever the quotes really are.
  std::string cancelled = "a: ";
  for (int i = 0; i < 9; ++i) cancelled += "[ 'x'']', ";
  CHECK(refused(cancelled + "\n"));
  std::string strings = "a: ";
  for (int i = 0; i < 9; ++i) strings += "[ \"]\", ";
  CHECK(refused(strings + "\n"));
  // A quoted run that leaves brackets open keeps them open: the text is refused, not parsed.
  CHECK(refused("a: '" + deep + "'\n"));
}

TEST_CASE("hostile inputs: aliases are bounded in bytes and depth, nulls count as nodes") {
  ceplan::yaml::Limits limits;
  limits.max_file_size = 1000;
  CHECK(errors_of([&] { (void)parse("a: &a " + std::string(400, 'x') + "\nb: [*a, *a, *a]\n", "t.yaml", limits); }) ==
        Lines{"t.yaml:2:9: error: aliases repeat more than 1000 bytes of text (--max-file-size)"});
  // Each anchor keeps a copy: nested anchors around one long string count once per anchor.
  std::string nested = "a: ";
  for (int i = 0; i < 60; ++i) nested += fmt::format("&a{} [", i);
  nested += std::string(300, 'x') + std::string(60, ']') + "\n";
  CHECK(errors_of([&] { (void)parse(nested, "t.yaml", limits); }) ==
        Lines{"t.yaml:1:336: error: anchors and aliases repeat more than 1000 bytes of text (--max-file-size)"});
  ceplan::yaml::Limits shallow;
  shallow.max_depth = 4;
  CHECK(errors_of([&] { (void)parse("a: &a [[[1]]]\nb: [*a]\n", "t.yaml", shallow); }) ==
        Lines{"t.yaml:2:5: error: nesting is deeper than 4 levels (--max-depth), counting what aliases repeat"});
  ceplan::yaml::Limits few;
  few.max_nodes = 5;
  CHECK(errors_of([&] { (void)parse("[~, ~, ~, ~, ~, ~]\n", "t.yaml", few); }) ==
        Lines{"t.yaml:1:14: error: document has more than 5 nodes, counting what aliases repeat (--max-nodes)"});
}

TEST_CASE("hostile inputs: tags, encodings and tabs get messages that say what is wrong") {
  CHECK(errors_of([] { (void)parse("a: !!binary aGk=\nb: !foo x\n", "t.yaml"); }) ==
        Lines{"t.yaml:1:4: error: unsupported tag '!!binary'; ceplan reads plain YAML values",
              "t.yaml:2:4: error: unsupported tag '!foo'; ceplan reads plain YAML values"});
  CHECK_NOTHROW(parse("a: !!str 1\n", "t.yaml"));
  CHECK(errors_of([] {
          (void)parse(std::string("\xFF\xFE"
                                  "a\0:\0",
                                  6),
                      "t.yaml");
        }) ==
        Lines{"t.yaml:1:1: error: the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8"});
  CHECK(errors_of([] { (void)parse(std::string("a\0:\0 \0", 6), "t.yaml"); }) ==
        Lines{"t.yaml:1:1: error: the file looks like UTF-16 (it has NUL bytes between characters); save it as UTF-8"});
  CHECK(errors_of([] { (void)parse("a: 1\rb: 2\r", "t.yaml"); }) ==
        Lines{"t.yaml:1:1: error: the file ends its lines with CR only (classic Mac OS); save it with LF or CRLF line "
              "ends"});
  CHECK(errors_of([] { (void)parse("a: \xEF\xBF\xBE\n", "t.yaml"); }) ==
        Lines{"t.yaml:1:4: error: character U+FFFE is not allowed; it is not text"});
  CHECK_NOTHROW(parse("a: 1\n\t\n\t# a comment\nb: 2\n", "t.yaml"));
}

TEST_CASE("a duplicate key is found in one pass, however many there are") {
  std::string text;
  for (int i = 0; i < 3; ++i) text += "k: 1\n";
  CHECK(errors_of([&] { (void)parse(text, "t.yaml"); }) ==
        Lines{"t.yaml:2:1: error: duplicate key 'k' (first at line 1)",
              "t.yaml:3:1: error: duplicate key 'k' (first at line 1)"});
}
