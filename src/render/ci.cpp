#include "render/ci.hpp"

#include <cctype>
#include <filesystem>

#include <fmt/format.h>

#include "render/fingerprint.hpp"
#include "render/structured.hpp"
#include "render/table.hpp"
#include "support/lists.hpp"
#include "support/version.hpp"

namespace ceplan::render {
namespace {

using Json = nlohmann::ordered_json;

std::string_view sarif_level(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "note";
  }
  return "none";
}

// An artifactLocation: a path relative to the repository root is a URI reference against
// %SRCROOT% (which code scanning resolves to the checkout); an absolute one a file: URI.
Json artifact_location(const FileReport& report) {
  const std::string& path = ci_path(report);
  const bool absolute = !path.empty() && path.front() == '/';
  std::string uri = absolute ? "file://" : "";
  for (unsigned char c : path) {
    if (std::isalnum(c) || std::string_view("-._~/").find(static_cast<char>(c)) != std::string_view::npos) {
      uri += static_cast<char>(c);
    } else {
      uri += fmt::format("%{:02X}", c);
    }
  }
  Json location{{"uri", uri}};
  if (!absolute) {
    location["uriBaseId"] = "%SRCROOT%";
  }
  return location;
}

std::string_view family_of(const RuleInfo& rule) {
  switch (rule.id[2]) {
    case '1': return "placement";
    case '2': return "failover";
    default: return "recovery";
  }
}

// The rule reference for code scanning's rule help panel.
std::string help_markdown(const RuleInfo& rule) {
  return fmt::format(
      "**{} {}**: {}\n\n{}\n\nExample that fires it:\n\n```yaml\n{}\n```\n\n**Fix:** {}.\n\n"
      "[Rule reference]({}#{})",
      rule.id, rule.name, rule.summary, rule.rationale, rule.example, rule.fix, rules_doc_uri, lower_case(rule.id));
}

// Where a result is: its start, and its end when the node is a scalar or key on one line.
Json sarif_region(Location start, Location end) {
  Json region{{"startLine", start.line}, {"startColumn", start.column}};
  if (end.line == start.line && end.column > start.column) {
    region["endLine"] = end.line;
    region["endColumn"] = end.column;
  }
  return region;
}

Json sarif_result(const FileReport& report, const Finding& finding, const std::string& print, Location end) {
  return Json{{"ruleId", finding.rule->id},
              {"ruleIndex", static_cast<std::size_t>(finding.rule - all_rules().data())},
              {"level", sarif_level(finding.severity)},
              {"message", {{"text", finding_sentence(finding)}}},
              {"locations", Json::array({Json{{"physicalLocation",
                                               {{"artifactLocation", artifact_location(report)},
                                                {"region", sarif_region(finding.location, end)}}}}})},
              {"partialFingerprints", {{"ceplanFinding/v2", print}, {"primaryLocationLineHash", print + ":1"}}}};
}

Json sarif_rule(const RuleInfo& rule) {
  return Json{
      {"id", rule.id},
      {"name", rule.name},
      {"shortDescription", {{"text", rule.summary}}},
      {"fullDescription", {{"text", rule.rationale}}},
      {"help", {{"text", fmt::format("Fix: {}.", rule.fix)}, {"markdown", help_markdown(rule)}}},
      {"helpUri", fmt::format("{}#{}", rules_doc_uri, lower_case(rule.id))},
      {"defaultConfiguration", {{"level", sarif_level(rule.severity)}}},
      {"properties",
       {{"tags", Json::array({"resilience", family_of(rule)})},
        {"precision", "very-high"},
        {"problem.severity", rule.severity == Severity::info ? "recommendation" : sarif_level(rule.severity)}}}};
}

// A workflow command's data: printable(), so that no escape sequence reaches the log, and the
// runner's own encoding of '%', CR and LF.
std::string workflow_data(std::string_view text) {
  std::string out;
  for (char c : printable(text)) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      default: out += c;
    }
  }
  return out;
}

