#include "model/value_format.hpp"

#include <algorithm>
#include <vector>

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

bool is_cron_field(std::string_view v) {
  return !v.empty() &&
         all_of(v, [](char c) { return alnum(c) || c == '*' || c == ',' || c == '/' || c == '-' || c == '?'; });
}

bool is_cron(std::string_view v) {
  std::size_t fields = 0;
  std::size_t i = 0;
  while (i < v.size()) {
    while (i < v.size() && v[i] == ' ') ++i;
    const std::size_t start = i;
    while (i < v.size() && v[i] != ' ') ++i;
    if (i > start) {
      if (!is_cron_field(v.substr(start, i - start)))
        return false;
      ++fields;
    }
  }
  return fields == 5;
}

// Printed after a flag, a value starting with '-' would be read as another flag, quoted or not.
bool is_label(std::string_view v) {
  return !v.empty() && v.size() <= 256 && v.front() != '-';
}

bool is_host(std::string_view v) {
  return !v.empty() && v.size() <= 253 && alnum(v.front()) && alnum(v.back()) &&
         all_of(v, [](char c) { return alnum(c) || c == '-' || c == '.'; });
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
      return std::string("must be a cron schedule of five fields (minute hour day month weekday), such as '0 2 * * *'");
    case ValueFormat::label:
      if (is_label(value))
        return std::nullopt;
      return std::string("must not start with '-' (a command would read it as a flag) and be at most 256 characters");
    case ValueFormat::host:
      if (is_host(value))
        return std::nullopt;
      return std::string("must be a domain name such as shop.example.com");
  }
  return std::nullopt;
}

std::string_view format_pattern(ValueFormat format) {
  switch (format) {
    case ValueFormat::any: return "";
    case ValueFormat::name: return "^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$";
    case ValueFormat::dns_name: return "^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$";
    case ValueFormat::image:
      return "^(([A-Za-z0-9.-]+(:[0-9]+)?|localhost)/)?[a-z0-9]+([._-]+[a-z0-9]+)*(/[a-z0-9]+([._-]+[a-z0-9]+)*)*"
             "(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@[a-z0-9]+:[a-f0-9]{32,})?$";
    case ValueFormat::cron: return "^ *[0-9A-Za-z*,/?-]+( +[0-9A-Za-z*,/?-]+){4} *$";
    case ValueFormat::label: return "^[^-].{0,255}$";
    case ValueFormat::host: return "^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$";
  }
  return "";
}

}  // namespace ceplan
