#include <catch2/catch.hpp>

#include <sstream>
#include <stdexcept>

#include "cli/app.hpp"
#include "test_util.hpp"

namespace {

using Lines = std::vector<std::string>;

// A command line as ceplan builds it before parsing: global options and the bare commands.
struct Line {
  ceplan::cli::Context context;
  CLI::App app{"test", "ceplan"};
  bool flag = false;
  Line() {
    app.add_option("-o,--output", context.output_path, "out");
    app.add_option("--catalog", context.catalog_path, "catalog");
    app.add_flag("--verbose-ish", flag, "a flag that takes no value");
  }
};

int run(const Lines& words) {
  std::vector<const char*> argv{"ceplan"};
  for (const std::string& word : words) argv.push_back(word.c_str());
  return ceplan::cli::run(static_cast<int>(argv.size()), argv.data());
}

}  // namespace

TEST_CASE("the command is the first word that is not an option's value") {
  Line line;
  CHECK(ceplan::cli::wanted_command(line.app, {"-o", "plan", "regions"})->name == "regions");
  CHECK(ceplan::cli::wanted_command(line.app, {"--catalog", "c.yaml", "validate", "x"})->name == "validate");
  CHECK(ceplan::cli::wanted_command(line.app, {"--verbose-ish", "plan"})->name == "plan");
  CHECK(ceplan::cli::wanted_command(line.app, {"--output=plan", "rules"})->name == "rules");
  CHECK(ceplan::cli::wanted_command(line.app, {"nothing"}) == nullptr);
}

TEST_CASE("every command of the table has a name, a description and a setter") {
  for (const auto& entry : ceplan::cli::command_table()) {
    CHECK_FALSE(entry.name.empty());
    CHECK_FALSE(entry.description.empty());
    CHECK(entry.set != nullptr);
  }
  CHECK(ceplan::cli::command_table().size() == 16);
}

TEST_CASE("usage errors are input errors with a suggestion") {
  CHECK(ceplan::test::errors_of([] { (void)run({"regoins"}); }) ==
        Lines{"error: unknown command 'regoins'; did you mean 'regions'?\n"
              "Run 'ceplan --help' for usage."});
  CHECK(ceplan::test::errors_of([] {
          (void)run({"regions", "--geografy", "Europe"});
        }) == Lines{"error: unknown option '--geografy'; did you mean '--geography'?\n"
                    "Run 'ceplan regions --help' for usage."});
}

TEST_CASE("CLI11's usage errors read like ceplan's own, and point at the command's help") {
  CHECK(ceplan::test::errors_of([] {
          (void)run({"regions", "extra", "words"});
        }) == Lines{"error: unexpected arguments 'extra' 'words'\nRun 'ceplan regions --help' for usage."});
  CHECK(ceplan::test::errors_of([] {
          (void)run({"rules", "--format", "jsn"});
        }) == Lines{"error: --format: 'jsn' is not one of text, markdown, json; did you mean 'json'?\n"
                    "Run 'ceplan rules --help' for usage."});
  CHECK(ceplan::test::errors_of([] {
          (void)run({"regions", "--geography"});
        }) == Lines{"error: --geography needs a value\nRun 'ceplan regions --help' for usage."});
  CHECK(ceplan::test::errors_of([] {
          (void)run({"validate", "-j", "0", "x.yaml"});
        }) == Lines{"error: --jobs: value 0 not in range 1 to 1024\nRun 'ceplan validate --help' for usage."});
  CHECK(ceplan::test::errors_of([] {
          (void)run({"import", "terraform"});
        }) == Lines{"error: PLAN is required\nRun 'ceplan import terraform --help' for usage."});
}

TEST_CASE("errors print as file:line:column diagnostics, or under ceplan's name") {
  std::ostringstream out;
  ceplan::cli::print_error(ceplan::InputError(ceplan::Diagnostic{"d.yaml", {3, 7}, "bad"}), out);
  ceplan::cli::print_error(ceplan::InputError(ceplan::Diagnostic{{}, {}, "no file"}), out);
  ceplan::cli::print_error(std::runtime_error("boom"), out);
  CHECK(out.str() == "d.yaml:3:7: error: bad\nceplan: error: no file\nceplan: error: boom\n");
}
