#include "support/error.hpp"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

namespace ceplan {

std::string excerpt(std::string_view value, std::size_t shown) {
  return value.size() <= shown ? std::string(value) : std::string(value.substr(0, shown)) + "...";
}

namespace {

// The code point of an invisible format character at `i` (zero-width spaces and joiners, bidi
// marks, embeddings, overrides and isolates, the line and paragraph separators, the byte order
// mark), with its length in bytes; {0, 0} for anything else.
std::pair<unsigned, std::size_t> hidden_at(std::string_view text, std::size_t i) {
  const auto at = [&](std::size_t k) { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0u; };
  if (at(0) == 0xD8 && at(1) == 0x9C)
    return {0x061C, 2};
  if (at(0) == 0xE2 && at(1) == 0x80 && ((at(2) >= 0x8B && at(2) <= 0x8F) || (at(2) >= 0xA8 && at(2) <= 0xAE)))
    return {0x2000u + at(2) - 0x80u, 3};
  if (at(0) == 0xE2 && at(1) == 0x81 && at(2) >= 0xA0 && at(2) <= 0xA9)
    return {0x2060u + at(2) - 0xA0u, 3};
  if (at(0) == 0xEF && at(1) == 0xBB && at(2) == 0xBF)
    return {0xFEFF, 3};
  return {0, 0};
}

}  // namespace

bool has_hidden_characters(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x20 || byte == 0x7F || (byte >= 0xD8 && hidden_at(text, i).second > 0) ||
        (byte == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
         static_cast<unsigned char>(text[i + 1]) <= 0x9F)) {
      return true;
    }
  }
  return false;
}

std::string printable(std::string_view text, bool keep_newlines) {
  // Most text is printable ASCII and is copied as is. `##[` starts a legacy GitHub Actions
  // workflow command anywhere in a log line (`##[error]`, `##[endgroup]`): escaped like a control
  // character, so that a value from a file can neither forge an annotation nor stop the log's
  // command processing.
  if (std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7F; }) &&
      text.find("##[") == std::string_view::npos) {
    return std::string(text);
  }
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (const auto [code, length] = byte >= 0xD8 ? hidden_at(text, i) : std::pair<unsigned, std::size_t>{0, 0};
        length > 0) {
      out += fmt::format("\\u{:04x}", code);
      i += length - 1;
    } else if (byte == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      // C1 controls (U+0080 to U+009F), among them the one-byte CSI of some terminals
      out += fmt::format("\\u{:04x}", static_cast<unsigned char>(text[++i]));
    } else if (byte == '\n') {
      out += keep_newlines ? "\n" : "\\n";
    } else if (byte == '\r') {
      out += "\\r";
    } else if (byte == '\t') {
      out += "\\t";
    } else if (byte < 0x20 || byte == 0x7F) {
      out += fmt::format("\\x{:02x}", byte);
    } else if (byte == '#' && text.substr(i, 3) == "##[") {
      out += "#\\x23[";
      i += 2;
    } else {
      out += static_cast<char>(byte);
    }
  }
  return out;
}

std::string Diagnostic::format() const {
  const std::string what = printable(message, source.empty());
  if (source.empty()) {
    return fmt::format("error: {}", what);
  }
  const std::string where = printable(source);
  if (location.line <= 0) {
    return fmt::format("{}: error: {}", where, what);
  }
  if (location.column <= 0) {
    return fmt::format("{}:{}: error: {}", where, location.line, what);
  }
  return fmt::format("{}:{}:{}: error: {}", where, location.line, location.column, what);
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

InputError input_error(std::string source, Location location, std::string message) {
  return InputError(Diagnostic{std::move(source), location, std::move(message)});
}

InputError usage_error(std::string message) {
  return InputError(Diagnostic{{}, {}, std::move(message)});
}

}  // namespace ceplan
