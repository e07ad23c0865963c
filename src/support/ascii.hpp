#pragma once
// ASCII spellings of the few symbols ceplan prints (→ × − — · …), for terminals whose locale
// cannot show UTF-8 (LANG=C): they would print mojibake or question marks instead.

#include <string>
#include <string_view>

namespace ceplan {

/// True when the locale the environment selects (LC_ALL, else LC_CTYPE, else LANG; null or empty
/// means unset) encodes text as UTF-8; unset everywhere is the C locale, which does not.
[[nodiscard]] bool utf8_locale(const char* lc_all, const char* lc_ctype, const char* lang);

/// `text` with ceplan's non-ASCII symbols spelled in ASCII: → "->", × "x", − "-", — "--",
/// · "-", … "...", Π "prod", ≤ "<=", ≥ ">="; everything else is kept as it is.
[[nodiscard]] std::string ascii_fallback(std::string_view text);

}  // namespace ceplan
