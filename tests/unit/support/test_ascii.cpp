#include <catch2/catch.hpp>

#include "support/ascii.hpp"
#include "support/lists.hpp"

TEST_CASE("the locale is UTF-8 by LC_ALL, else LC_CTYPE, else LANG") {
  CHECK(ceplan::utf8_locale(nullptr, nullptr, "en_US.UTF-8"));
  CHECK(ceplan::utf8_locale("", "", "C.utf8"));
  CHECK_FALSE(ceplan::utf8_locale("C", nullptr, "en_US.UTF-8"));
  CHECK_FALSE(ceplan::utf8_locale(nullptr, "POSIX", "en_US.UTF-8"));
  CHECK_FALSE(ceplan::utf8_locale(nullptr, nullptr, nullptr));
  CHECK_FALSE(ceplan::utf8_locale(nullptr, nullptr, "de_DE.ISO-8859-1"));
}

TEST_CASE("ceplan's symbols have ASCII spellings, and other text is kept") {
  CHECK(ceplan::ascii_fallback("us-south → US") == "us-south -> US");
  CHECK(ceplan::ascii_fallback("30s + (2 + 1) × 5s; 1 − (1 − 99.99%)") == "30s + (2 + 1) x 5s; 1 - (1 - 99.99%)");
  CHECK(ceplan::ascii_fallback("a — b · c …") == "a -- b - c ...");
  CHECK(ceplan::ascii_fallback("São Paulo, plain") == "São Paulo, plain");
  CHECK(ceplan::ascii_fallback("").empty());
}

TEST_CASE("names are compared in ASCII lower case") {
  CHECK(ceplan::lower_case("EU-DE Frankfurt") == "eu-de frankfurt");
  CHECK(ceplan::lower_case("S\u00C3O") == "s\u00C3o");  // non-ASCII bytes as they are
}
