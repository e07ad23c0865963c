#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <string_view>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "cli/io.hpp"

#include "model/deploy_loader.hpp"
#include "support/error.hpp"
#include "support/line_index.hpp"

namespace ceplan::cli {
namespace {

[[noreturn]] void fail(const std::string& path, const std::string& message) {
  throw input_error(path, {}, message);
}

std::string system_error() {
  return std::strerror(errno);
}

// Every file this run reads, by device and inode, so that -o never overwrites an input.
std::mutex inputs_mutex;
std::vector<std::pair<dev_t, ino_t>> inputs;

void remember_input(const struct stat& info) {
  const std::lock_guard<std::mutex> lock(inputs_mutex);
  inputs.emplace_back(info.st_dev, info.st_ino);
}

bool is_input(const struct stat& info) {
  const std::lock_guard<std::mutex> lock(inputs_mutex);
  return std::find(inputs.begin(), inputs.end(), std::pair{info.st_dev, info.st_ino}) != inputs.end();
}

}  // namespace

std::string read_input(const std::string& path, std::size_t max_bytes) {
  const std::string name = display_name(path);
  int fd = STDIN_FILENO;
  if (path != "-") {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      fail(name, fmt::format("cannot read file: {}", system_error()));
    }
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    const std::string reason = system_error();
    fail(name, path == "-" ? "cannot read standard input: " + reason : "cannot read file: " + reason);
  }
  auto close_file = [&] {
    if (fd != STDIN_FILENO)
      ::close(fd);
  };
  if (S_ISDIR(info.st_mode)) {
    close_file();
    fail(name, "is a directory, not a file");
  }
  remember_input(info);
  // Read at most one byte past the limit: enough to know it is exceeded, whatever the source.
  std::string text;
  std::array<char, 65536> buffer{};
  while (text.size() <= max_bytes) {
    const ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      const std::string reason = system_error();
      close_file();
      fail(name, path == "-" ? "cannot read standard input: " + reason : "cannot read file: " + reason);
    }
    if (n == 0) {
      break;
    }
    text.append(buffer.data(), static_cast<std::size_t>(n));
  }
  close_file();
  if (text.size() > max_bytes) {
    fail(name, fmt::format("file is larger than the limit of {} bytes (--max-file-size)", max_bytes));
  }
  return text;
}

std::string display_name(const std::string& path, const std::string& stdin_name) {
  if (path == "-") {
    return stdin_name.empty() ? "<stdin>" : display_name(stdin_name);
  }
  const std::string normal = std::filesystem::path(path).lexically_normal().generic_string();
  return normal.empty() || normal == "." ? path : normal;
}

namespace {

// True when `git_file`, a `.git` that is a file, makes its directory a submodule: its
// `gitdir:` points into the superproject's `.git/modules/`. A worktree's points to `worktrees/`.
bool submodule(const std::filesystem::path& git_file) {
  std::error_code ignored;
  if (!std::filesystem::is_regular_file(git_file, ignored))
    return false;
  std::ifstream in(git_file);
  std::string line;
  std::getline(in, line);
  return line.starts_with("gitdir:") && line.find(".git/modules/") != std::string::npos;
}

// The nearest directory at or above `directory` holding `.git` (a directory, or a file in a
// worktree), past submodules to the repository that holds them, as code scanning sees it: one
// stat per level, no tree walk.
std::filesystem::path repository_root(std::filesystem::path directory) {
  std::error_code ignored;
  std::filesystem::path found;
  for (; !directory.empty(); directory = directory.parent_path()) {
    if (std::filesystem::exists(directory / ".git", ignored)) {
      found = directory;
      if (!submodule(directory / ".git"))
        break;
    }
    if (directory == directory.root_path())
      break;
  }
  return found;
}

// The checkout a CI job works in, when it says so and is a repository's root: GitHub Actions'
// GITHUB_WORKSPACE, GitLab's CI_PROJECT_DIR. Paths in its reports are relative to it, whatever
// repositories lie below. A workspace that holds no .git (`actions/checkout` with `path:`) is
// not the repository code scanning reads paths against.
std::filesystem::path ci_workspace() {
  for (const char* name : {"GITHUB_WORKSPACE", "CI_PROJECT_DIR"}) {
    const char* value = std::getenv(name);
    std::error_code ignored;
    if (value != nullptr && *value == '/' && std::filesystem::exists(std::filesystem::path(value) / ".git", ignored))
      return std::filesystem::path(value).lexically_normal();
  }
  return {};
}

bool inside(const std::filesystem::path& file, const std::filesystem::path& directory) {
  const std::filesystem::path relative = file.lexically_relative(directory);
  return !directory.empty() && !relative.empty() && *relative.begin() != "..";
}

}  // namespace

