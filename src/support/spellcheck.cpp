#include "support/spellcheck.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include <fmt/format.h>

namespace ceplan {
namespace {

char fold(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// A typo changes a few characters; allowing more than a third of the word would suggest
// unrelated names for short words ("eu" for "us").
std::size_t plausible_distance(std::string_view word) {
  return std::clamp<std::size_t>(word.size() / 3, 1, 3);
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  const std::size_t length_gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (length_gap > limit) {
    return limit + 1;
  }
  // Optimal string alignment: a swap of two neighbours ("MRZ" for "MZR") is one typo, not two.
  // Three rows on the stack for names of human length: suggestions run once per unknown name.
  constexpr std::size_t on_stack = 65;
  std::array<std::size_t, on_stack> rows_a{};
  std::array<std::size_t, on_stack> rows_b{};
  std::array<std::size_t, on_stack> rows_c{};
  std::vector<std::size_t> heap;
  std::size_t* before = rows_a.data();
  std::size_t* previous = rows_b.data();
  std::size_t* row = rows_c.data();
  if (b.size() + 1 > on_stack) {
    heap.assign(3 * (b.size() + 1), 0);
    before = heap.data();
    previous = before + b.size() + 1;
    row = previous + b.size() + 1;
  }
  for (std::size_t j = 0; j <= b.size(); ++j) {
    previous[j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    std::size_t best_in_row = row[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = fold(a[i - 1]) == fold(b[j - 1]) ? 0 : 1;
      row[j] = std::min({previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && fold(a[i - 1]) == fold(b[j - 2]) && fold(a[i - 2]) == fold(b[j - 1])) {
        row[j] = std::min(row[j], before[j - 2] + 1);
      }
      best_in_row = std::min(best_in_row, row[j]);
    }
    if (best_in_row > limit) {
      return limit + 1;
    }
    std::swap(before, previous);
    std::swap(previous, row);
  }
  return std::min(previous[b.size()], limit + 1);
}

std::optional<std::string> closest_match(std::string_view word, std::span<const std::string> candidates) {
  // Typos are made in names of human length, among a human number of names: longer words and
  // more candidates are not compared, so that a hostile file cannot make suggestions quadratic.
  constexpr std::size_t longest = 64;
  constexpr std::size_t most = 256;
  if (word.size() > longest) {
    return std::nullopt;
  }
  const std::size_t limit = plausible_distance(word);
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  for (const auto& candidate : candidates.first(std::min(candidates.size(), most))) {
    const std::size_t distance = edit_distance(word, candidate, limit);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view word, std::span<const std::string> candidates) {
  if (auto match = closest_match(word, candidates)) {
    return fmt::format("; did you mean '{}'?", *match);
  }
  return {};
}

std::string did_you_mean_or_list(std::string_view word, std::span<const std::string> candidates) {
  std::string hint = did_you_mean(word, candidates);
  constexpr std::size_t listable = 12;
  if (!hint.empty() || candidates.empty() || candidates.size() > listable) {
    return hint;
  }
  std::string list;
  for (const std::string& candidate : candidates) {
    list += (list.empty() ? "" : ", ") + candidate;
  }
  return "; expected one of " + list;
}

}  // namespace ceplan
