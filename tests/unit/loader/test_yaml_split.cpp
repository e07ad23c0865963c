#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "loader/yaml_split.hpp"
#include "test_util.hpp"

using ceplan::yaml::Node;

namespace {

// The two trees are the same, marks included; `where` names the first difference.
bool same(const Node& a, const Node& b, std::string& where) {
  if (a.kind != b.kind || a.mark.line != b.mark.line || a.mark.column != b.mark.column || a.value != b.value ||
      a.plain != b.plain || a.keys != b.keys || a.items.size() != b.items.size() ||
      a.key_marks.size() != b.key_marks.size()) {
    where = fmt::format("node at {}:{} ('{}') vs {}:{} ('{}')", a.mark.line, a.mark.column, a.value, b.mark.line,
                        b.mark.column, b.value);
    return false;
  }
  for (std::size_t i = 0; i < a.key_marks.size(); ++i) {
    if (a.key_marks[i].line != b.key_marks[i].line || a.key_marks[i].column != b.key_marks[i].column) {
      where = fmt::format("key '{}' at line {} vs {}", a.keys[i], a.key_marks[i].line, b.key_marks[i].line);
      return false;
    }
  }
  for (std::size_t i = 0; i < a.items.size(); ++i) {
    if (!same(a.items[i], b.items[i], where))
      return false;
  }
  return true;
}

// Parsed in parts (whatever its size) where it can be, or nullopt.
std::optional<Node> in_parts(const std::string& text) {
  return ceplan::yaml::parse_in_parts(
      text, {},
      [](std::string_view part, const ceplan::yaml::Limits& limits) {
        return ceplan::yaml::parse(part, "t.yaml", limits);
      },
      0);
}

std::string apps(int count, const std::string& indent) {
  std::string out;
  for (int i = 0; i < count; ++i) {
    out += fmt::format(
        "{}- name: app-{}   # a comment\n{}  image: icr.io/ns/app-{}:1.0\n{}  regions: [us-south, eu-de]\n"
        "{}  secrets:\n{}  - s{}\n{}  note: a plain scalar\n{}    that goes on\n",
        indent, i, indent, i, indent, indent, indent, i, indent, indent);
    if (i % 7 == 0)
      out += "# a comment at the start of a line\n\n";
    // A value left empty: its null is placed at the next token, which a cut must not move.
    if (i % 2 == 0)
      out += fmt::format("{}  extra:   # nothing\n", indent);
  }
  return out;
}

}  // namespace

TEST_CASE("a file parsed in parts gives the tree of the whole, marks included") {
  const std::string head = "version: 1\nproject: 'p: q'\nregions: [us-south, eu-de]\n";
  for (const std::string& indent : {std::string(), std::string("  "), std::string("    ")}) {
    for (const std::string& tail :
         {std::string(), std::string("jobs:\n  - { name: j, image: i, schedule: '0 2 * * *' }\nsecrets: []\n"),
          std::string("# only a comment\n")}) {
      for (const std::string& eol : {std::string("\n"), std::string("\r\n")}) {
        std::string text = head + "apps:\n" + apps(40, indent) + tail;
        if (eol != "\n") {
          std::string crlf;
          for (char c : text) crlf += c == '\n' ? eol : std::string(1, c);
          text = crlf;
        }
        INFO("indent " << indent.size() << ", tail '" << tail << "', eol " << eol.size());
        const auto parts = in_parts(text);
        REQUIRE(parts.has_value());
        std::string where;
        const bool equal = same(*parts, ceplan::yaml::parse(text, "t.yaml"), where);
        INFO(where);
        CHECK(equal);
      }
    }
  }
}

