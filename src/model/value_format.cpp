#include "model/value_format.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <vector>

#include <fmt/format.h>

#include "model/time_zones.hpp"

namespace ceplan {
namespace {

bool lower_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool alnum(char c) {
  return lower_alnum(c) || (c >= 'A' && c <= 'Z');
}

bool all_of(std::string_view text, bool (*ok)(char)) {
  return std::all_of(text.begin(), text.end(), ok);
}

// Names of Code Engine apps and jobs (IBM's `application create --name`: begins with a lower-case
// letter, ends with a lower-case alphanumeric character, 63 characters or fewer).
bool is_name(std::string_view v) {
  return !v.empty() && v.size() <= 63 && v.front() >= 'a' && v.front() <= 'z' && lower_alnum(v.back()) &&
         all_of(v, [](char c) { return lower_alnum(c) || c == '-'; });
}

// Kubernetes DNS subdomains, which Code Engine secrets and config maps are.
bool is_dns_name(std::string_view v) {
  return !v.empty() && v.size() <= 253 && lower_alnum(v.front()) && lower_alnum(v.back()) &&
         all_of(v, [](char c) { return lower_alnum(c) || c == '-' || c == '.'; });
}

// One path component of a repository: lower-case alphanumerics joined by '.', '_' or '-'.
bool is_component(std::string_view v) {
  if (v.empty() || !lower_alnum(v.front()) || !lower_alnum(v.back()))
    return false;
  return all_of(v, [](char c) { return lower_alnum(c) || c == '.' || c == '_' || c == '-'; });
}

bool is_domain(std::string_view v) {
  const auto colon = v.find(':');
  const std::string_view host = v.substr(0, colon);
  const std::string_view port = colon == std::string_view::npos ? std::string_view() : v.substr(colon + 1);
  return !host.empty() && all_of(host, [](char c) { return alnum(c) || c == '.' || c == '-'; }) &&
         (colon == std::string_view::npos ||
          (!port.empty() && all_of(port, [](char c) { return c >= '0' && c <= '9'; })));
}

bool is_image(std::string_view v) {
  if (v.empty() || v.size() > 4096)
    return false;
  if (const auto at = v.find('@'); at != std::string_view::npos) {
    const std::string_view digest = v.substr(at + 1);
    const auto colon = digest.find(':');
    if (colon == std::string_view::npos || colon == 0 || digest.size() - colon - 1 < 32 ||
        !all_of(digest.substr(colon + 1), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }))
      return false;
    v = v.substr(0, at);
  }
  const auto slash = v.rfind('/');
  if (const auto colon = v.rfind(':');
      colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash)) {
    const std::string_view tag = v.substr(colon + 1);
    if (tag.empty() || tag.size() > 128 || tag.front() == '.' || tag.front() == '-' ||
        !all_of(tag, [](char c) { return alnum(c) || c == '_' || c == '.' || c == '-'; }))
      return false;
    v = v.substr(0, colon);
  }
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const auto next = v.find('/', start);
    parts.push_back(v.substr(start, next - start));
    if (next == std::string_view::npos)
      break;
    start = next + 1;
  }
  // The first part is a registry when it looks like a host (a dot, a port or localhost).
  std::size_t first = 0;
  if (parts.size() > 1 && (parts[0].find_first_of(".:") != std::string_view::npos || parts[0] == "localhost")) {
    if (!is_domain(parts[0]))
      return false;
    first = 1;
  }
  return std::all_of(parts.begin() + static_cast<std::ptrdiff_t>(first), parts.end(), is_component);
}

// A cron field as Knative's PingSource validates it (robfig/cron's standard parser): a list of
// `*` or `?`, a value, or a range `a-b`, each with an optional `/step`; values within the field's
// bounds, or month and weekday names in any case.
struct CronField {
  unsigned low;
  unsigned high;
  std::array<std::string_view, 12> names;  // names[i] is low + i; empty when the field has none
};

