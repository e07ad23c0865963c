#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "cli/io.hpp"
#include "test_util.hpp"

namespace {

using Lines = std::vector<std::string>;

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("ceplan-test-io-" + name)).string();
}

std::string contents(const std::string& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("standard input is shown as <stdin>") {
  CHECK(ceplan::cli::display_name("-") == "<stdin>");
  CHECK(ceplan::cli::display_name("a.yaml") == "a.yaml");
}

TEST_CASE("reading names the file and the limit") {
  CHECK(ceplan::test::errors_of([] { (void)ceplan::cli::read_input("no/such/file.yaml", 10); }) ==
        Lines{"no/such/file.yaml: error: cannot read file: No such file or directory"});
  // Left in place: a file read by this process keeps its inode, which a later test's new file
  // would otherwise reuse and find counted as an input.
  const std::string path = temp_path("big");
  std::remove(path.c_str());
  ceplan::cli::write_file_atomically(path, "0123456789x");
  CHECK(ceplan::test::errors_of([&] { (void)ceplan::cli::read_input(path, 10); }) ==
        Lines{path + ": error: file is larger than the limit of 10 bytes (--max-file-size)"});
  CHECK(ceplan::cli::read_input(path, 11) == "0123456789x");
}

TEST_CASE("a new file is never written over an existing one") {
  const std::string path = temp_path("new");
  std::remove(path.c_str());
  ceplan::cli::write_new_file(path, "first");
  CHECK(ceplan::test::errors_of([&] { ceplan::cli::write_new_file(path, "second"); }) ==
        Lines{path + ": error: already exists; ceplan init never overwrites a file (remove it or name another)"});
  CHECK(contents(path) == "first");
  ceplan::cli::write_file_atomically(path, "replaced");
  CHECK(contents(path) == "replaced");
  std::remove(path.c_str());
}
