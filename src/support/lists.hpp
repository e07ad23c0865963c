#pragma once
// Short lists of names kept in order, where a linear look-up is cheaper than an index: the
// regions of a scenario, the registries or stores it takes, the items of a list flag; and the
// ASCII case folding names are compared with.

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

namespace ceplan {

/// True if `names` holds `name`.
[[nodiscard]] inline bool contains(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

/// An item of a comma-separated list without the spaces around it.
[[nodiscard]] inline std::string_view trim_spaces(std::string_view item) {
  const std::size_t first = item.find_first_not_of(' ');
  return first == std::string_view::npos ? std::string_view()
                                         : item.substr(first, item.find_last_not_of(' ') - first + 1);
}

/// `text` with ASCII letters in lower case ("EU-DE" -> "eu-de"); other bytes as they are.
[[nodiscard]] inline std::string lower_case(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// Appends `name` unless `names` holds it already.
inline void add_once(std::vector<std::string>& names, std::string name) {
  if (!contains(names, name))
    names.push_back(std::move(name));
}

}  // namespace ceplan
