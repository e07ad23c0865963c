#pragma once
// The IANA time zone names a job's schedule may use (Knative's PingSource takes tz database names).

#include <string_view>

namespace ceplan {

/// True if `name` is a zone or link of the IANA time zone database ("Europe/London", "UTC").
[[nodiscard]] bool is_tz_name(std::string_view name);

/// The version of the database the names come from ("2025b").
[[nodiscard]] std::string_view tz_database_version();

}  // namespace ceplan
