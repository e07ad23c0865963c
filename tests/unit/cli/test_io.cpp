#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>

#include <sys/stat.h>
#include <unistd.h>

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

TEST_CASE("a link to nothing is neither followed nor replaced") {
  const std::string link = temp_path("dangling");
  std::remove(link.c_str());
  std::filesystem::create_symlink(temp_path("nowhere"), link);
  CHECK(
      ceplan::test::errors_of([&] { ceplan::cli::write_file_atomically(link, "x"); }) ==
      Lines{link + ": error: is a symbolic link to a file that does not exist; ceplan does not follow or replace it"});
  CHECK(std::filesystem::is_symlink(link));
  CHECK_FALSE(std::filesystem::exists(temp_path("nowhere")));
  std::remove(link.c_str());
}

TEST_CASE("an input is overwritten only by the output meant to rewrite it") {
  // Left in place, as in "reading names the file and the limit".
  const std::string path = temp_path("baseline");
  const std::string other = temp_path("other-input");
  std::remove(path.c_str());
  std::remove(other.c_str());
  ceplan::cli::write_file_atomically(path, "old");
  ceplan::cli::write_file_atomically(other, "other");
  (void)ceplan::cli::read_input(path, 100);
  (void)ceplan::cli::read_input(other, 100);
  CHECK(ceplan::test::errors_of([&] { ceplan::cli::write_file_atomically(path, "new", other); }) ==
        Lines{path + ": error: is an input of this run; ceplan does not write its output over it (name another file)"});
  ceplan::cli::write_file_atomically(path, "new", path);
  CHECK(contents(path) == "new");
}

TEST_CASE("a replaced file keeps its owner where the system allows it") {
  if (::geteuid() != 0) {
    WARN("only root can give a file to another user; not checked");
    return;
  }
  const std::string path = temp_path("owned");
  std::remove(path.c_str());
  ceplan::cli::write_file_atomically(path, "first");
  REQUIRE(::chown(path.c_str(), 65534, 65534) == 0);
  ceplan::cli::write_file_atomically(path, "second");
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  CHECK(info.st_uid == 65534);
  CHECK(info.st_gid == 65534);
  std::remove(path.c_str());
}

namespace {

// Sets or clears an environment variable for one scope.
struct ScopedEnv {
  std::string name;
  std::optional<std::string> saved;
  ScopedEnv(std::string name_, const char* value) : name(std::move(name_)) {
    if (const char* old = std::getenv(name.c_str()))
      saved = old;
    if (value == nullptr)
      unsetenv(name.c_str());
    else
      setenv(name.c_str(), value, 1);
  }
  ~ScopedEnv() {
    if (saved)
      setenv(name.c_str(), saved->c_str(), 1);
    else
      unsetenv(name.c_str());
  }
};

}  // namespace

TEST_CASE("report paths start at the outer repository of a submodule, or at the CI job's checkout") {
  namespace fs = std::filesystem;
  const fs::path root = temp_path("repositories");
  fs::remove_all(root);
  fs::create_directories(root / "outer" / ".git");
  fs::create_directories(root / "outer" / "sub" / "deploy");
  fs::create_directories(root / "outer" / "tree" / "deploy");
  std::ofstream(root / "outer" / "sub" / ".git") << "gitdir: ../.git/modules/sub\n";
  // A worktree of a repository that lies under a directory named "modules" is no submodule.
  std::ofstream(root / "outer" / "tree" / ".git") << "gitdir: /srv/modules/x/.git/worktrees/tree\n";
  const ScopedEnv github("GITHUB_WORKSPACE", nullptr);
  const ScopedEnv gitlab("CI_PROJECT_DIR", nullptr);
  const std::string in_submodule = (root / "outer" / "sub" / "deploy" / "a.yaml").string();
  const std::string in_worktree = (root / "outer" / "tree" / "deploy" / "a.yaml").string();
  CHECK(ceplan::cli::repository_path(in_submodule, {}) == "sub/deploy/a.yaml");
  CHECK(ceplan::cli::repository_path(in_worktree, {}) == "deploy/a.yaml");
  {
    // A workspace that is no repository (a checkout with `path:`) leaves the repository's root.
    const ScopedEnv workspace("GITHUB_WORKSPACE", root.c_str());
    CHECK(ceplan::cli::repository_path(in_worktree, {}) == "deploy/a.yaml");
  }
  {
    const ScopedEnv workspace("GITHUB_WORKSPACE", (root / "outer").c_str());
    CHECK(ceplan::cli::repository_path(in_worktree, {}) == "tree/deploy/a.yaml");
    CHECK(ceplan::cli::repository_path("/etc/d.yaml", {}) == "/etc/d.yaml");
    CHECK(ceplan::cli::repository_path(in_worktree, (root / "outer" / "tree").string()) == "deploy/a.yaml");
  }
  {
    const ScopedEnv workspace("CI_PROJECT_DIR", (root / "outer").c_str());
    CHECK(ceplan::cli::repository_path(in_worktree, {}) == "tree/deploy/a.yaml");
  }
  fs::remove_all(root);
}
