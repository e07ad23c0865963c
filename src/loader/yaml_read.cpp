#include "loader/yaml_read.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "support/spellcheck.hpp"

namespace ceplan::yaml {
namespace {

// YAML 1.2's core schema, which editors and the YAML language server read files with: plain
// scalars that are integers (decimal with a sign, 0o octal, 0x hexadecimal), floats and booleans.
std::optional<std::int64_t> core_integer(std::string_view text) {
  int base = 10;
  bool negative = false;
  if (text.starts_with("0o") || text.starts_with("0x")) {
    base = text[1] == 'o' ? 8 : 16;
    text.remove_prefix(2);
  } else if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  std::int64_t value = 0;
  if (text.empty() || text.front() == '+' || text.front() == '-') {
    return std::nullopt;
  }
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value, base);
  if (ec != std::errc() || end != text.data() + text.size()) {
    return std::nullopt;
  }
  return negative ? -value : value;
}

// [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?; infinities and NaN are never valid here.
std::optional<double> core_float(std::string_view text) {
  const bool negative = !text.empty() && text.front() == '-';
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    text.remove_prefix(1);
  }
  std::size_t i = 0;
  auto digits = [&] {
    const std::size_t start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    return i - start;
  };
  std::size_t mantissa = digits();
  if (i < text.size() && text[i] == '.') {
    ++i;
    mantissa += digits();
  }
  if (mantissa == 0) {
    return std::nullopt;
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-'))
      ++i;
    if (digits() == 0)
      return std::nullopt;
  }
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (i != text.size() || ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return negative ? -value : value;
}

std::optional<bool> core_boolean(std::string_view text) {
  if (text == "true" || text == "True" || text == "TRUE")
    return true;
  if (text == "false" || text == "False" || text == "FALSE")
    return false;
  return std::nullopt;
}

// A whole number as the core schema reads it: an integer, or a float with no fraction (1.0, 1e1),
// as JSON Schema's "integer" accepts it.
std::optional<std::int64_t> core_whole_number(std::string_view text) {
  if (auto value = core_integer(text))
    return value;
  const auto value = core_float(text);
  constexpr double limit = 9.0e18;
  if (!value || std::trunc(*value) != *value || std::fabs(*value) > limit)
    return std::nullopt;
  return static_cast<std::int64_t>(*value);
}

// The exact form of a percentage written as a string ("99.95%"), which the JSON Schema's
// pattern spells the same way: at most 100, no leading zeros, an optional fraction and '%'.
bool percent_text(std::string_view text) {
  if (!text.empty() && text.back() == '%')
    text.remove_suffix(1);
  const std::size_t dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  const std::string_view fraction = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  auto all_digits = [](std::string_view part) {
    return !part.empty() && std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (!all_digits(whole) || (dot != std::string_view::npos && !all_digits(fraction))) {
    return false;
  }
  const bool hundred = whole == "100" && fraction.find_first_not_of('0') == std::string_view::npos;
  return hundred || whole.size() == 1 || (whole.size() == 2 && whole.front() != '0');
}

}  // namespace

std::optional<std::int64_t> parse_duration(std::string_view text) {
  // Ten years is far beyond any recovery objective and keeps sums of durations from overflowing.
  constexpr std::int64_t max_seconds = std::int64_t{10} * 365 * 86400;
  if (text.empty()) {
    return std::nullopt;
  }
  std::int64_t total = 0;
  std::size_t i = 0;
  int last_rank = 5;  // units must come in decreasing order: d, h, m, s
  while (i < text.size()) {
    std::int64_t amount = 0;
    const auto [end, ec] = std::from_chars(text.data() + i, text.data() + text.size(), amount);
    if (ec != std::errc() || end == text.data() + i || amount < 0) {
      return std::nullopt;
    }
    i = static_cast<std::size_t>(end - text.data());
    if (i >= text.size()) {
      return std::nullopt;
    }
    std::int64_t unit = 0;
    int rank = 0;
    switch (text[i]) {
      case 'd':
        unit = 86400;
        rank = 4;
        break;
      case 'h':
        unit = 3600;
        rank = 3;
        break;
      case 'm':
        unit = 60;
        rank = 2;
        break;
      case 's':
        unit = 1;
        rank = 1;
        break;
      default: return std::nullopt;
    }
    if (rank >= last_rank || amount > max_seconds / unit) {
      return std::nullopt;
    }
    last_rank = rank;
    total += amount * unit;
    if (total > max_seconds) {
      return std::nullopt;
    }
    ++i;
  }
  return total;
}

bool Reader::map(const Node& node, std::string_view what, std::span<const std::string> known) {
  if (node.kind != Kind::map) {
    error(node.mark, fmt::format("{} must be a mapping, not {}", what, describe(node)));
    return false;
  }
  for (std::size_t i = 0; i < node.keys.size(); ++i) {
    const std::string& key = node.keys[i];
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      error(node.key_marks[i], fmt::format("unknown key '{}' in {}{}", excerpt(key), what, did_you_mean(key, known)));
    }
  }
  return true;
}

bool Reader::sequence(const Node& node, std::string_view what) {
  if (node.kind != Kind::sequence) {
    error(node.mark, fmt::format("{} must be a sequence, not {}", what, describe(node)));
    return false;
  }
  return true;
}

