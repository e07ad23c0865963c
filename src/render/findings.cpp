#include "render/findings.hpp"

#include <fmt/format.h>

#include "render/structured.hpp"
#include "render/table.hpp"
#include "support/lists.hpp"
#include "support/version.hpp"

namespace ceplan::render {
namespace {

using Json = nlohmann::ordered_json;

std::string plural(std::size_t count, std::string_view word) {
  return fmt::format("{} {}{}", count, word, count == 1 ? "" : "s");
}

// ANSI SGR sequences, as compilers use them: location bold, severity coloured.
struct Style {
  std::string_view bold, red, yellow, cyan, reset;
};
constexpr Style plain_style{};
constexpr Style color_style{"\x1b[1m", "\x1b[1;31m", "\x1b[1;33m", "\x1b[1;36m", "\x1b[0m"};

std::string_view severity_color(const Style& style, Severity severity) {
  switch (severity) {
    case Severity::error: return style.red;
    case Severity::warning: return style.yellow;
    case Severity::info: return style.cyan;
  }
  return {};
}

// A sentence: a full stop unless the text already ends one ("did you mean 'x'?").
std::string sentence(std::string_view text) {
  const bool ended = !text.empty() && std::string_view(".?!").find(text.back()) != std::string_view::npos;
  return std::string(text) + (ended ? "" : ".");
}

std::string text(std::span<const FileReport> reports, const Style& style) {
  std::string out;
  for (const FileReport& report : reports) {
    for (const Finding& finding : report.findings) {
      out += fmt::format("{}{}:{}:{}:{} {}{}[{}]:{} {}\n    fix: {}\n", style.bold, printable(report.path),
                         finding.location.line, finding.location.column, style.reset,
                         severity_color(style, finding.severity), to_string(finding.severity), finding.rule->id,
                         style.reset, printable(finding.message), printable(finding.fix));
    }
  }
  const Summary summary = summarize(reports);
  const std::string files = plural(reports.size() - summary.unreadable, "file");
  std::string unreadable =
      summary.suppressed == 0 ? std::string() : fmt::format(" ({} suppressed)", summary.suppressed);
  if (summary.unreadable > 0) {
    unreadable +=
        fmt::format("; {} could not be checked (input errors on standard error)", plural(summary.unreadable, "file"));
  }
  // A run where nothing could be checked reports that failure, not "no findings in 0 files".
  if (summary.unreadable == reports.size() && !reports.empty()) {
    return out + fmt::format("{} (input errors on standard error)\n",
                             reports.size() == 1
                                 ? std::string("the file could not be checked")
                                 : fmt::format("none of the {} files could be checked", reports.size()));
  }
  if (summary.errors + summary.warnings + summary.infos == 0) {
    return out + fmt::format("no findings in {}{}\n", files, unreadable);
  }
  return out + fmt::format("{}, {}, {} in {}{}\n", plural(summary.errors, "error"), plural(summary.warnings, "warning"),
                           plural(summary.infos, "info"), files, unreadable);
}

std::string json(std::span<const FileReport> reports) {
  Json files = Json::array();
  for (const FileReport& report : reports) {
    Json list = Json::array();
    for (const Finding& finding : report.findings) {
      list.push_back(Json{{"rule", finding.rule->id},
                          {"name", finding.rule->name},
                          {"severity", to_string(finding.severity)},
                          {"message", finding.message},
                          {"line", finding.location.line},
                          {"column", finding.location.column},
                          {"fix", finding.fix}});
    }
    Json errors = Json::array();
    for (const Diagnostic& error : report.errors) {
      errors.push_back(
          Json{{"line", error.location.line}, {"column", error.location.column}, {"message", error.message}});
    }
    Json suppressed = Json::array();
    for (const Suppressed& entry : report.suppressed) {
      suppressed.push_back(Json{{"rule", entry.finding.rule->id},
                                {"name", entry.finding.rule->name},
                                {"severity", to_string(entry.finding.severity)},
                                {"message", entry.finding.message},
                                {"line", entry.finding.location.line},
                                {"column", entry.finding.location.column},
                                {"by", entry.in_source ? "comment" : "baseline"},
                                {"justification", entry.justification}});
    }
    files.push_back(Json{{"path", report.path},
                         {"findings", std::move(list)},
                         {"suppressed", std::move(suppressed)},
                         {"errors", std::move(errors)}});
  }
  const Summary summary = summarize(reports);
  return to_json(Json{{"ceplan", version()},
                      {"files", std::move(files)},
                      {"summary",
                       {{"errors", summary.errors},
                        {"warnings", summary.warnings},
                        {"infos", summary.infos},
                        {"unreadable_files", summary.unreadable},
                        {"suppressed", summary.suppressed}}}});
}

std::string markdown() {
  std::string out =
      "# ceplan rules\n\n"
      "Generated by `ceplan rules --format markdown`; do not edit by hand. Each rule has a stable id, a\n"
      "kebab-case name and a default severity. `ceplan explain ID` prints the same text in a terminal.\n"
      "The CE4xx rules compare the file with Terraform and run only with `validate --terraform PLAN.json`\n"
      "(docs/terraform.md).\n\n"
      "| id | name | severity | fires when |\n|---|---|---|---|\n";
  for (const RuleInfo& rule : all_rules()) {
    const std::string anchor = lower_case(rule.id);
    out += fmt::format("| [{}](#{}) | {} | {} | {} |\n", rule.id, anchor, rule.name, to_string(rule.severity),
                       rule.summary);
  }
  for (const RuleInfo& rule : all_rules()) {
    const std::string anchor = lower_case(rule.id);
    out += fmt::format(
        "\n<a id=\"{}\"></a>\n## {} {}\n\nDefault severity: **{}**. Fires when {}.\n\n{}\n\n"
        "Example that fires:\n\n```yaml\n{}\n```\n\nFix: {}.\n",
        anchor, rule.id, rule.name, to_string(rule.severity), rule.summary, rule.rationale, rule.example, rule.fix);
  }
  return out;
}

}  // namespace

std::string finding_sentence(const Finding& finding) {
  return fmt::format("{} Fix: {}", sentence(finding.message), sentence(finding.fix));
}

Summary summarize(std::span<const FileReport> reports) {
  Summary summary;
  for (const FileReport& report : reports) {
    summary.unreadable += report.errors.empty() ? 0 : 1;
    summary.suppressed += report.suppressed.size();
    for (const Finding& finding : report.findings) {
      switch (finding.severity) {
        case Severity::error: ++summary.errors; break;
        case Severity::warning: ++summary.warnings; break;
        case Severity::info: ++summary.infos; break;
      }
    }
  }
  return summary;
}

std::string findings(std::span<const FileReport> reports, FindingsFormat format, bool color) {
  return format == FindingsFormat::json ? json(reports) : text(reports, color ? color_style : plain_style);
}

std::string rules(RulesFormat format) {
  if (format == RulesFormat::markdown) {
    return markdown();
  }
  if (format == RulesFormat::json) {
    Json list = Json::array();
    for (const RuleInfo& rule : all_rules()) {
      list.push_back(Json{{"id", rule.id},
                          {"name", rule.name},
                          {"severity", to_string(rule.severity)},
                          {"summary", rule.summary},
                          {"rationale", rule.rationale},
                          {"example", rule.example},
                          {"fix", rule.fix}});
    }
    return to_json(Json{{"rules", std::move(list)}});
  }
  std::string out;
  for (const RuleInfo& rule : all_rules()) {
    out += fmt::format("{}  {:<27} {:<8} {}\n", rule.id, rule.name, to_string(rule.severity), rule.summary);
  }
  return out;
}

std::string explain(const RuleInfo& rule) {
  return fmt::format("{} {} ({})\n\nFires when {}{}.\n\n{}\n\nExample that fires:\n\n{}\nFix: {}.\n", rule.id,
                     rule.name, to_string(rule.severity), rule.summary,
                     compares_terraform(rule) ? " (with validate --terraform PLAN.json)"
                     : compares_live(rule)    ? " (with validate --live DIR)"
                                              : "",
                     rule.rationale, prefix_lines(rule.example, "    "), rule.fix);
}

}  // namespace ceplan::render