std::string repository_path(const std::string& shown, const std::string& base_dir) {
  namespace fs = std::filesystem;
  if (shown == "<stdin>") {
    return shown;
  }
  std::error_code ignored;
  const fs::path file = fs::absolute(shown, ignored).lexically_normal();
  const fs::path workspace = ci_workspace();
  fs::path base = !base_dir.empty()         ? fs::absolute(base_dir, ignored)
                  : inside(file, workspace) ? workspace
                                            : repository_root(file.parent_path());
  if (base.empty()) {
    base = fs::current_path(ignored);
  }
  const fs::path relative = file.lexically_relative(base.lexically_normal());
  if (relative.empty() || *relative.begin() == "..") {
    return file.generic_string();
  }
  return relative.generic_string();
}

Deployment read_deployment(const std::string& path, const InputLimits& limits, const std::string& stdin_name) {
  return load_deployment_text(read_input(path, limits.max_file_size), display_name(path, stdin_name), limits);
}

Deployment load_deployment_text(const std::string& text, const std::string& name, const InputLimits& limits) {
  try {
    return load_deployment(text, name, limits);
  } catch (const InputError& error) {
    // Columns in characters, as `validate` reports them.
    const LineIndex index(text);
    std::vector<Diagnostic> diagnostics = error.diagnostics();
    for (Diagnostic& diagnostic : diagnostics) diagnostic.location = index.to_code_points(diagnostic.location);
    throw InputError(std::move(diagnostics));
  }
}

namespace {

// The temporary file being written, removed if a signal ends the run before it is renamed.
std::array<char, 4096> pending_temp{};
volatile std::sig_atomic_t have_pending = 0;

extern "C" void remove_pending_temp(int signal) {
  if (have_pending != 0) {
    ::unlink(pending_temp.data());
  }
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

// Every signal whose default action ends the process and that a run may get: from a user or a
// supervisor, from a CI timeout (SIGALRM), from a file-size limit hit while writing (SIGXFSZ).
constexpr std::array<int, 8> ending_signals{SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGXFSZ};

// While it lives, a temporary file it tracks is removed if a signal ends the run. A signal the
// run was told to ignore (nohup's SIGHUP) stays ignored; each handler is restored afterwards.
class PendingTemp {
public:
  PendingTemp() = default;
  void track(const std::string& path) {
    if (path.size() < pending_temp.size()) {
      std::memcpy(pending_temp.data(), path.c_str(), path.size() + 1);
      have_pending = 1;
      for (std::size_t i = 0; i < ending_signals.size(); ++i) {
        m_previous[i] = std::signal(ending_signals[i], remove_pending_temp);
        if (m_previous[i] == SIG_IGN)
          std::signal(ending_signals[i], SIG_IGN);
      }
      m_tracking = true;
    }
  }
  ~PendingTemp() {
    have_pending = 0;
    for (std::size_t i = 0; m_tracking && i < ending_signals.size(); ++i) {
      std::signal(ending_signals[i], m_previous[i] == SIG_ERR ? SIG_DFL : m_previous[i]);
    }
  }
  PendingTemp(const PendingTemp&) = delete;
  PendingTemp& operator=(const PendingTemp&) = delete;

private:
  std::array<void (*)(int), ending_signals.size()> m_previous{};
  bool m_tracking = false;
};

// Writes all of `text` to `fd`; false with errno set on failure.
bool write_all(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t n = ::write(fd, text.data(), text.size());
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      return false;
    }
    text.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// Writes `text` to a new temporary file of `mode` beside `path`, on disk before it returns;
// owned like `owner` when given and the system allows it (root, or a group of the user's).
std::string write_temporary(const std::string& path, const std::string& text, mode_t mode, PendingTemp& pending,
                            const struct stat* owner = nullptr) {
  const auto slash = path.find_last_of('/');
  std::string temp = (slash == std::string::npos ? std::string() : path.substr(0, slash + 1)) + ".ceplan-XXXXXX";
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    fail(path, fmt::format("cannot write output: {}", system_error()));
  }
  pending.track(temp);
  if (owner != nullptr && ::fchown(fd, owner->st_uid, owner->st_gid) != 0) {
    (void)::fchown(fd, static_cast<uid_t>(-1), owner->st_gid);
  }
  const bool written = ::fchmod(fd, mode) == 0 && write_all(fd, text) && ::fsync(fd) == 0;
  const std::string reason = system_error();
  if (::close(fd) != 0 || !written) {
    ::unlink(temp.c_str());
    fail(path, fmt::format("cannot write output: {}", written ? system_error() : reason));
  }
  return temp;
}

// A FIFO, a terminal or /dev/full is written to as it is; renaming over it would replace it.
void write_through(const std::string& path, const std::string& text) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0 || !write_all(fd, text)) {
    const std::string reason = system_error();
    if (fd >= 0)
      ::close(fd);
    fail(path, fmt::format("cannot write output: {}", reason));
  }
  if (::close(fd) != 0) {
    fail(path, fmt::format("cannot write output: {}", system_error()));
  }
}