constexpr std::array<CronField, 5> cron_fields{{
    {0, 59, {}},
    {0, 23, {}},
    {1, 31, {}},
    {1, 12, {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}},
    {0, 6, {"sun", "mon", "tue", "wed", "thu", "fri", "sat"}},
}};

std::optional<unsigned> cron_value(std::string_view v, const CronField& field) {
  if (v.empty() || v.size() > 3)
    return std::nullopt;
  if (std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    if (v.size() > 2)  // as the schema's pattern: at most two digits
      return std::nullopt;
    unsigned n = 0;
    for (const char c : v) n = n * 10 + static_cast<unsigned>(c - '0');
    return n;
  }
  for (std::size_t i = 0; i < field.names.size() && !field.names[i].empty(); ++i) {
    const std::string_view name = field.names[i];
    if (v.size() == 3 &&
        std::equal(v.begin(), v.end(), name.begin(), [](char a, char b) { return static_cast<char>(a | 0x20) == b; }))
      return field.low + static_cast<unsigned>(i);
  }
  return std::nullopt;
}

bool is_cron_range(std::string_view expr, const CronField& field) {
  const auto slash = expr.find('/');
  if (slash != std::string_view::npos) {
    const auto step = cron_value(expr.substr(slash + 1), CronField{0, 0, {}});
    if (!step || *step == 0 || expr.find('/', slash + 1) != std::string_view::npos)
      return false;
    expr = expr.substr(0, slash);
  }
  if (expr == "*" || expr == "?")
    return true;
  const auto dash = expr.find('-');
  const auto low = cron_value(expr.substr(0, dash), field);
  const auto high = dash == std::string_view::npos ? low : cron_value(expr.substr(dash + 1), field);
  return low && high && *low >= field.low && *high <= field.high && *low <= *high;
}

bool is_cron_field(std::string_view v, const CronField& field) {
  std::size_t start = 0;
  while (start <= v.size()) {
    const std::size_t comma = std::min(v.find(',', start), v.size());
    if (!is_cron_range(v.substr(start, comma - start), field))
      return false;
    start = comma + 1;
  }
  return true;
}

bool is_cron(std::string_view v) {
  std::size_t fields = 0;
  std::size_t i = 0;
  while (i < v.size()) {
    while (i < v.size() && v[i] == ' ') ++i;
    const std::size_t start = i;
    while (i < v.size() && v[i] != ' ') ++i;
    if (i > start) {
      if (fields >= cron_fields.size() || !is_cron_field(v.substr(start, i - start), cron_fields[fields]))
        return false;
      ++fields;
    }
  }
  return fields == cron_fields.size();
}

// Printed after a flag, a value starting with '-' would be read as another flag, quoted or not.
bool is_label(std::string_view v) {
  return !v.empty() && v.size() <= 256 && v.front() != '-';
}

bool is_host(std::string_view v) {
  return !v.empty() && v.size() <= 253 && alnum(v.front()) && alnum(v.back()) &&
         all_of(v, [](char c) { return alnum(c) || c == '-' || c == '.'; });
}

// The next code point of UTF-8 `text` from `i` (advanced past it), or -1 for a malformed sequence.
long next_code_point(std::string_view text, std::size_t& i) {
  const auto lead = static_cast<unsigned char>(text[i++]);
  const int extra = lead < 0x80 ? 0 : (lead >> 5) == 0x6 ? 1 : (lead >> 4) == 0xE ? 2 : (lead >> 3) == 0x1E ? 3 : -1;
  if (extra < 0 || i + static_cast<std::size_t>(extra) > text.size())
    return -1;
  long code = extra == 0 ? lead : lead & (0x3F >> extra);
  for (int k = 0; k < extra; ++k) {
    const auto next = static_cast<unsigned char>(text[i++]);
    if ((next & 0xC0) != 0x80)
      return -1;
    code = (code << 6) | (next & 0x3F);
  }
  return code;
}

