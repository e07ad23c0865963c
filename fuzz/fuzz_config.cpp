// libFuzzer target: a `.ceplan.yaml` through its parser, every glob it holds matched against
// paths taken from the input, and the same bytes read as a baseline. Input errors are the
// expected outcome for most inputs; anything else that escapes, or an input over the budget
// (a glob that matches in more than linear time), is a bug.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "budget.hpp"
#include "render/baseline.hpp"
#include "rules/config.hpp"

namespace {

// Paths to match: every line of the input, and a deep path of its first bytes.
std::vector<std::string> paths_of(std::string_view text) {
  std::vector<std::string> paths{"deploy/prod/eu.yaml", "a/b/c/d/e/f/g/h.yaml"};
  for (std::size_t start = 0; start < text.size() && paths.size() < 64;) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    paths.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  std::string deep;
  for (char c : text.substr(0, 256)) (deep += c) += '/';
  paths.push_back(std::move(deep));
  return paths;
}

void match_all(const ceplan::Config& config, std::string_view text) {
  std::vector<std::string> globs = config.paths;
  globs.insert(globs.end(), config.exclude.begin(), config.exclude.end());
  for (const ceplan::ConfigOverride& entry : config.overrides)
    globs.insert(globs.end(), entry.files.begin(), entry.files.end());
  for (const std::string& path : paths_of(text)) {
    for (const std::string& glob : globs) (void)ceplan::glob_match(glob, path);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const fuzz::Meter meter(fuzz::input_budget, size);
  try {
    match_all(ceplan::parse_config(text, ".ceplan.yaml"), text);
  } catch (const ceplan::InputError& error) {
    for (const auto& diagnostic : error.diagnostics()) (void)diagnostic.format();
  }
  try {
    (void)ceplan::render::read_baseline(text, "baseline.json");
  } catch (const ceplan::InputError& error) {
    for (const auto& diagnostic : error.diagnostics()) (void)diagnostic.format();
  }
  // Globs straight from the input, where the configuration's parser would refuse the text.
  const std::size_t half = text.size() / 2;
  (void)ceplan::glob_match(text.substr(0, half), text.substr(half));
  meter.check();
  return 0;
}
