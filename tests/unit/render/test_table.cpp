#include <catch2/catch.hpp>

#include "render/table.hpp"

TEST_CASE("tables align columns by characters and trim trailing spaces") {
  ceplan::render::Table table({"A", "Bee"});
  table.add({"São Paulo", "x"});
  table.add({"ab", ""});
  CHECK(table.str() == "A          Bee\nSão Paulo  x\nab\n");
  CHECK(ceplan::render::display_width("São") == 3);
}
