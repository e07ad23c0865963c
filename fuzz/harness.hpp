// What the fuzz targets that read one input share: the embedded catalog, loaded once outside any
// input's budget, and one input run within its budget, where an input error is the expected
// outcome and anything else that escapes is a bug.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "budget.hpp"
#include "catalog/embedded_catalog.hpp"
#include "support/error.hpp"

namespace fuzz {

/// The embedded catalog, loaded on first use.
inline const ceplan::Catalog& catalog() {
  static const ceplan::Catalog instance = ceplan::embedded_catalog();
  return instance;
}

/// Runs `body` on the input (`size` bytes at `data`, as text) within input_budget, the catalog
/// loaded first; each input error is formatted, as a report would, and otherwise dropped.
template <class Body>
int run_within_budget(const std::uint8_t* data, std::size_t size, Body&& body) {
  (void)catalog();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const Meter meter(input_budget, size);
  try {
    body(text);
  } catch (const ceplan::InputError& error) {
    for (const auto& diagnostic : error.diagnostics()) {
      (void)diagnostic.format();
    }
  }
  meter.check();
  return 0;
}

}  // namespace fuzz
