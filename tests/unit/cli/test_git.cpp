#include <catch2/catch.hpp>

#include "cli/git.hpp"
#include "support/error.hpp"

namespace {

std::string error_of(const std::vector<std::string>& arguments, std::size_t limit) {
  try {
    (void)ceplan::cli::git_output(arguments, "read it", limit);
  } catch (const ceplan::InputError& error) {
    return error.diagnostics().front().message;
  }
  return "no error";
}

}  // namespace

TEST_CASE("git runs without a shell and its own message explains a failure") {
  CHECK_THAT(ceplan::cli::git_output({"--version"}, "say its version", 1000), Catch::StartsWith("git version "));
  // A shell would run the second command; git takes it as one unknown word.
  CHECK_THAT(error_of({"--version; echo"}, 1000),
             Catch::StartsWith("git could not read it: unknown option: --version; echo\nusage: git "));
  CHECK(error_of({"--version"}, 4) == "git's output to read it is larger than the limit of 4 bytes (--max-file-size)");
  const auto silent = ceplan::cli::run_git({"rev-parse", "--verify", "-q", "no-such-revision-here"}, "x", 100);
  CHECK_FALSE(silent.ok);
  CHECK(silent.error == "it printed no message");
}
