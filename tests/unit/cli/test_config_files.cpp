#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "cli/config_files.hpp"

namespace fs = std::filesystem;

namespace {

// A fresh directory tree under the system's temporary directory, removed at the end.
struct TempTree {
  fs::path root;
  explicit TempTree(const std::string& name) : root(fs::temp_directory_path() / ("ceplan-test-config-" + name)) {
    fs::remove_all(root);
    fs::create_directories(root / "home" / "repo" / "deploy");
    fs::create_directories(root / "shared" / "deploy");
  }
  ~TempTree() { fs::remove_all(root); }
  void write(const fs::path& path, const std::string& text) const { std::ofstream(root / path) << text; }
};

// Sets an environment variable for one scope.
struct ScopedHome {
  std::string saved = std::getenv("HOME") == nullptr ? "" : std::getenv("HOME");
  explicit ScopedHome(const fs::path& home) { setenv("HOME", home.c_str(), 1); }
  ~ScopedHome() { setenv("HOME", saved.c_str(), 1); }
};

}  // namespace

TEST_CASE("the search for .ceplan.yaml stops at the home directory") {
  const TempTree tree("home");
  const ScopedHome home(tree.root / "home");
  tree.write(".ceplan.yaml", "fail-on: warning\n");  // above the home directory
  ceplan::cli::ConfigFinder finder({}, false, {});
  CHECK(finder.for_file((tree.root / "home" / "repo" / "deploy" / "d.yaml").string()) == nullptr);
  tree.write("home/.ceplan.yaml", "fail-on: info\n");
  ceplan::cli::ConfigFinder again({}, false, {});
  const auto* found = again.for_file((tree.root / "home" / "repo" / "deploy" / "d.yaml").string());
  REQUIRE(found != nullptr);
  CHECK(found->config.fail_on == "info");
}

TEST_CASE("a .ceplan.yaml that other users may write to, or in such a directory, is not obeyed") {
  const TempTree tree("shared");
  const ScopedHome home(tree.root / "home");
  tree.write("shared/.ceplan.yaml", "fail-on: never\n");
  fs::permissions(tree.root / "shared", fs::perms::all | fs::perms::sticky_bit);  // like /tmp
  CHECK(ceplan::cli::ConfigFinder({}, false, {}).for_file((tree.root / "shared" / "deploy" / "d.yaml").string()) ==
        nullptr);
  fs::permissions(tree.root / "shared", fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec);
  fs::permissions(tree.root / "shared" / ".ceplan.yaml", fs::perms::others_write, fs::perm_options::add);
  CHECK(ceplan::cli::ConfigFinder({}, false, {}).for_file((tree.root / "shared" / "deploy" / "d.yaml").string()) ==
        nullptr);
  fs::permissions(tree.root / "shared" / ".ceplan.yaml", fs::perms::others_write, fs::perm_options::remove);
  CHECK(ceplan::cli::ConfigFinder({}, false, {}).for_file((tree.root / "shared" / "deploy" / "d.yaml").string()) !=
        nullptr);
}
