#pragma once
// "Did you mean" suggestions for misspelled keys, region ids and the like.

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace ceplan {

/// Case-insensitive edit distance (insertions, deletions, replacements), capped at `limit + 1`.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

/// The candidate closest to `word`, if one is near enough to be a plausible typo. Words longer
/// than 64 characters get none, and only the first 256 candidates are compared.
[[nodiscard]] std::optional<std::string> closest_match(std::string_view word, std::span<const std::string> candidates);

/// "; did you mean 'x'?" when a close candidate exists, else "".
[[nodiscard]] std::string did_you_mean(std::string_view word, std::span<const std::string> candidates);

/// did_you_mean(), or, when nothing is close, "; expected one of a, b, c" for a short list
/// (at most 12 candidates) and "" for a long one.
[[nodiscard]] std::string did_you_mean_or_list(std::string_view word, std::span<const std::string> candidates);

}  // namespace ceplan
