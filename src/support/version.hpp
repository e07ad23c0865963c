#pragma once
#include <string_view>

namespace ceplan {
/// The project version, e.g. "0.1.0" (from CMake's project()).
[[nodiscard]] std::string_view version();
}  // namespace ceplan
