// A per-input budget for the fuzz targets: an input whose time or peak heap grows faster than
// linearly with its size is a bug (docs/security.md promises no input can hang ceplan or exhaust
// its memory), so it is reported as a crash and libFuzzer keeps the input as an artifact.
#pragma once

#include <sanitizer/allocator_interface.h>
#include <sanitizer/common_interface_defs.h>

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace fuzz {

/// What one input may cost: a fixed part plus a part proportional to its size.
struct Budget {
  double base_seconds;
  double seconds_per_kib;
  std::size_t base_bytes;
  std::size_t bytes_per_input_byte;
};

/// About one and a half times what the costliest linear input found costs under ASan, UBSan and
/// libFuzzer's instrumentation in CPU time (a dense file of short apps in ten regions, whose every
/// plan and runbook the simulator replays: up to 370 ms per KiB of input, and 2 KiB of heap per
/// byte), so an input over it grows faster than linearly or hangs; bench/scaling.py measures the
/// growth itself. The fixed heap part covers what the node limit lets a few hundred bytes of
/// aliases build (500,000 nodes by default; the budget was set for 2,000,000, about 175 MB).
inline constexpr Budget input_budget{1.0, 0.5, std::size_t{256} << 20, 4096};

namespace detail {
inline std::size_t live_bytes = 0;
inline std::size_t peak_bytes = 0;

inline void on_malloc(const volatile void* /*pointer*/, std::size_t size) {
  live_bytes += size;
  if (live_bytes > peak_bytes) {
    peak_bytes = live_bytes;
  }
}

inline void on_free(const volatile void* pointer) {
  // The allocator still owns the block here, so its size can be asked for.
  const std::size_t size = __sanitizer_get_allocated_size(const_cast<const void*>(pointer));
  live_bytes = size > live_bytes ? 0 : live_bytes - size;
}
}  // namespace detail

/// Measures one input from construction to check(); aborts if it went over the budget.
// CPU time of the process, not wall time: a loaded machine (a parallel build, a busy CI host) must
// not make an input look costlier than it is.
inline double cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

class Meter {
public:
  Meter(const Budget& budget, std::size_t input_size) : m_budget(budget), m_size(input_size) {
    static const bool installed = __sanitizer_install_malloc_and_free_hooks(detail::on_malloc, detail::on_free) != 0;
    (void)installed;
    detail::live_bytes = 0;
    detail::peak_bytes = 0;
    m_start = cpu_seconds();
  }

  /// Compares what the input cost with what its size allows; CEPLAN_FUZZ_REPORT=1 prints it, and
  /// CEPLAN_FUZZ_BUDGET_SCALE multiplies the budget (scripts/fuzz.sh checks that a tiny one trips).
  void check() const {
    static const double scale = [] {
      const char* text = std::getenv("CEPLAN_FUZZ_BUDGET_SCALE");
      return text == nullptr ? 1.0 : std::strtod(text, nullptr);
    }();
    const double seconds = cpu_seconds() - m_start;
    const double kib = static_cast<double>(m_size) / 1024.0;
    const double allowed_seconds = scale * (m_budget.base_seconds + m_budget.seconds_per_kib * kib);
    const auto allowed_bytes = static_cast<std::size_t>(
        scale * static_cast<double>(m_budget.base_bytes + m_budget.bytes_per_input_byte * m_size));
    if (std::getenv("CEPLAN_FUZZ_REPORT") != nullptr) {
      std::fprintf(stderr, "budget: %zu input bytes, %.3f s (allowed %.3f), peak heap %zu bytes (allowed %zu)\n",
                   m_size, seconds, allowed_seconds, detail::peak_bytes, allowed_bytes);
    }
    if (seconds > allowed_seconds || detail::peak_bytes > allowed_bytes) {
      std::fprintf(stderr,
                   "budget exceeded: %zu input bytes took %.3f s (allowed %.3f) and %zu heap bytes (allowed %zu)\n",
                   m_size, seconds, allowed_seconds, detail::peak_bytes, allowed_bytes);
      std::abort();
    }
  }

private:
  Budget m_budget;
  std::size_t m_size;
  double m_start = 0;
};

}  // namespace fuzz
