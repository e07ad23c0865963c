#include "render/ci.hpp"

#include <cctype>
#include <filesystem>

#include <fmt/format.h>

#include "render/structured.hpp"
#include "render/table.hpp"
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

// A relative URI reference: the path below `base` when it lies there, percent-encoded.
std::string artifact_uri(const std::string& path, const std::string& base) {
  std::filesystem::path file(path);
  if (file.is_absolute() && !base.empty()) {
    const auto relative = file.lexically_relative(base);
    if (!relative.empty() && *relative.begin() != "..") {
      file = relative;
    }
  }
  std::string out = file.is_absolute() ? "file://" : "";
  for (unsigned char c : file.generic_string()) {
    if (std::isalnum(c) || std::string_view("-._~/").find(static_cast<char>(c)) != std::string_view::npos) {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

// FNV-1a: stable across runs and platforms, unlike std::hash.
std::string fingerprint(std::string_view a, std::string_view b, std::string_view c) {
  std::uint64_t hash = 14695981039346656037ull;
  for (std::string_view part : {a, b, c}) {
    for (unsigned char byte : part) {
      hash = (hash ^ byte) * 1099511628211ull;
    }
    hash = (hash ^ 0xFFu) * 1099511628211ull;
  }
  return fmt::format("{:016x}", hash);
}

std::string xml_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // XML 1.0 has no representation for most control characters.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r') {
          out += "\xEF\xBF\xBD";
        } else {
          out += c;
        }
    }
  }
  return out;
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

std::string finding_line(const std::string& path, const Finding& finding) {
  return fmt::format("{}:{}:{}: {}[{}]: {}\nfix: {}", path, finding.location.line, finding.location.column,
                     to_string(finding.severity), finding.rule->id, finding.message, finding.fix);
}

}  // namespace

