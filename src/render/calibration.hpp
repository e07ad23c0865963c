#pragma once
// Renders `ceplan calibrate`: the measured durations of each kind of step, and the deploy-file
// values the drills suggest, as text or JSON.

#include <string>

#include "planner/calibration.hpp"

namespace ceplan::render {

/// `calibration` as text (`json` false) or as one JSON document; `logs` is how many logs were read.
[[nodiscard]] std::string calibration(const planner::Calibration& calibration, std::size_t logs, bool json);

}  // namespace ceplan::render
