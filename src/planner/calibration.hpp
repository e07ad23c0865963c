#pragma once
// Calibration (`ceplan calibrate`): the step logs that runbook scripts write during drills, read
// back as measured durations per kind of step, and the deploy-file values they suggest.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "planner/step.hpp"
#include "support/limits.hpp"

namespace ceplan::planner {

/// The kind a step log names a step by: "promote_replica", "restore_backup", "reseed_store" or
/// "switch_store" for a step that moves data, else its phase ("decide", "restore", ...).
[[nodiscard]] std::string step_kind(const Step& step);
/// The data store a step moves, for its log; "" for other steps.
[[nodiscard]] std::string step_store(const Step& step);

/// One step that ran to its end with status 0 in a drill.
struct StepTiming {
  std::string step;          ///< its id
  std::string kind;          ///< step_kind()
  std::string store;         ///< step_store()
  std::int64_t seconds = 0;  ///< how long it took
};

/// Reads one step log (JSON lines, as the scripts write them); `source` names it in errors. Only
/// steps that ended with status 0 count. A line that is not such a JSON object throws InputError
/// at its line.
[[nodiscard]] std::vector<StepTiming> read_step_log(std::string_view text, const std::string& source,
                                                    const InputLimits& limits = {});

/// The measured durations of one kind of step (and store, for data steps).
struct KindTimings {
  std::string kind;                   ///< step kind
  std::string store;                  ///< the store, for data steps
  std::vector<std::int64_t> seconds;  ///< every run, shortest first
};

/// A deploy-file value the drills suggest: the longest run measured, rounded up to the minute.
struct Suggestion {
  std::string key;           ///< "objectives.decision_time", "data[orders-db].promote_time"
  std::int64_t seconds = 0;  ///< the value
  std::size_t runs = 0;      ///< how many runs it rests on
};

/// What `ceplan calibrate` reports.
struct Calibration {
  std::vector<KindTimings> kinds;       ///< by kind then store, in the order first seen
  std::vector<Suggestion> suggestions;  ///< decision_time, then each store's promote and restore times
};

/// Groups `timings` by kind and store and derives the suggestions.
[[nodiscard]] Calibration calibrate(const std::vector<StepTiming>& timings);

}  // namespace ceplan::planner