std::string sarif(std::span<const FileReport> reports, const std::string& base_directory) {
  Json rules = Json::array();
  for (const RuleInfo& rule : all_rules()) {
    rules.push_back(Json{{"id", rule.id},
                         {"name", rule.name},
                         {"shortDescription", {{"text", rule.summary}}},
                         {"fullDescription", {{"text", rule.rationale}}},
                         {"help", {{"text", fmt::format("Fix: {}.", rule.fix)}}},
                         {"helpUri", fmt::format("{}#{}", rules_doc_uri, lower_case(rule.id))},
                         {"defaultConfiguration", {{"level", sarif_level(rule.severity)}}}});
  }
  Json results = Json::array();
  for (const FileReport& report : reports) {
    for (const Finding& finding : report.findings) {
      const auto index = static_cast<std::size_t>(finding.rule - all_rules().data());
      results.push_back(Json{
          {"ruleId", finding.rule->id},
          {"ruleIndex", index},
          {"level", sarif_level(finding.severity)},
          {"message", {{"text", fmt::format("{} Fix: {}.", finding.message, finding.fix)}}},
          {"locations",
           Json::array({Json{
               {"physicalLocation",
                {{"artifactLocation", {{"uri", artifact_uri(report.path, base_directory)}}},
                 {"region", {{"startLine", finding.location.line}, {"startColumn", finding.location.column}}}}}}})},
          {"partialFingerprints",
           {{"ceplanFinding/v1", fingerprint(finding.rule->id, report.path, finding.message)}}}});
    }
  }
  // A file that could not be checked makes the run a failed invocation, with one notification
  // per input error, rather than silence.
  Json notifications = Json::array();
  for (const FileReport& report : reports) {
    for (const Diagnostic& error : report.errors) {
      Json physical{{"artifactLocation", {{"uri", artifact_uri(report.path, base_directory)}}}};
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
  return to_json(Json{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                      {"version", "2.1.0"},
                      {"runs", Json::array({Json{{"tool",
                                                  {{"driver",
                                                    {{"name", "ceplan"},
                                                     {"version", version()},
                                                     {"semanticVersion", version()},
                                                     {"informationUri", home_page_uri},
                                                     {"rules", std::move(rules)}}}}},
                                                 {"invocations", Json::array({std::move(invocation)})},
                                                 {"columnKind", "unicodeCodePoints"},
                                                 {"results", std::move(results)}}})}});
}

namespace {

// One JUnit test suite: its XML and its counts.
struct Suite {
  std::string cases;
  std::size_t tests = 0;
  std::size_t failures = 0;
  std::size_t errors = 0;
};

// The cases of one rule in one file: a failing case per finding at or above `fail_on`, else one
// passing case that carries the lower findings as output.
void rule_cases(const FileReport& report, const RuleInfo& rule, std::optional<Severity> fail_on, Suite& suite) {
  const std::string path = xml_escape(report.path);
  const std::string name = xml_escape(fmt::format("{} {}", rule.id, rule.name));
  std::string passed_notes;
  bool any_failure = false;
  for (const Finding& finding : report.findings) {
    if (finding.rule != &rule) {
      continue;
    }
    if (fail_on && finding.severity <= *fail_on) {
      // One test case per failing finding, so that every finding is a failure of its own.
      suite.cases += fmt::format(
          "    <testcase classname=\"{}\" name=\"{} (line {})\">\n"
          "      <failure type=\"{}\" message=\"{}\">{}</failure>\n    </testcase>\n",
          path, name, finding.location.line, to_string(finding.severity), xml_escape(finding.message),
          xml_escape(finding_line(report.path, finding)));
      ++suite.tests;
      ++suite.failures;
      any_failure = true;
    } else {
      passed_notes += finding_line(report.path, finding) + "\n";
    }
  }
  if (!any_failure) {
    suite.cases += fmt::format(R"(    <testcase classname="{}" name="{}")", path, name);
    suite.cases += passed_notes.empty() ? std::string("/>\n")
                                        : fmt::format(">\n      <system-out>{}</system-out>\n    </testcase>\n",
                                                      xml_escape(passed_notes));
    ++suite.tests;
  }
}

Suite file_suite(const FileReport& report, const RuleSelection& selection, std::optional<Severity> fail_on) {
  Suite suite;
  if (!report.errors.empty()) {
    // The file could not be read as a deploy file: one test case that errs, with every problem.
    std::string problems;
    for (const Diagnostic& error : report.errors) problems += error.format() + "\n";
    suite.cases = fmt::format(
        "    <testcase classname=\"{}\" name=\"input\">\n      <error type=\"input\" message=\"{}\">{}</error>\n"
        "    </testcase>\n",
        xml_escape(report.path), xml_escape(report.errors.front().message), xml_escape(problems));
    suite.tests = 1;
    suite.errors = 1;
    return suite;
  }
  for (const RuleInfo& rule : all_rules()) {
    if (selection.runs(rule.id)) {
      rule_cases(report, rule, fail_on, suite);
    }
  }
  return suite;
}

}  // namespace

std::string junit(std::span<const FileReport> reports, const RuleSelection& selection,
                  std::optional<Severity> fail_on) {
  std::string suites;
  Suite total;
  for (const FileReport& report : reports) {
    const Suite suite = file_suite(report, selection, fail_on);
    suites += fmt::format(
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"0\">\n{}  </testsuite>\n",
        xml_escape(report.path), suite.tests, suite.failures, suite.errors, suite.cases);
    total.tests += suite.tests;
    total.failures += suite.failures;
    total.errors += suite.errors;
  }
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"ceplan\" tests=\"{}\" failures=\"{}\" "
      "errors=\"{}\">\n{}</testsuites>\n",
      total.tests, total.failures, total.errors, suites);
}

std::string github(std::span<const FileReport> reports) {
  std::string out;
  for (const FileReport& report : reports) {
    for (const Diagnostic& error : report.errors) {
      const std::string place = error.location.line > 0
                                    ? fmt::format(",line={},col={}", error.location.line, error.location.column)
                                    : std::string();
      out += fmt::format("::error file={}{},title=input error::{}\n", workflow_property(report.path), place,
                         workflow_data(error.message));
    }
    for (const Finding& finding : report.findings) {
      const std::string_view command = finding.severity == Severity::error     ? "error"
                                       : finding.severity == Severity::warning ? "warning"
                                                                               : "notice";
      out += fmt::format("::{} file={},line={},col={},title={}::{}\n", command, workflow_property(report.path),
                         finding.location.line, finding.location.column,
                         workflow_property(fmt::format("{} {}", finding.rule->id, finding.rule->name)),
                         workflow_data(finding.message) + "%0AFix: " + workflow_data(finding.fix));
    }
  }
  return out;
}

}  // namespace ceplan::render
