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
