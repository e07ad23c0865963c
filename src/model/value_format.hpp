#pragma once
// The shapes some deploy-file strings must have, as Code Engine and its CLI accept them: one
// definition gives both the loader's check and the JSON Schema's pattern.

#include <optional>
#include <string>
#include <string_view>

namespace ceplan {

/// What a string field must look like.
enum class ValueFormat {
  any,        ///< any non-empty string
  name,       ///< an app or job name: a-z, 0-9 and '-', from a letter to a letter or digit, at most 63
  dns_name,   ///< a secret or config map name: a-z, 0-9, '-' and '.', alphanumeric ends, at most 253
  image,      ///< a container image reference: [registry/]path[:tag][@digest]
  cron,       ///< a crontab schedule of five fields
  label,      ///< free text printed as a command argument: not starting with '-', at most 256
  host,       ///< a domain name: letters, digits, '-' and '.', alphanumeric ends, at most 253
  project,    ///< a project name: letters and digits of any script, spaces, '.', ':', '_', '-'; at most 128
  url_path,   ///< an HTTP path: '/' then RFC 3986 path and query characters except '@'; at most 2048
  time_zone,  ///< an IANA time zone name such as Europe/London
  region,     ///< a region id: ASCII letters, digits, '-' and '_', from a letter, at most 64
};

/// What is wrong with `value` for `format` ("must be ..."), or nullopt when it fits. Linear in
/// the length of `value`.
[[nodiscard]] std::optional<std::string> format_problem(ValueFormat format, std::string_view value);

/// The JSON Schema `pattern` of a format ("" for any).
[[nodiscard]] std::string_view format_pattern(ValueFormat format);

}  // namespace ceplan
