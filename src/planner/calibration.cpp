#include "planner/calibration.hpp"

#include <algorithm>
#include <optional>
#include <utility>

#include <fmt/format.h>

#include "loader/json_document.hpp"
#include "support/error.hpp"

namespace ceplan::planner {
namespace {

constexpr std::pair<ActionKind, std::string_view> data_moves[] = {{ActionKind::promote_replica, "promote_replica"},
                                                                  {ActionKind::restore_backup, "restore_backup"},
                                                                  {ActionKind::reseed_store, "reseed_store"},
                                                                  {ActionKind::switch_store, "switch_store"}};

// The step's data move: its kind's name and the action, in the order of `data_moves`.
std::optional<std::pair<std::string_view, const Action*>> data_move(const Step& step) {
  for (const auto& move : data_moves) {
    const auto it =
        std::find_if(step.actions.begin(), step.actions.end(), [&](const Action& a) { return a.kind == move.first; });
    if (it != step.actions.end())
      return std::pair{move.second, &*it};
  }
  return std::nullopt;
}

std::string member(const json::Value& line, std::string_view key) {
  const json::Value* value = line.find(key);
  return value == nullptr ? std::string() : std::string(value->string());
}

// One line of the log; nullopt for a line that is not the end of a step that succeeded.
std::optional<StepTiming> timing(const json::Value& line, int number, const std::string& source) {
  auto fail = [&](std::string message) { throw input_error(source, {number, 1}, std::move(message)); };
  if (line.kind != json::Kind::object)
    fail(fmt::format("a step log line is a JSON object, not {}", json::describe(line)));
  const std::string step = member(line, "step");
  if (step.empty() || member(line, "event").empty())
    fail("a step log line names its 'step' and 'event'");
  const json::Value* status = line.find("status");
  const json::Value* seconds = line.find("seconds");
  if (member(line, "event") != "end" || status == nullptr || !status->integral || status->integer != 0)
    return std::nullopt;
  if (seconds == nullptr || !seconds->integral || seconds->integer < 0)
    fail("the end of a step that succeeded carries its 'seconds', a whole number of at least 0");
  return StepTiming{step, member(line, "kind"), member(line, "store"), seconds->integer};
}

std::int64_t whole_minutes(std::int64_t seconds) {
  return std::max<std::int64_t>(60, (seconds + 59) / 60 * 60);
}

}  // namespace

std::string step_kind(const Step& step) {
  const auto move = data_move(step);
  return move ? std::string(move->first) : step.phase;
}

std::string step_store(const Step& step) {
  const auto move = data_move(step);
  return move ? move->second->name : std::string();
}

std::vector<StepTiming> read_step_log(std::string_view text, const std::string& source, const InputLimits& limits) {
  std::vector<StepTiming> out;
  int number = 0;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos)
      continue;
    json::Value value;
    try {
      value = json::parse(line, source, limits);
    } catch (const InputError& error) {
      const Diagnostic& first = error.diagnostics().front();
      throw input_error(source, {number, first.location.column}, first.message);
    }
    if (auto step = timing(value, number, source))
      out.push_back(std::move(*step));
  }
  return out;
}

Calibration calibrate(const std::vector<StepTiming>& timings) {
  Calibration out;
  for (const StepTiming& t : timings) {
    auto it = std::find_if(out.kinds.begin(), out.kinds.end(),
                           [&](const KindTimings& k) { return k.kind == t.kind && k.store == t.store; });
    if (it == out.kinds.end())
      it = out.kinds.insert(out.kinds.end(), KindTimings{t.kind, t.store, {}});
    it->seconds.push_back(t.seconds);
  }
  for (KindTimings& kind : out.kinds) std::sort(kind.seconds.begin(), kind.seconds.end());
  auto suggest = [&](std::string_view kind, auto key) {
    for (const KindTimings& k : out.kinds) {
      if (k.kind == kind)
        out.suggestions.push_back({key(k), whole_minutes(k.seconds.back()), k.seconds.size()});
    }
  };
  suggest("decide", [](const KindTimings&) { return std::string("objectives.decision_time"); });
  suggest("promote_replica", [](const KindTimings& k) { return fmt::format("data[{}].promote_time", k.store); });
  suggest("restore_backup", [](const KindTimings& k) { return fmt::format("data[{}].restore_time", k.store); });
  return out;
}

}  // namespace ceplan::planner