TEST_CASE("text that a line-by-line cut could misread is parsed whole") {
  const std::string head = "version: 1\napps:\n" + apps(20, "  ");
  for (const std::string& odd :
       {std::string("x: &a [1]\n"), std::string("x: |\n  text\n"), std::string("x: \"two\n  lines\"\n"),
        std::string("x: [1,\n  2]\n"), std::string("x: !!str 1\n"), std::string("---\n"), std::string("%YAML 1.2\n")}) {
    INFO(odd);
    CHECK_FALSE(ceplan::yaml::split_points(odd + head + apps(20, "  "), 0).has_value());
  }
  // A top that is not a block mapping, and a file without a sequence across its middle.
  CHECK_FALSE(ceplan::yaml::split_points("- " + head, 0).has_value());
  CHECK_FALSE(ceplan::yaml::split_points("a: 1\nb: 2\nc: 3\nd: 4\n", 0).has_value());
  CHECK(ceplan::yaml::split_points(head, 0).has_value());
  // Small files are not worth a thread.
  CHECK_FALSE(ceplan::yaml::split_points(head).has_value());
}

TEST_CASE("a part that fails, a duplicate key across parts or too many nodes leave the file to the whole parse") {
  const std::string head = "version: 1\napps:\n" + apps(20, "  ");
  CHECK_FALSE(in_parts(head + apps(20, "  ") + "  - *undefined\nversion: 2\n").has_value());
  CHECK_FALSE(in_parts(head + apps(20, "  ") + "version: 2\n").has_value());
  ceplan::yaml::Limits few;
  few.max_nodes = 100;
  CHECK_FALSE(ceplan::yaml::parse_in_parts(
                  head + apps(20, "  "), few,
                  [](std::string_view part, const ceplan::yaml::Limits& limits) {
                    return ceplan::yaml::parse(part, "t.yaml", limits);
                  },
                  0)
                  .has_value());
}

TEST_CASE("every deploy file of the test data and examples parses in parts as it does whole") {
  std::size_t split = 0;
  for (const char* root : {".", "../../examples"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
      const std::string path = entry.path().string();
      if (!entry.is_regular_file() || !(path.ends_with(".yaml") || path.ends_with(".yml")))
        continue;
      std::ifstream in(path, std::ios::binary);
      std::stringstream buffer;
      buffer << in.rdbuf();
      const std::string text = buffer.str();
      std::optional<Node> whole;
      try {
        whole = ceplan::yaml::parse(text, "t.yaml");
      } catch (const ceplan::InputError&) {
        continue;
      }
      std::optional<Node> parts;
      try {
        parts = in_parts(text);
      } catch (const ceplan::InputError&) {
        FAIL("parts threw for " << path);
      }
      if (parts) {
        ++split;
        std::string where;
        const bool equal = same(*parts, *whole, where);
        INFO(path << ": " << where);
        CHECK(equal);
      }
    }
  }
  CHECK(split > 5);
}

TEST_CASE("a cut is never placed after a value left empty") {
  // Found by fuzz_deploy: `jobs:` with nothing after it took its place from the end of the part.
  const std::string text = "version: 1\njobs:\n  - jobs:\n  - name: a\n    image: i\n";
  const auto parts = in_parts(text);
  CHECK((!parts || *parts == ceplan::yaml::parse(text, "t.yaml")));
  CHECK_FALSE(ceplan::yaml::split_points(text, 0).has_value());
}

TEST_CASE("an item nested as deep as the whole allows is as deep in its part") {
  std::string deep;
  for (int level = 0; level < 6; ++level) deep += std::string(4 + 2 * level, ' ') + "k:\n";
  deep += std::string(16, ' ') + "v: 1\n";
  ceplan::yaml::Limits shallow;
  shallow.max_depth = 8;
  const std::string text = "version: 1\napps:\n" + apps(20, "  ") + "  - name: deep\n" + deep + apps(2, "  ");
  REQUIRE(ceplan::yaml::split_points(text, 0)->middle < text.find("name: deep"));
  const auto parser = [](std::string_view part, const ceplan::yaml::Limits& limits) {
    return ceplan::yaml::parse(part, "t.yaml", limits);
  };
  // Whole, the deep item is refused; in parts, its part must refuse it too.
  CHECK_THROWS_AS(ceplan::yaml::parse(text, "t.yaml", shallow), ceplan::InputError);
  CHECK_FALSE(ceplan::yaml::parse_in_parts(text, shallow, parser, 0).has_value());
}
