#include <catch2/catch.hpp>

#include "support/spellcheck.hpp"

using ceplan::closest_match;
using ceplan::did_you_mean;

TEST_CASE("edit distance counts insertions, deletions and replacements, ignoring case") {
  CHECK(ceplan::edit_distance("regions", "regions", 3) == 0);
  CHECK(ceplan::edit_distance("Europe", "europe", 3) == 0);
  CHECK(ceplan::edit_distance("eu-gbb", "eu-gb", 3) == 1);
  CHECK(ceplan::edit_distance("regoins", "regions", 3) == 1);  // one swap
  CHECK(ceplan::edit_distance("MRZ", "MZR", 3) == 1);
  CHECK(ceplan::edit_distance("kitten", "sitting", 3) == 3);
  CHECK(ceplan::edit_distance("a", "abcdefgh", 3) == 4);  // capped at limit + 1
}

TEST_CASE("suggestions are offered only for plausible typos") {
  const std::vector<std::string> ids{"eu-gb", "eu-de", "us-south", "jp-tok"};
  CHECK(closest_match("eu-gbb", ids) == "eu-gb");
  CHECK(closest_match("us-soth", ids) == "us-south");
  CHECK_FALSE(closest_match("mars-1", ids).has_value());
  CHECK(did_you_mean("jp-tk", ids) == "; did you mean 'jp-tok'?");
  CHECK(did_you_mean("zz", ids).empty());
}
