#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "cli/config_files.hpp"
#include "support/error.hpp"

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

TEST_CASE("a directory stands for the deploy files below it, and ** leaves hidden files out") {
  const TempTree tree("directories");
  const fs::path repo = tree.root / "home" / "repo";
  fs::create_directories(repo / ".git");
  fs::create_directories(repo / "deploy" / "sub");
  fs::create_directories(repo / "deploy" / ".drafts");
  fs::create_directories(repo / "empty");
  for (const char* file :
       {"deploy/a.yaml", "deploy/sub/b.yml", "deploy/.drafts/c.yaml", "deploy/.d.yaml", "deploy/notes.txt"})
    tree.write(fs::path("home/repo") / file, "project: p\n");
  const fs::path saved = fs::current_path();
  fs::current_path(repo);
  ceplan::cli::ConfigFinder none({}, true, {});
  CHECK(ceplan::cli::expand_directories({"deploy", "x.yaml", "-"}, none) ==
        std::vector<std::string>{"deploy/a.yaml", "deploy/sub/b.yml", "x.yaml", "-"});
  std::string error;
  try {
    (void)ceplan::cli::expand_directories({"empty"}, none);
  } catch (const ceplan::InputError& e) {
    error = e.diagnostics().front().format();
  }
  CHECK(error ==
        "empty: error: a directory with no deploy file below it (*.yaml or *.yml, or what the 'paths' of "
        ".ceplan.yaml match)");
  // With `paths`, a directory stands for what they match; the configuration itself is hidden.
  tree.write("home/repo/.ceplan.yaml", "paths: [\"**/*.yaml\"]\n");
  ceplan::cli::ConfigFinder finder({}, false, {});
  CHECK(ceplan::cli::expand_directories({"deploy"}, finder) == std::vector<std::string>{"deploy/a.yaml"});
  CHECK(ceplan::cli::configured_files(*finder.for_file("deploy/a.yaml")) == std::vector<std::string>{"deploy/a.yaml"});
  tree.write("home/repo/.ceplan.yaml", "paths: [\"deploy/.*.yaml\"]\n");
  ceplan::cli::ConfigFinder hidden({}, false, {});
  CHECK(ceplan::cli::configured_files(*hidden.for_file("deploy/a.yaml")) == std::vector<std::string>{"deploy/.d.yaml"});
  fs::current_path(saved);
}

TEST_CASE("standard input takes the configuration of the path --stdin-filename gives") {
  CHECK(ceplan::cli::config_path("-", "deploy/prod/x.yaml") == "deploy/prod/x.yaml");
  CHECK(ceplan::cli::config_path("-", "") == "-");
  CHECK(ceplan::cli::config_path("a.yaml", "deploy/prod/x.yaml") == "a.yaml");
}
