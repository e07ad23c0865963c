#include <catch2/catch.hpp>

#include "support/line_index.hpp"

using ceplan::LineIndex;
using ceplan::Location;

TEST_CASE("columns are recounted in characters, not bytes") {
  const std::string text = "a: 1\n{ é: 1, bad: 2 }\n✓✓: x\n";
  const LineIndex index(text);
  CHECK(index.to_code_points({2, 12}).column == 11);  // 'bad' after the two-byte é
  CHECK(index.to_code_points({3, 7}).column == 3);    // after two three-byte characters
  CHECK(index.to_code_points({1, 4}).column == 4);    // ASCII is unchanged
  CHECK(index.to_code_points({0, 0}).column == 0);    // unknown stays unknown
  CHECK(index.to_code_points({9, 5}).column == 5);    // past the text
}

TEST_CASE("a byte order mark does not count as a column") {
  const LineIndex index(
      "\xEF\xBB\xBF"
      "ab: 1\n");
  CHECK(index.to_code_points({1, 5}).column == 5);
}

TEST_CASE("a scalar's end is found on its line, for plain and quoted scalars and keys") {
  const std::string text =
      "regions: [us-soth, eu-de]\nproject: 'it''s'  # c\nimage: \"a\\\"b\"\né: ✓x\nlist:\n  - {a: 1}\nx: 'multi\n  "
      "line'\n";
  const LineIndex index(text);
  auto end = [&](int line, int column) { return index.scalar_end({line, column}); };
  CHECK(end(1, 11)->column == 18);      // us-soth inside a flow sequence
  CHECK(end(1, 1)->column == 8);        // the key 'regions'
  CHECK(end(2, 10)->column == 17);      // 'it''s', quotes included
  CHECK(end(3, 8)->column == 14);       // "a\"b"
  CHECK(end(4, 5)->column == 6);        // ✓x, counted in characters
  CHECK_FALSE(end(1, 10).has_value());  // a flow sequence
  CHECK_FALSE(end(6, 5).has_value());   // a flow mapping
  CHECK_FALSE(end(7, 4).has_value());   // a quoted scalar that goes on
  CHECK_FALSE(end(0, 0).has_value());
}

TEST_CASE("columns far along a long line count every character before them") {
  // Blocks of the index and the line's start do not line up; characters straddle them.
  std::string text = "x: 1\n";
  std::string line;
  for (int i = 0; i < 500; ++i) line += i % 3 == 0 ? "é" : "ab";
  text += line + "\n" + line;
  const LineIndex index(text);
  const auto characters = [](std::string_view s) {
    int count = 0;
    for (char c : s) count += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1 : 0;
    return count;
  };
  for (std::size_t byte = 0; byte <= line.size(); byte += 7) {
    const int expected = 1 + characters(std::string_view(line).substr(0, byte));
    CHECK(index.to_code_points({2, static_cast<int>(byte + 1)}).column == expected);
    CHECK(index.to_code_points({3, static_cast<int>(byte + 1)}).column == expected);
  }
  CHECK(index.to_code_points({3, static_cast<int>(line.size() + 1)}).column == 1 + characters(line));
}

TEST_CASE("a text whose length is a whole number of index blocks has its end indexed") {
  const std::string text(128, 'a');
  const LineIndex index(text);
  CHECK(index.to_code_points({1, 129}).column == 129);
  CHECK(index.to_code_points({1, 64}).column == 64);
}
