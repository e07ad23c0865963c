#include "cli/baseline.hpp"

#include <iostream>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "cli/io.hpp"
#include "render/fingerprint.hpp"

namespace ceplan::cli {
namespace {

constexpr std::size_t max_stale_shown = 20;

// Moves the baseline's findings out of `report`; records which entries matched.
std::size_t hide_known(render::FileReport& report, const std::unordered_map<std::string, std::size_t>& known,
                       std::vector<bool>& matched, const std::string& path) {
  const std::vector<std::string> prints = render::fingerprints(report);
  std::vector<Finding> kept;
  std::size_t hidden = 0;
  for (std::size_t i = 0; i < report.findings.size(); ++i) {
    const auto it = known.find(prints[i]);
    if (it == known.end()) {
      kept.push_back(std::move(report.findings[i]));
      continue;
    }
    matched[it->second] = true;
    report.suppressed.push_back(
        {std::move(report.findings[i]), false, fmt::format("recorded in the baseline {}", path)});
    ++hidden;
  }
  report.findings = std::move(kept);
  return hidden;
}

}  // namespace

void apply_baseline(std::vector<render::FileReport>& reports, const std::string& path, const InputLimits& limits) {
  const std::string name = display_name(path);
  const std::vector<render::BaselineEntry> entries =
      render::read_baseline(read_input(path, limits.max_file_size), name);
  std::unordered_map<std::string, std::size_t> known;
  for (std::size_t i = 0; i < entries.size(); ++i) known.emplace(entries[i].fingerprint, i);
  std::vector<bool> matched(entries.size(), false);
  std::set<std::string> checked;
  std::size_t hidden = 0;
  for (render::FileReport& report : reports) {
    checked.insert(render::ci_path(report));
    hidden += hide_known(report, known, matched, name);
  }
  std::cerr << fmt::format("ceplan: the baseline {} hid {} known finding{}\n", printable(name), hidden,
                           hidden == 1 ? "" : "s");
  // Entries of files this run did not check may still hold; only the checked files' are stale.
  // The first few are named; a baseline of a rewritten file must not flood the log.
  std::size_t stale = 0;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (!matched[i] && checked.contains(entries[i].path) && ++stale <= max_stale_shown) {
      std::cerr << fmt::format("ceplan: baseline entry no longer occurs: {} {} {}\n",
                               printable(excerpt(entries[i].path, 256)), printable(excerpt(entries[i].rule)),
                               printable(excerpt(entries[i].message, 256)));
    }
  }
  if (stale > max_stale_shown) {
    std::cerr << fmt::format("ceplan: {} more baseline entries no longer occur; --write-baseline {} drops them\n",
                             stale - max_stale_shown, printable(name));
  }
}

}  // namespace ceplan::cli
