#include "cli/git.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <csignal>

#include <array>
#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "support/error.hpp"

extern char** environ;  // NOLINT(readability-redundant-declaration): POSIX declares it nowhere

namespace ceplan::cli {
namespace {

// git's message is kept to its first lines: it is there to say why, not to be a log.
constexpr std::size_t max_error_bytes = 2000;

// A pipe whose ends close themselves.
struct Pipe {
  std::array<int, 2> ends{-1, -1};
  Pipe() {
    // Close-on-exec: git gets only the ends dup2'd onto its standard output and error, so a
    // process git leaves running (an fsmonitor daemon) cannot hold the pipe open.
    if (pipe2(ends.data(), O_CLOEXEC) != 0)
      throw usage_error(fmt::format("cannot run git: {}", std::strerror(errno)));
  }
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;
  ~Pipe() { close_all(); }
  void close_end(int index) {
    if (ends.at(index) >= 0)
      close(ends.at(index));
    ends.at(index) = -1;
  }
  void close_all() {
    close_end(0);
    close_end(1);
  }
};

pid_t spawn(const std::vector<std::string>& arguments, Pipe& out, Pipe& err) {
  std::vector<std::string> words{"git"};
  words.insert(words.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  argv.reserve(words.size() + 1);
  for (std::string& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out.ends[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err.ends[1], STDERR_FILENO);
  posix_spawn_file_actions_addclose(&actions, out.ends[0]);
  posix_spawn_file_actions_addclose(&actions, err.ends[0]);
  pid_t pid = 0;
  const int failed = posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  out.close_end(1);
  err.close_end(1);
  if (failed == ENOENT)
    throw usage_error("cannot run git: it is not installed, or not on PATH");
  if (failed != 0)
    throw usage_error(fmt::format("cannot run git: {}", std::strerror(failed)));
  return pid;
}

// Reads both pipes until git closes them; false when standard output passed `limit`.
bool drain(Pipe& out, Pipe& err, GitResult& result, std::size_t limit) {
  std::array<char, 4096> buffer{};
  while (out.ends[0] >= 0 || err.ends[0] >= 0) {
    std::array<pollfd, 2> fds{pollfd{out.ends[0], POLLIN, 0}, pollfd{err.ends[0], POLLIN, 0}};
    if (poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR)
        continue;
      throw usage_error(fmt::format("cannot read git's output: {}", std::strerror(errno)));
    }
    for (std::size_t i = 0; i < fds.size(); ++i) {
      if (fds.at(i).fd < 0 || fds.at(i).revents == 0)
        continue;
      Pipe& pipe = i == 0 ? out : err;
      const ssize_t n = read(pipe.ends[0], buffer.data(), buffer.size());
      if (n <= 0) {
        pipe.close_end(0);
        continue;
      }
      std::string& text = i == 0 ? result.out : result.error;
      if (i == 1 && text.size() >= max_error_bytes)
        continue;
      text.append(buffer.data(), static_cast<std::size_t>(n));
      if (i == 0 && text.size() > limit)
        return false;
    }
  }
  return true;
}

// Waits for git to end; its wait status.
int reap(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return status;
}

// git's message without its trailing newline, on one line per line of git's, printable.
std::string message_of(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  if (text.size() > max_error_bytes)
    text = text.substr(0, max_error_bytes) + "...";
  return text.empty() ? std::string("it printed no message") : printable(text, true);
}

}  // namespace

GitResult run_git(const std::vector<std::string>& arguments, const std::string& what, std::size_t limit) {
  Pipe out;
  Pipe err;
  const pid_t pid = spawn(arguments, out, err);
  GitResult result;
  // On any way out, git is neither left running nor left unreaped.
  const auto stop = [&] {
    out.close_all();
    err.close_all();
    kill(pid, SIGTERM);
  };
  bool within = false;
  try {
    within = drain(out, err, result, limit);
  } catch (const InputError&) {
    stop();
    (void)reap(pid);
    throw;
  }
  if (!within)
    stop();
  const int status = reap(pid);
  if (!within)
    throw usage_error(
        fmt::format("git's output to {} is larger than the limit of {} bytes (--max-file-size)", what, limit));
  result.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  result.error = message_of(std::move(result.error));
  return result;
}

InputError git_error(const std::string& what, const GitResult& result) {
  return usage_error(fmt::format("git could not {}: {}", what, result.error));
}

std::string git_output(const std::vector<std::string>& arguments, const std::string& what, std::size_t limit) {
  GitResult result = run_git(arguments, what, limit);
  if (!result.ok)
    throw git_error(what, result);
  return std::move(result.out);
}

}  // namespace ceplan::cli
