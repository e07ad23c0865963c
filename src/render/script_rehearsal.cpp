#include <algorithm>

#include <fmt/format.h>

#include "planner/blocks.hpp"
#include "planner/ibmcloud.hpp"
#include "render/script_library.hpp"

namespace ceplan::render {

using planner::Check;
using planner::CheckKind;
using planner::shell_word;

namespace {

// A host as a bash (POSIX extended) regular expression matching it literally, quoted: every
// metacharacter a value from the file may hold is escaped.
std::string word_pattern(std::string_view word) {
  std::string out;
  for (char c : word) {
    if (std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos)
      out += '\\';
    out += c;
  }
  return shell_word(out);
}

std::string check_line(const Deployment& d, const Check& check) {
  const std::string what = shell_word(planner::check_text(check));
  const std::string command = shell_word(planner::check_command(d, check));
  switch (check.kind) {
    case CheckKind::registry_server:
      return fmt::format("  check_word {} {} {}\n", what, command, word_pattern(check.detail));
    case CheckKind::project_room:
      return fmt::format("  check_below {} {} {} {}\n", what, command, shell_word(check.region), check.detail);
    case CheckKind::project_free: return fmt::format("  check_fails {} {}\n", what, command);
    case CheckKind::project_unused:
      return fmt::format("  check_lacks {} {} {}\n", what, command, shell_word(check.name));
    case CheckKind::pools: return fmt::format("  check_has {} {} {}\n", what, command, shell_word(check.region));
    default: return fmt::format("  check {} {}\n", what, command);
  }
}

bool in_region(const Check& check) {
  return check.kind == CheckKind::project || check.kind == CheckKind::project_free || planner::runs_in_project(check);
}

// The checks of one region: its target read back, the project's own check, then those that need
// the project selected.
std::string region_lines(const Deployment& d, const std::string& region, const std::vector<Check>& checks) {
  std::string out = fmt::format("  if rehearse_target {} {}; then\n", shell_word(region),
                                shell_word(planner::project_target(d, region)));
  std::string selected;
  for (const Check& check : checks) {
    if (check.kind == CheckKind::project || check.kind == CheckKind::project_free)
      out += "  " + check_line(d, check);
    else
      selected += "    " + check_line(d, check);
  }
  if (!selected.empty())
    out += fmt::format("    if rehearse_select {} {}; then\n{}    fi\n", shell_word(region),
                       shell_word(planner::select_project(d.project)), selected);
  return out + "  fi\n";
}

}  // namespace

std::string rehearsal_function(const Deployment& d, const std::vector<Check>& checks, std::size_t index) {
  if (checks.empty())
    return fmt::format("step_{}() {{\n  return 0  # nothing to check before this step\n}}\n", index);
  std::string out = fmt::format("step_{}() {{\n  begin {}\n", index, index);
  std::vector<std::string> regions;
  for (const Check& check : checks) {
    if (!in_region(check)) {
      out += check_line(d, check);
    } else if (std::find(regions.begin(), regions.end(), check.region) == regions.end()) {
      regions.push_back(check.region);
    }
  }
  for (const std::string& region : regions) {
    std::vector<Check> here;
    std::copy_if(checks.begin(), checks.end(), std::back_inserter(here),
                 [&](const Check& c) { return in_region(c) && c.region == region; });
    out += region_lines(d, region, here);
  }
  return out + "  finish ''\n}\n";
}

}  // namespace ceplan::render
