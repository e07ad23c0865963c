#include "loader/yaml_read.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "support/spellcheck.hpp"

namespace ceplan::yaml {

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
      error(node.key_marks[i], fmt::format("unknown key '{}' in {}{}", key, what, did_you_mean(key, known)));
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
    error(node.mark, fmt::format("{} must be one of {}, not '{}'{}", what, fmt::join(choices, ", "), *text,
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
  std::int64_t value = 0;
  const std::string& text = node.value;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (!node.plain || ec != std::errc() || end != text.data() + text.size()) {
    error(node.mark, fmt::format("{} must be a whole number, not '{}'", what, text));
    return std::nullopt;
  }
  if (value < min || value > max) {
    error(node.mark, fmt::format("{} must be between {} and {}, not {}", what, min, max, value));
    return std::nullopt;
  }
  return value;
}

std::optional<bool> Reader::boolean(const Node& node, std::string_view what) {
  if (node.kind == Kind::scalar && node.plain && (node.value == "true" || node.value == "false")) {
    return node.value == "true";
  }
  error(node.mark,
        fmt::format("{} must be true or false, not {}", what,
                    node.kind == Kind::scalar ? fmt::format("'{}'", node.value) : std::string(describe(node))));
  return std::nullopt;
}

std::optional<double> Reader::percent(const Node& node, std::string_view what) {
  if (!scalar(node, what, "a percentage")) {
    return std::nullopt;
  }
  std::string_view text = node.value;
  if (!text.empty() && text.back() == '%') {
    text.remove_suffix(1);
  }
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    error(node.mark, fmt::format("{} must be a percentage such as 99.95 or \"99.95%\", not '{}'", what, node.value));
    return std::nullopt;
  }
  if (value <= 0 || value > 100) {
    error(node.mark, fmt::format("{} must be above 0 and at most 100, not {}", what, node.value));
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
          fmt::format("{} must be a duration such as 90s, 15m, 4h, 1d or 1h30m, not '{}'", what, node.value));
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
