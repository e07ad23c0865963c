#include "planner/calibration.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "loader/json_document.hpp"
#include "support/error.hpp"

namespace ceplan::planner {
namespace {

constexpr std::pair<ActionKind, std::string_view> data_moves[] = {{ActionKind::promote_replica, "promote_replica"},
                                                                  {ActionKind::restore_backup, "restore_backup"},
                                                                  {ActionKind::reseed_store, "reseed_store"},
                                                                  {ActionKind::switch_store, "switch_store"}};

const Action* data_move(const Step& step) {
  for (const auto& entry : data_moves) {
    const auto it =
        std::find_if(step.actions.begin(), step.actions.end(), [&](const Action& a) { return a.kind == entry.first; });
    if (it != step.actions.end())
      return &*it;
  }
  return nullptr;
}

std::string member(const json::Value& line, std::string_view key) {
  const json::Value* value = line.find(key);
  return value == nullptr ? std::string() : std::string(value->string());
}

// One line of the log; nullopt-like (seconds < 0) for lines that are not a successful end.
StepTiming timing(const json::Value& line, int number, const std::string& source) {
  auto fail = [&](std::string message) { throw InputError(Diagnostic{source, {number, 1}, std::move(message)}); };
  if (line.kind != json::Kind::object)
    fail(fmt::format("a step log line is a JSON object, not {}", json::describe(line)));
  StepTiming out{member(line, "step"), member(line, "kind"), member(line, "store"), -1};
  if (out.step.empty() || member(line, "event").empty())
    fail("a step log line names its 'step' and 'event'");
  const json::Value* status = line.find("status");
  const json::Value* seconds = line.find("seconds");
  if (member(line, "event") != "end" || status == nullptr || !status->integral || status->integer != 0)
    return out;
  if (seconds == nullptr || !seconds->integral || seconds->integer < 0)
    fail("the end of a step that succeeded carries its 'seconds', a whole number of at least 0");
  out.seconds = seconds->integer;
  return out;
}

std::int64_t whole_minutes(std::int64_t seconds) {
  return std::max<std::int64_t>(60, (seconds + 59) / 60 * 60);
}

}  // namespace

std::string step_kind(const Step& step) {
  if (const Action* move = data_move(step)) {
    for (const auto& [kind, name] : data_moves) {
      if (kind == move->kind)
        return std::string(name);
    }
  }
  return step.phase;
}

std::string step_store(const Step& step) {
  const Action* move = data_move(step);
  return move == nullptr ? std::string() : move->name;
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
      throw InputError(Diagnostic{source, {number, first.location.column}, first.message});
    }
    StepTiming step = timing(value, number, source);
    if (step.seconds >= 0)
      out.push_back(std::move(step));
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