// IBM's "any Unicode letter or digit", without a Unicode database: ASCII letters and digits, and
// the Basic Multilingual Plane's letter blocks, leaving out the ranges of controls, spaces,
// punctuation, bidi and other format characters, private use and specials.
bool project_letter(long c) {
  if (c < 0x80)
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  constexpr std::pair<long, long> letters[] = {{0x00C0, 0x00D6}, {0x00D8, 0x00F6}, {0x00F8, 0x061B}, {0x061D, 0x167F},
                                               {0x1681, 0x180D}, {0x180F, 0x1FFF}, {0x2070, 0x2FFF}, {0x3004, 0xD7FF},
                                               {0xF900, 0xFDFF}, {0xFE10, 0xFEFE}, {0xFF00, 0xFFEF}};
  return std::any_of(std::begin(letters), std::end(letters),
                     [c](const auto& range) { return c >= range.first && c <= range.second; });
}

bool is_project(std::string_view v) {
  if (v.empty() || v.front() == '-')
    return false;
  std::size_t count = 0;
  for (std::size_t i = 0; i < v.size(); ++count) {
    const long c = next_code_point(v, i);
    if (c < 0 || (!project_letter(c) && c != ' ' && c != '.' && c != ':' && c != '_' && c != '-'))
      return false;
  }
  return count <= 128;
}

// RFC 3986 path and query characters, without '@' (which would turn the host before it into a
// user name), so that `https://DOMAIN` + path always names DOMAIN.
bool is_url_path(std::string_view v) {
  return !v.empty() && v.size() <= 2048 && v.front() == '/' && all_of(v, [](char c) {
    return alnum(c) || std::string_view("-._~!$&'()*+,;=:%/?").find(c) != std::string_view::npos;
  });
}

// The schema's pattern checks the shape; the loader checks the name against the tz database too.
bool is_time_zone(std::string_view v) {
  return !v.empty() && v.size() <= 64 && alnum(v.front()) &&
         all_of(v, [](char c) { return alnum(c) || c == '_' || c == '+' || c == '-' || c == '/'; }) && is_tz_name(v);
}

// Looser than a catalog id (lower case, '-' between words) so that `US-South` or `us_south`
// still reach the catalog check and its "did you mean"; strict enough that no region can be
// read as a flag or a shell word.
bool is_region(std::string_view v) {
  return !v.empty() && v.size() <= 64 &&
         ((v.front() >= 'a' && v.front() <= 'z') || (v.front() >= 'A' && v.front() <= 'Z')) &&
         all_of(v, [](char c) { return alnum(c) || c == '-' || c == '_'; });
}

}  // namespace

std::optional<std::string> format_problem(ValueFormat format, std::string_view value) {
  switch (format) {
    case ValueFormat::any: return std::nullopt;
    case ValueFormat::name:
      if (is_name(value))
        return std::nullopt;
      return std::string(
          "must be a Code Engine name: lower-case letters, digits and '-', starting with a letter, "
          "ending with a letter or digit, at most 63 characters");
    case ValueFormat::dns_name:
      if (is_dns_name(value))
        return std::nullopt;
      return std::string(
          "must be lower-case letters, digits, '-' and '.', starting and ending with a letter or "
          "digit, at most 253 characters");
    case ValueFormat::image:
      if (is_image(value))
        return std::nullopt;
      return std::string("must be an image reference such as icr.io/namespace/app:1.0");
    case ValueFormat::cron:
      if (is_cron(value))
        return std::nullopt;
      return std::string(
          "must be a cron schedule of five fields, minute 0-59, hour 0-23, day 1-31, month 1-12 or "
          "JAN-DEC, weekday 0-6 or SUN-SAT, such as '0 2 * * *'");
    case ValueFormat::label:
      if (is_label(value))
        return std::nullopt;
      return std::string("must not start with '-' (a command would read it as a flag) and be at most 256 characters");
    case ValueFormat::host:
      if (is_host(value))
        return std::nullopt;
      return std::string("must be a domain name such as shop.example.com");
    case ValueFormat::project:
      if (is_project(value))
        return std::nullopt;
      return std::string(
          "must be a Code Engine project name: letters and digits of any script, spaces, '.', ':', '_' and '-', "
          "not starting with '-', at most 128 characters");
    case ValueFormat::url_path:
      if (is_url_path(value))
        return std::nullopt;
      return std::string(
          "must be a URL path: '/' followed by letters, digits and -._~!$&'()*+,;=:%/? (no '@', no spaces), at "
          "most 2048 characters");
    case ValueFormat::time_zone:
      if (is_time_zone(value))
        return std::nullopt;
      return std::string("must be an IANA time zone name such as Europe/London or UTC");
    case ValueFormat::region:
      if (is_region(value))
        return std::nullopt;
      return std::string(
          "must be a region id such as us-south: letters, digits, '-' and '_', starting with a letter, at most 64 "
          "characters");
  }
  return std::nullopt;
}