mode_t default_mode() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

}  // namespace

void write_stdout(const std::string& text) {
  std::cout << text << std::flush;
  if (!std::cout) {
    const std::string reason = system_error();
    std::cout.clear();
    throw usage_error(fmt::format("cannot write to standard output: {}", reason));
  }
}

void write_file_atomically(const std::string& path, const std::string& text, const std::string& replaces,
                           bool executable) {
  if (path == "-") {
    write_stdout(text);
    return;
  }
  struct stat info {};
  const bool exists = ::stat(path.c_str(), &info) == 0;
  struct stat link {};
  if (!exists && ::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
    // Creating the file a planted link points to could write anywhere; replacing the link
    // would lose it. Neither is what the user asked for.
    fail(path, "is a symbolic link to a file that does not exist; ceplan does not follow or replace it");
  }
  if (exists && !S_ISREG(info.st_mode)) {
    write_through(path, text);
    return;
  }
  struct stat replaced {};
  const bool meant = !replaces.empty() && ::stat(replaces.c_str(), &replaced) == 0 && replaced.st_dev == info.st_dev &&
                     replaced.st_ino == info.st_ino;
  if (exists && is_input(info) && !meant) {
    fail(path, "is an input of this run; ceplan does not write its output over it (name another file)");
  }
  // A link stays a link: the file it points to is replaced, with its mode.
  std::string target = path;
  if (exists) {
    if (char* resolved = ::realpath(path.c_str(), nullptr)) {
      target = resolved;
      std::free(resolved);  // NOLINT(cppcoreguidelines-no-malloc): realpath's contract
    }
  }
  PendingTemp pending;
  mode_t mode = exists ? (info.st_mode & 07777) : default_mode();
  if (executable)
    mode |= (mode & 0444) >> 2;  // executable by whoever may read it
  const std::string temp = write_temporary(target, text, mode, pending, exists ? &info : nullptr);
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    const std::string reason = system_error();
    ::unlink(temp.c_str());
    fail(path, fmt::format("cannot write output: {}", reason));
  }
}

void write_new_file(const std::string& path, const std::string& text) {
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0) {
    fail(path, "already exists; ceplan init never overwrites a file (remove it or name another)");
  }
  PendingTemp pending;
  const std::string temp = write_temporary(path, text, default_mode(), pending);
  // link() fails if `path` appeared meanwhile, so an existing file is never replaced.
  const int linked = ::link(temp.c_str(), path.c_str());
  const std::string reason = system_error();
  ::unlink(temp.c_str());
  if (linked != 0) {
    fail(path, errno == EEXIST ? std::string("already exists; ceplan init never overwrites a file")
                               : fmt::format("cannot write file: {}", reason));
  }
}

terraform::Inventory read_terraform(const std::string& path, const std::string& region, const Context& context,
                                    const std::string& region_option) {
  const std::string name = display_name(path, context.stdin_filename);
  return terraform::read(read_input(path, context.limits.max_file_size), name, {region, region_option, context.limits});
}

}  // namespace ceplan::cli
