#include <catch2/catch.hpp>

#include "support/error.hpp"

using ceplan::Diagnostic;

TEST_CASE("a diagnostic formats as file:line:column: error: message") {
  CHECK(Diagnostic{"deploy.yaml", {14, 7}, "bad"}.format() == "deploy.yaml:14:7: error: bad");
  CHECK(Diagnostic{"deploy.yaml", {14, 0}, "bad"}.format() == "deploy.yaml:14: error: bad");
  CHECK(Diagnostic{"deploy.yaml", {}, "bad"}.format() == "deploy.yaml: error: bad");
  CHECK(Diagnostic{"", {}, "bad"}.format() == "error: bad");
}

TEST_CASE("an error of one problem is built with its place, or with none for the command line") {
  CHECK(ceplan::input_error("d.yaml", {3, 5}, "bad").diagnostics().front().format() == "d.yaml:3:5: error: bad");
  CHECK(ceplan::usage_error("no files").diagnostics().front().format() == "error: no files");
}

TEST_CASE("a sink reports its problems in file order") {
  ceplan::DiagnosticSink sink("f.yaml");
  CHECK_FALSE(sink.failed());
  CHECK_NOTHROW(sink.throw_if_failed());
  sink.error({9, 1}, "later");
  sink.error({2, 5}, "earlier");
  sink.error({2, 5}, "same place, recorded second");
  REQUIRE(sink.failed());
  try {
    sink.throw_if_failed();
    FAIL("expected an InputError");
  } catch (const ceplan::InputError& error) {
    REQUIRE(error.diagnostics().size() == 3);
    CHECK(error.diagnostics()[0].message == "earlier");
    CHECK(error.diagnostics()[1].message == "same place, recorded second");
    CHECK(error.diagnostics()[2].message == "later");
    CHECK(std::string(error.what()) == "f.yaml:2:5: error: earlier");
  }
}

TEST_CASE("a sink shows the first problems and counts the rest") {
  ceplan::DiagnosticSink sink("f.yaml");
  for (std::size_t i = 0; i < ceplan::DiagnosticSink::max_shown + 5; ++i) {
    sink.error({static_cast<int>(i) + 1, 1}, "bad");
  }
  try {
    sink.throw_if_failed();
    FAIL("no error thrown");
  } catch (const ceplan::InputError& error) {
    CHECK(error.diagnostics().size() == ceplan::DiagnosticSink::max_shown + 1);
    CHECK(error.diagnostics().back().format() == "f.yaml: error: 5 more problems not shown");
  }
}

TEST_CASE("messages quote long values in part") {
  CHECK(ceplan::excerpt("short") == "short");
  CHECK(ceplan::excerpt(std::string(100, 'x'), 4) == "xxxx...");
}

TEST_CASE("printable() shows control characters as escapes and keeps the rest") {
  CHECK(ceplan::printable("plain text, é, ✓") == "plain text, é, ✓");
  CHECK(ceplan::printable("a\n::warning file=x::y") == "a\\n::warning file=x::y");
  CHECK(ceplan::printable("\x1b[31mred\r\t\x7f") == "\\x1b[31mred\\r\\t\\x7f");
  CHECK(ceplan::printable("csi \xC2\x9B"
                          "2J") == "csi \\u009b2J");
  CHECK(ceplan::printable("two\nlines\x1b", true) == "two\nlines\\x1b");
  // Bidi overrides and isolates, zero-width characters, the line separator and the byte order mark
  // would show a reviewer text in another order, or hide it.
  CHECK(ceplan::printable("shop\u202Egnp.exe") == "shop\\u202egnp.exe");
  CHECK(ceplan::printable("a\u2028b\u2029c\u200Bd\u2066e\uFEFFf\u061Cg") ==
        "a\\u2028b\\u2029c\\u200bd\\u2066e\\ufefff\\u061cg");
  CHECK(ceplan::printable("\u2014 \u2192 \u00d7") == "\u2014 \u2192 \u00d7");
  // A legacy GitHub Actions command (`##[error]`, `##[endgroup]`) is recognised anywhere in a line.
  CHECK(ceplan::printable("name ##[error]forged") == "name #\\x23[error]forged");
  CHECK(ceplan::printable("###[x] ##") == "##\\x23[x] ##");
  CHECK(ceplan::printable("# heading [link]") == "# heading [link]");
  CHECK(ceplan::has_hidden_characters("a\u202Eb"));
  CHECK(ceplan::has_hidden_characters("a\xC2\x85"));
  CHECK(ceplan::has_hidden_characters("a\tb"));
  CHECK_FALSE(ceplan::has_hidden_characters("Zahlungen \u00c4 \u652f\u4ed8"));
}

TEST_CASE("diagnostics print file names and messages as printable text") {
  const ceplan::Diagnostic in_file{"a\nb.yaml", {1, 2}, "unknown key 'x\n::error::y'"};
  CHECK(in_file.format() == "a\\nb.yaml:1:2: error: unknown key 'x\\n::error::y'");
  const ceplan::Diagnostic usage{{}, {}, "unknown option '--\x1b'\nRun 'ceplan --help' for usage."};
  CHECK(usage.format() == "error: unknown option '--\\x1b'\nRun 'ceplan --help' for usage.");
}