namespace {

// The pattern of is_cron() for the JSON Schema: the same fields, bounds and names, but a range
// whose start is after its end matches it (a pattern cannot compare the two).
std::string cron_pattern() {
  auto names = [](const CronField& field) {
    std::string out;
    for (const std::string_view name : field.names) {
      if (name.empty())
        break;
      out += '|';
      for (const char c : name) out += fmt::format("[{}{}]", static_cast<char>(c - 'a' + 'A'), c);
    }
    return out;
  };
  const std::array<std::string, 5> values{"[0-5]?[0-9]", "[01]?[0-9]|2[0-3]", "0?[1-9]|[12][0-9]|3[01]",
                                          "0?[1-9]|1[0-2]" + names(cron_fields[3]), "0?[0-6]" + names(cron_fields[4])};
  std::string out = "^ *";
  for (std::size_t i = 0; i < values.size(); ++i) {
    const std::string value = "(?:" + values[i] + ")";
    const std::string item = fmt::format("(?:[*?]|{}(?:-{})?)(?:/(?:0?[1-9]|[1-9][0-9]))?", value, value);
    out += fmt::format("{}{}(?:,{})*", i == 0 ? "" : " +", item, item);
  }
  return out + " *$";
}

}  // namespace

std::string_view format_pattern(ValueFormat format) {
  switch (format) {
    case ValueFormat::any: return "";
    case ValueFormat::name: return "^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$";
    case ValueFormat::dns_name: return "^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$";
    case ValueFormat::image:
      return "^(([A-Za-z0-9.-]+(:[0-9]+)?|localhost)/)?[a-z0-9]+([._-]+[a-z0-9]+)*(/[a-z0-9]+([._-]+[a-z0-9]+)*)*"
             "(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@[a-z0-9]+:[a-f0-9]{32,})?$";
    case ValueFormat::cron: {
      static const std::string pattern = cron_pattern();
      return pattern;
    }
    case ValueFormat::label: return "^[^-].{0,255}$";
    case ValueFormat::host: return "^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$";
    case ValueFormat::project:
      return "^(?!-)[A-Za-z0-9 .:_\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u061b\\u061d-\\u167f\\u1681-\\u180d"
             "\\u180f-\\u1fff\\u2070-\\u2fff\\u3004-\\ud7ff\\uf900-\\ufdff\\ufe10-\\ufefe\\uff00-\\uffef-]{1,128}$";
    case ValueFormat::url_path: return "^/[A-Za-z0-9._~!$&'()*+,;=:%/?-]{0,2047}$";
    case ValueFormat::time_zone: return "^[A-Za-z0-9][A-Za-z0-9_+/-]{0,63}$";
    case ValueFormat::region: return "^[A-Za-z][A-Za-z0-9_-]{0,63}$";
  }
  return "";
}

}  // namespace ceplan
