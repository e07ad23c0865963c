#pragma once
// Runs git for `ceplan diff --git`: without a shell, so that no revision or path is read as shell
// syntax, and with git's own error in the message when it fails.

#include <string>
#include <vector>

#include "support/error.hpp"

namespace ceplan::cli {

/// What git printed, and whether it succeeded.
struct GitResult {
  bool ok = false;    ///< git exited 0
  std::string out;    ///< standard output
  std::string error;  ///< git's message on standard error, its first lines, printable
};

/// Runs `git ARGUMENTS...` in the current directory and returns what it printed. Throws
/// InputError when git cannot be started (naming that git is missing) or prints more than `limit`
/// bytes, which `what` ("read HEAD:deploy.yaml") then names.
[[nodiscard]] GitResult run_git(const std::vector<std::string>& arguments, const std::string& what, std::size_t limit);

/// The error for git failing at `what`: "git could not WHAT: git's message".
[[nodiscard]] InputError git_error(const std::string& what, const GitResult& result);

/// `run_git`'s standard output; when git fails, git_error().
[[nodiscard]] std::string git_output(const std::vector<std::string>& arguments, const std::string& what,
                                     std::size_t limit);

}  // namespace ceplan::cli
