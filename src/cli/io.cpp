#include <array>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "cli/io.hpp"

#include "model/deploy_loader.hpp"
#include "support/error.hpp"

namespace ceplan::cli {
namespace {

[[noreturn]] void fail(const std::string& path, const std::string& message) {
  throw InputError(Diagnostic{path, {}, message});
}

std::string system_error() {
  return std::strerror(errno);
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

std::string display_name(const std::string& path) {
  return path == "-" ? "<stdin>" : path;
}

Deployment read_deployment(const std::string& path, const InputLimits& limits) {
  return load_deployment(read_input(path, limits.max_file_size), display_name(path), limits);
}

namespace {

// Writes `text` to a new temporary file beside `path` and returns its name.
std::string write_temporary(const std::string& path, const std::string& text) {
  const auto slash = path.find_last_of('/');
  const std::string dir = slash == std::string::npos ? "." : path.substr(0, slash + 1);
  std::string temp = (slash == std::string::npos ? std::string() : dir) + ".ceplan-XXXXXX";
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    fail(path, fmt::format("cannot write output: {}", system_error()));
  }
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      const std::string reason = system_error();
      ::close(fd);
      ::unlink(temp.c_str());
      fail(path, fmt::format("cannot write output: {}", reason));
    }
    written += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) {
    const std::string reason = system_error();
    ::unlink(temp.c_str());
    fail(path, fmt::format("cannot write output: {}", reason));
  }
  return temp;
}

}  // namespace

void write_file_atomically(const std::string& path, const std::string& text) {
  const std::string temp = write_temporary(path, text);
  if (::rename(temp.c_str(), path.c_str()) != 0) {
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
  const std::string temp = write_temporary(path, text);
  // link() fails if `path` appeared meanwhile, so an existing file is never replaced.
  const int linked = ::link(temp.c_str(), path.c_str());
  const std::string reason = system_error();
  ::unlink(temp.c_str());
  if (linked != 0) {
    fail(path, errno == EEXIST ? std::string("already exists; ceplan init never overwrites a file")
                               : fmt::format("cannot write file: {}", reason));
  }
}

}  // namespace ceplan::cli
