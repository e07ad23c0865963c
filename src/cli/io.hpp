#pragma once
// Files and streams: reading inputs within their limits and writing outputs atomically. With
// config_files, baseline, live_input and git, the only code that touches the file system.

#include <cstddef>
#include <string>

#include "cli/context.hpp"
#include "model/deployment.hpp"
#include "model/terraform.hpp"
#include "support/limits.hpp"

namespace ceplan::cli {

/// Reads a whole file, or standard input for "-", of at most `max_bytes`; throws InputError
/// naming the file.
[[nodiscard]] std::string read_input(const std::string& path, std::size_t max_bytes);
/// Reads the Terraform plan or state `path` ("-": standard input) under the run's limits;
/// `region` is the region of resources whose provider takes it from the environment, given with
/// the option `region_option`.
[[nodiscard]] terraform::Inventory read_terraform(const std::string& path, const std::string& region,
                                                  const Context& context, const std::string& region_option);
/// The name a file is shown under in messages and reports: the path as typed, normalised
/// (`./a/../b.yaml` is `b.yaml`); for "-", `stdin_name` (--stdin-filename) or "<stdin>".
[[nodiscard]] std::string display_name(const std::string& path, const std::string& stdin_name = {});
/// The path CI formats report: relative to `base_dir` (--base-dir) or else to the nearest
/// directory above the file that holds `.git`, or else to the current directory, with '/'
/// separators; absolute when the file lies outside it. `shown` is display_name()'s result.
[[nodiscard]] std::string repository_path(const std::string& shown, const std::string& base_dir);
/// Reads and loads a deploy file (or standard input for "-", named `stdin_name`); throws InputError.
[[nodiscard]] Deployment read_deployment(const std::string& path, const InputLimits& limits,
                                         const std::string& stdin_name = {});
/// Loads `text` as the deploy file `name`, with error columns in characters as read_deployment()
/// gives them; for text that comes from elsewhere than a file (git).
[[nodiscard]] Deployment load_deployment_text(const std::string& text, const std::string& name,
                                              const InputLimits& limits);
/// Writes `text` to standard output; a failed write (a full disk, a closed descriptor) throws
/// InputError instead of passing unnoticed.
void write_stdout(const std::string& text);
/// Writes `text` to `path` ("-": standard output). A regular file is replaced atomically (a
/// temporary file beside it, synced, then renamed; removed if a signal ends the run), keeping its
/// mode and, where the system allows, its owner; a link keeps pointing at it, and a link to
/// nothing is refused; anything else (a FIFO, /dev/full) is written through. An input of this
/// run is never overwritten (InputError), except the file `replaces` names, which this output
/// is meant to rewrite (a baseline updated in place). `executable`: whoever may read it may run it.
void write_file_atomically(const std::string& path, const std::string& text, const std::string& replaces = {},
                           bool executable = false);
/// Creates `path` with `text`; refuses (InputError) when it exists, and never leaves a partial file.
void write_new_file(const std::string& path, const std::string& text);
}  // namespace ceplan::cli
