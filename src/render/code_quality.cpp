#include "render/code_quality.hpp"

#include <fmt/format.h>

#include "render/fingerprint.hpp"
#include "render/structured.hpp"

namespace ceplan::render {
namespace {

using Json = nlohmann::ordered_json;

std::string_view code_quality_severity(Severity severity) {
  switch (severity) {
    case Severity::error: return "major";
    case Severity::warning: return "minor";
    case Severity::info: return "info";
  }
  return "info";
}

Json issue(std::string description, std::string_view check, std::string fingerprint, std::string_view severity,
           const std::string& path, int line) {
  return Json{{"type", "issue"},
              {"description", std::move(description)},
              {"check_name", check},
              {"categories", Json::array({"Bug Risk"})},
              {"fingerprint", std::move(fingerprint)},
              {"severity", severity},
              {"location", {{"path", path}, {"lines", {{"begin", std::max(1, line)}}}}}};
}

}  // namespace

std::string codeclimate(std::span<const FileReport> reports) {
  Json issues = Json::array();
  for (const FileReport& report : reports) {
    const std::string& path = ci_path(report);
    for (std::size_t i = 0; i < report.errors.size(); ++i) {
      const Diagnostic& error = report.errors[i];
      // Input errors have no rule; the path and their order in the file tell them apart.
      issues.push_back(issue(error.message, "input-error", fmt::format("{}:input-error:{}", path, i + 1), "blocker",
                             path, error.location.line));
    }
    const std::vector<std::string> prints = fingerprints(report);
    for (std::size_t i = 0; i < report.findings.size(); ++i) {
      const Finding& finding = report.findings[i];
      issues.push_back(issue(fmt::format("{} ({} {})", finding_sentence(finding), finding.rule->id, finding.rule->name),
                             finding.rule->id, prints[i], code_quality_severity(finding.severity), path,
                             finding.location.line));
    }
  }
  return to_json(issues);
}

namespace {

// Checkstyle's line is required and 1-based (a reader such as Jenkins' warnings plugin puts a
// line 0 nowhere): a problem of the whole file is at line 1. A column is written when known.
std::string checkstyle_error(Location location, std::string_view severity, const std::string& message,
                             std::string_view source) {
  const std::string column = location.column > 0 ? fmt::format(R"( column="{}")", location.column) : std::string();
  return fmt::format(R"(    <error line="{}"{} severity="{}" message="{}" source="ceplan.{}"/>)"
                     "\n",
                     std::max(1, location.line), column, severity, xml_escape(message), source);
}

}  // namespace

std::string checkstyle(std::span<const FileReport> reports) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n";
  for (const FileReport& report : reports) {
    out += fmt::format("  <file name=\"{}\">\n", xml_escape(ci_path(report)));
    for (const Diagnostic& error : report.errors)
      out += checkstyle_error(error.location, "error", error.message, "input");
    for (const Finding& finding : report.findings)
      out +=
          checkstyle_error(finding.location, to_string(finding.severity), finding_sentence(finding), finding.rule->id);
    out += "  </file>\n";
  }
  return out + "</checkstyle>\n";
}

}  // namespace ceplan::render
