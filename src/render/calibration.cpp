#include "render/calibration.hpp"

#include <fmt/format.h>

#include "model/figures.hpp"
#include "render/structured.hpp"
#include "render/table.hpp"
#include "support/error.hpp"
#include "support/version.hpp"

namespace ceplan::render {
namespace {

using Json = nlohmann::ordered_json;

std::string median(const std::vector<std::int64_t>& sorted) {
  return format_duration(sorted[(sorted.size() - 1) / 2]);
}

std::string as_json(const planner::Calibration& c, std::size_t logs) {
  Json kinds = Json::array();
  for (const auto& k : c.kinds)
    kinds.push_back({{"kind", k.kind},
                     {"store", k.store.empty() ? Json(nullptr) : Json(k.store)},
                     {"runs", k.seconds.size()},
                     {"seconds", k.seconds}});
  Json suggestions = Json::array();
  for (const auto& s : c.suggestions)
    suggestions.push_back({{"key", s.key}, {"value", format_duration(s.seconds)}, {"runs", s.runs}});
  return to_json(Json{
      {"ceplan", version()}, {"logs", logs}, {"steps", std::move(kinds)}, {"suggestions", std::move(suggestions)}});
}

}  // namespace

std::string calibration(const planner::Calibration& c, std::size_t logs, bool json) {
  if (json)
    return as_json(c, logs);
  if (c.kinds.empty())
    return fmt::format("No step ended with status 0 in {} log{}: nothing to measure.\n", logs, logs == 1 ? "" : "s");
  Table table({"kind", "store", "runs", "shortest", "median", "longest"});
  for (const auto& k : c.kinds)
    table.add({k.kind, k.store.empty() ? "-" : k.store, std::to_string(k.seconds.size()),
               format_duration(k.seconds.front()), median(k.seconds), format_duration(k.seconds.back())});
  std::string out =
      fmt::format("Measured steps, from {} log{}:\n{}", logs, logs == 1 ? "" : "s", prefix_lines(table.str(), "  "));
  if (c.suggestions.empty())
    return printable(out, true);
  out += "\nSuggested deploy-file values (the longest run, rounded up to the minute):\n";
  for (const auto& s : c.suggestions)
    out += fmt::format("  {}: {}  ({} run{})\n", s.key, format_duration(s.seconds), s.runs, s.runs == 1 ? "" : "s");
  return printable(out, true);
}

}  // namespace ceplan::render
