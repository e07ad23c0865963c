#include "rules/finding_sink.hpp"

namespace ceplan::rules {

void Findings::add(RuleId handle, Location location, std::string message, std::string fix) {
  add(handle, rule(handle).severity, location, std::move(message), std::move(fix));
}

void Findings::add(RuleId handle, Severity severity, Location location, std::string message, std::string fix) {
  if (!on(handle)) {
    return;
  }
  const RuleInfo& info = rule(handle);
  m_out.push_back(
      Finding{&info, severity, std::move(message), location, fix.empty() ? std::string(info.fix) : std::move(fix)});
}

std::string join_names(const std::vector<std::string>& names) {
  if (names.size() <= 1) {
    return names.empty() ? std::string() : names.front();
  }
  std::string out;
  for (std::size_t i = 0; i + 1 < names.size(); ++i) {
    out += (i == 0 ? "" : ", ") + names[i];
  }
  return out + " and " + names.back();
}

}  // namespace ceplan::rules
