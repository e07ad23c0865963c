#include "support/ascii.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "support/lists.hpp"

namespace ceplan {

bool utf8_locale(const char* lc_all, const char* lc_ctype, const char* lang) {
  std::string chosen;
  for (const char* value : {lc_all, lc_ctype, lang}) {
    if (value != nullptr && *value != '\0') {
      chosen = value;
      break;
    }
  }
  chosen = lower_case(chosen);
  return chosen.find("utf-8") != std::string::npos || chosen.find("utf8") != std::string::npos;
}

std::string ascii_fallback(std::string_view text) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 9> symbols{{{"→", "->"},
                                                                                         {"×", "x"},
                                                                                         {"−", "-"},
                                                                                         {"—", "--"},
                                                                                         {"·", "-"},
                                                                                         {"…", "..."},
                                                                                         {"Π", "prod"},
                                                                                         {"≤", "<="},
                                                                                         {"≥", ">="}}};
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto match = std::find_if(symbols.begin(), symbols.end(), [&](const auto& symbol) {
      return text.substr(i, symbol.first.size()) == symbol.first;
    });
    if (match != symbols.end()) {
      out += match->second;
      i += match->first.size();
    } else {
      out += text[i++];
    }
  }
  return out;
}

}  // namespace ceplan