const Node* Reader::required(const Node& map, std::string_view key, std::string_view what) {
  const Node* value = map.find(key);
  if (value != nullptr) {
    return value;
  }
  // A misspelling of this key was already reported with "did you mean"; saying it is missing
  // as well would only repeat the same mistake.
  const std::vector<std::string> wanted{std::string(key)};
  const bool misspelled = std::any_of(map.keys.begin(), map.keys.end(),
                                      [&](const std::string& present) { return closest_match(present, wanted); });
  if (!misspelled) {
    error(map.mark, fmt::format("{} is missing required key '{}'", what, key));
  }
  return nullptr;
}

bool Reader::scalar(const Node& node, std::string_view what, std::string_view expected) {
  if (node.kind != Kind::scalar || node.is_null()) {
    error(node.mark, fmt::format("{} must be {}, not {}", what, expected, describe(node)));
    return false;
  }
  return true;
}

std::optional<std::string> Reader::string(const Node& node, std::string_view what) {
  if (!scalar(node, what, "a string")) {
    return std::nullopt;
  }
  // Editors read `42` or `true` as a number or a boolean, and the schema rejects them where a
  // string belongs; so does ceplan, and says how to write the string.
  if (node.plain && (core_boolean(node.value) || core_float(node.value) || core_integer(node.value))) {
    // A number as long as the file is shown cut, and then without a hint to copy.
    const std::string shown = excerpt(node.value);
    error(node.mark, fmt::format("{} must be a string, not {} {}; quote it{}", what,
                                 core_boolean(node.value) ? "the boolean" : "the number", shown,
                                 shown == node.value ? fmt::format(": '{}'", shown) : std::string()));
    return std::nullopt;
  }
  return node.value;
}

std::optional<std::string> Reader::nullable_string(const Node& node, std::string_view what) {
  if (node.is_null()) {
    return std::nullopt;
  }
  return string(node, what);
}

std::optional<std::string> Reader::choice(const Node& node, std::string_view what,
                                          std::span<const std::string> choices) {
  auto text = string(node, what);
  if (!text) {
    return std::nullopt;
  }
  if (std::find(choices.begin(), choices.end(), *text) == choices.end()) {
    error(node.mark, fmt::format("{} must be one of {}, not '{}'{}", what, fmt::join(choices, ", "), excerpt(*text),
                                 did_you_mean(*text, choices)));
    return std::nullopt;
  }
  return text;
}

std::optional<std::int64_t> Reader::integer(const Node& node, std::string_view what, std::int64_t min,
                                            std::int64_t max) {
  if (!scalar(node, what, "a whole number")) {
    return std::nullopt;
  }
  const std::string& text = node.value;
  const auto parsed = node.plain ? core_whole_number(text) : std::nullopt;
  if (!parsed) {
    error(node.mark, fmt::format("{} must be a whole number, not '{}'", what, excerpt(text)));
    return std::nullopt;
  }
  const std::int64_t value = *parsed;
  if (value < min || value > max) {
    error(node.mark, fmt::format("{} must be between {} and {}, not {}", what, min, max, value));
    return std::nullopt;
  }
  return value;
}

std::optional<bool> Reader::boolean(const Node& node, std::string_view what) {
  if (node.kind == Kind::scalar && node.plain) {
    if (auto value = core_boolean(node.value))
      return value;
  }
  error(node.mark, fmt::format("{} must be true or false, not {}", what,
                               node.kind == Kind::scalar ? fmt::format("'{}'", excerpt(node.value))
                                                         : std::string(describe(node))));
  return std::nullopt;
}

std::optional<double> Reader::percent(const Node& node, std::string_view what) {
  if (!scalar(node, what, "a percentage")) {
    return std::nullopt;
  }
  // A number (as the core schema reads a plain scalar), or a string of the exact percent form.
  std::optional<double> number = node.plain ? core_float(node.value) : std::nullopt;
  if (!number && percent_text(node.value)) {
    std::string_view text = node.value;
    if (text.back() == '%')
      text.remove_suffix(1);
    double parsed = 0;
    std::from_chars(text.data(), text.data() + text.size(), parsed);
    number = parsed;
  }
  if (!number) {
    error(node.mark,
          fmt::format("{} must be a percentage such as 99.95 or \"99.95%\", not '{}'", what, excerpt(node.value)));
    return std::nullopt;
  }
  const double value = *number;
  if (value <= 0 || value > 100) {
    error(node.mark, fmt::format("{} must be above 0 and at most 100, not {}", what, excerpt(node.value)));
    return std::nullopt;
  }
  return value;
}

std::optional<std::int64_t> Reader::duration(const Node& node, std::string_view what) {
  if (!scalar(node, what, "a duration")) {
    return std::nullopt;
  }
  auto seconds = parse_duration(node.value);
  if (!seconds) {
    error(node.mark,
          fmt::format("{} must be a duration such as 90s, 15m, 4h, 1d or 1h30m, not '{}'", what, excerpt(node.value)));
  }
  return seconds;
}

std::optional<std::vector<std::string>> Reader::string_list(const Node& node, std::string_view what) {
  if (!sequence(node, what)) {
    return std::nullopt;
  }
  std::vector<std::string> values;
  values.reserve(node.items.size());
  for (const Node& item : node.items) {
    if (auto text = string(item, fmt::format("an item of {}", what))) {
      values.push_back(std::move(*text));
    }
  }
  return values;
}

}  // namespace ceplan::yaml
