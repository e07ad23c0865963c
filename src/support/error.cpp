#include "support/error.hpp"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

namespace ceplan {

std::string excerpt(std::string_view value, std::size_t shown) {
  return value.size() <= shown ? std::string(value) : std::string(value.substr(0, shown)) + "...";
}

std::string Diagnostic::format() const {
  if (source.empty()) {
    return fmt::format("error: {}", message);
  }
  if (location.line <= 0) {
    return fmt::format("{}: error: {}", source, message);
  }
  if (location.column <= 0) {
    return fmt::format("{}:{}: error: {}", source, location.line, message);
  }
  return fmt::format("{}:{}:{}: error: {}", source, location.line, location.column, message);
}

InputError::InputError(Diagnostic diagnostic) : InputError(std::vector<Diagnostic>{std::move(diagnostic)}) {}

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(diagnostics.empty() ? std::string("input error") : diagnostics.front().format()),
      m_diagnostics(std::move(diagnostics)) {}

void DiagnosticSink::error(Location location, std::string message) {
  if (m_diagnostics.size() >= max_shown) {
    ++m_dropped;
    return;
  }
  m_diagnostics.push_back(Diagnostic{m_source, location, std::move(message)});
}

void DiagnosticSink::throw_if_failed() const {
  if (failed()) {
    // Loaders check in passes (schema, then cross-references); users read a file top to bottom.
    auto sorted = m_diagnostics;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic& a, const Diagnostic& b) {
      return std::tie(a.location.line, a.location.column) < std::tie(b.location.line, b.location.column);
    });
    if (m_dropped > 0) {
      sorted.push_back(
          Diagnostic{m_source, {}, fmt::format("{} more problem{} not shown", m_dropped, m_dropped == 1 ? "" : "s")});
    }
    throw InputError(std::move(sorted));
  }
}

}  // namespace ceplan
