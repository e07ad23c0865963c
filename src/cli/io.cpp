// Files and streams: the only place the program touches the file system.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "cli/commands.hpp"

namespace ceplan::cli {
namespace {

[[noreturn]] void fail(const std::string& path, const std::string& message) {
  throw InputError(Diagnostic{path, {}, message});
}

std::string system_error() {
  return std::strerror(errno);
}

}  // namespace

std::string read_input(const std::string& path) {
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    if (std::cin.bad()) {
      fail("<stdin>", "cannot read standard input");
    }
    return buffer.str();
  }
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    fail(path, fmt::format("cannot read file: {}", system_error()));
  }
  if (S_ISDIR(info.st_mode)) {
    fail(path, "is a directory, not a file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    fail(path, fmt::format("cannot read file: {}", system_error()));
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string display_name(const std::string& path) {
  return path == "-" ? "<stdin>" : path;
}

Deployment read_deployment(const std::string& path) {
  return load_deployment(read_input(path), display_name(path));
}

void write_file_atomically(const std::string& path, const std::string& text) {
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
  if (::close(fd) != 0 || ::rename(temp.c_str(), path.c_str()) != 0) {
    const std::string reason = system_error();
    ::unlink(temp.c_str());
    fail(path, fmt::format("cannot write output: {}", reason));
  }
}

Catalog Context::catalog() const {
  if (catalog_path.empty()) {
    return Catalog::embedded();
  }
  return Catalog::load(read_input(catalog_path), catalog_path);
}

void Context::emit(const std::string& text) const {
  if (!output_path.empty()) {
    write_file_atomically(output_path, text);
    return;
  }
  std::cout << text << std::flush;
}

CLI::Option* add_format_option(CLI::App& command, std::string& format, std::vector<std::string> choices) {
  format = choices.front();
  const std::string description = fmt::format("Output format: {}", fmt::join(choices, ", "));
  return command.add_option("--format", format, description)
      ->check(CLI::IsMember(std::move(choices)))
      ->capture_default_str();
}

}  // namespace ceplan::cli