std::string workflow_property(std::string_view text) {
  std::string out;
  for (char c : workflow_data(text)) {
    switch (c) {
      case ':': out += "%3A"; break;
      case ',': out += "%2C"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string sarif(std::span<const FileReport> reports, const SarifOptions& options) {
  Json rules = Json::array();
  for (const RuleInfo& rule : all_rules()) rules.push_back(sarif_rule(rule));
  Json results = Json::array();
  for (const FileReport& report : reports) {
    const Fingerprints prints = all_fingerprints(report);
    for (std::size_t i = 0; i < report.findings.size(); ++i) {
      results.push_back(sarif_result(report, report.findings[i], prints.findings[i],
                                     i < report.ends.size() ? report.ends[i] : Location{}));
    }
    // Only on request: code scanning ignores `suppressions` and would open them as alerts.
    for (std::size_t i = 0; options.include_suppressed && i < report.suppressed.size(); ++i) {
      const Suppressed& suppressed = report.suppressed[i];
      Json result = sarif_result(report, suppressed.finding, prints.suppressed[i], Location{});
      Json suppression{{"kind", suppressed.in_source ? "inSource" : "external"}};
      if (!suppressed.justification.empty())
        suppression["justification"] = suppressed.justification;
      result["suppressions"] = Json::array({std::move(suppression)});
      results.push_back(std::move(result));
    }
  }
  // A file that could not be checked makes the run a failed invocation, with one notification
  // per input error, rather than silence.
  Json notifications = Json::array();
  for (const FileReport& report : reports) {
    for (const Diagnostic& error : report.errors) {
      Json physical{{"artifactLocation", artifact_location(report)}};
      if (error.location.line > 0) {
        physical["region"] =
            Json{{"startLine", error.location.line}, {"startColumn", std::max(1, error.location.column)}};
      }
      notifications.push_back(Json{{"level", "error"},
                                   {"message", {{"text", error.message}}},
                                   {"locations", Json::array({Json{{"physicalLocation", std::move(physical)}}})}});
    }
  }
  Json invocation{{"executionSuccessful", notifications.empty()}};
  if (!notifications.empty()) {
    invocation["toolExecutionNotifications"] = std::move(notifications);
  }
  Json run{{"tool",
            {{"driver",
              {{"name", "ceplan"},
               {"fullName", "ceplan region-resilience planner for IBM Cloud Code Engine"},
               {"version", version()},
               {"semanticVersion", version()},
               {"informationUri", home_page_uri},
               {"rules", std::move(rules)}}}}}};
  // upload-sarif keeps an id the file has over its own `category` input (codeql-action
  // upload-lib.ts, populateRunAutomationDetails), so ceplan writes one only when asked.
  if (!options.category.empty()) {
    run["automationDetails"] = {{"id", options.category.ends_with('/') ? options.category : options.category + '/'}};
  }
  run["invocations"] = Json::array({std::move(invocation)});
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = std::move(results);
  return to_json(Json{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                      {"version", "2.1.0"},
                      {"runs", Json::array({std::move(run)})}});
}

namespace {

std::string_view annotation_kind(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "notice";
  }
  return "notice";
}

// GitHub shows 10 annotations of each kind per step (actions/toolkit docs/problem-matchers.md)
// and drops the rest silently; say so first, since a notice printed last could itself be dropped.
std::string hidden_notice(std::span<const FileReport> reports, const std::string& full_report) {
  constexpr std::size_t shown = 10;
  const Summary summary = summarize(reports);
  std::size_t errors = summary.errors;  // and each input error, which is an ::error too
  for (const FileReport& report : reports) errors += report.errors.size();
  const std::size_t warnings = summary.warnings;
  const std::size_t notices = summary.infos;
  if (errors <= shown && warnings <= shown && notices <= shown) {
    return {};
  }
  auto hidden = [](std::size_t count, std::size_t limit) { return count > limit ? count - limit : 0; };
  const std::string where = full_report.empty() ? "the job log" : fmt::format("the job log and in {}", full_report);
  return fmt::format(
      "::notice title=ceplan%3A more findings than GitHub shows::{} errors, {} warnings and {} notices are not shown "
      "as annotations (GitHub shows {} of each kind per step); every finding is in {}\n",
      hidden(errors, shown), hidden(warnings, shown), hidden(notices, shown - 1), shown, workflow_data(where));
}

}  // namespace

std::string github(std::span<const FileReport> reports, const std::string& full_report) {
  std::string out = hidden_notice(reports, full_report);
  for (const FileReport& report : reports) {
    const std::string file = workflow_property(ci_path(report));
    for (const Diagnostic& error : report.errors) {
      const std::string place = error.location.line > 0
                                    ? fmt::format(",line={},col={}", error.location.line, error.location.column)
                                    : std::string();
      out += fmt::format("::error file={}{},title=input error::{}\n", file, place, workflow_data(error.message));
    }
    for (const Finding& finding : report.findings) {
      out += fmt::format("::{} file={},line={},col={},title={}::{}\n", annotation_kind(finding.severity), file,
                         finding.location.line, finding.location.column,
                         workflow_property(fmt::format("{} {}", finding.rule->id, finding.rule->name)),
                         workflow_data(finding.message) + "%0AFix: " + workflow_data(finding.fix));
    }
  }
  return out;
}

}  // namespace ceplan::render
