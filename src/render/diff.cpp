#include "render/diff.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "model/figures.hpp"
#include "render/structured.hpp"

namespace ceplan::render {
namespace {

using Json = nlohmann::ordered_json;

// GitHub refuses comments longer than 65,536 characters; rows beyond this many are counted.
constexpr std::size_t max_markdown_rows = 150;

std::string failover_text(const OutcomeChange& c) {
  if (c.failover_before == c.failover_after)
    return {};
  auto seconds = [](const std::optional<std::int64_t>& v) { return v ? format_duration(*v) : std::string("n/a"); };
  return fmt::format("{} -> {}{}", seconds(c.failover_before), seconds(c.failover_after),
                     c.term.empty() ? std::string() : fmt::format(" ({})", c.term));
}

std::string mark(const OutcomeChange& c) {
  return c.worse ? "worse" : c.better ? "better" : "changed";
}

std::string availability_text(const AvailabilityChange& a) {
  return fmt::format("app {}: availability {} -> {} (downtime {:.1f} -> {:.1f} min/month)", a.app,
                     format_percent(a.before), format_percent(a.after), downtime_minutes_per_month(a.before),
                     downtime_minutes_per_month(a.after));
}

std::string finding_text(const FindingChange& f) {
  return fmt::format("{} {}[{}]: {}", f.appeared ? "new" : "gone", to_string(f.finding.severity), f.finding.rule->id,
                     f.finding.message);
}

// "old -> new", or the one side of a file added or removed.
std::string sides(const DiffReport& r) {
  switch (r.change) {
    case FileChange::added: return fmt::format("{} (added)", printable(r.after));
    case FileChange::removed: return fmt::format("{} (removed)", printable(r.before));
    case FileChange::modified: break;
  }
  return fmt::format("{} -> {}", printable(r.before), printable(r.after));
}

std::string_view change_name(FileChange change) {
  switch (change) {
    case FileChange::added: return "added";
    case FileChange::removed: return "removed";
    case FileChange::modified: break;
  }
  return "modified";
}

std::string text(std::span<const DiffReport> reports) {
  std::string out;
  for (const DiffReport& r : reports) {
    out += fmt::format("{}: {}\n", sides(r), to_string(r.diff.verdict));
    for (const std::string& line : r.diff.objectives) out += fmt::format("  objectives: {}\n", line);
    for (const std::string& line : r.diff.workloads) out += fmt::format("  {}\n", line);
    for (const OutcomeChange& c : r.diff.outcomes) {
      const std::string failover = failover_text(c);
      out += fmt::format("  {}: {} {}: {} -> {}{} [{}]\n", c.scenario, c.kind, c.name, c.before, c.after,
                         failover.empty() ? std::string() : ", failover " + failover, mark(c));
    }
    for (const AvailabilityChange& a : r.diff.availability) out += fmt::format("  {}\n", availability_text(a));
    for (const FindingChange& f : r.diff.findings) out += fmt::format("  {}\n", printable(finding_text(f)));
  }
  return out + fmt::format("verdict: {}\n", to_string(worst_verdict(reports)));
}

// The placement before and after, collapsed; left out (and said to be) when they would not fit
// in a comment.
std::string diagrams(const DiffReport& r) {
  constexpr std::size_t diagram_budget = 20000;
  if (r.before_diagram.empty() || r.before_diagram == r.after_diagram)
    return {};
  if (r.before_diagram.size() + r.after_diagram.size() > diagram_budget)
    return "Placement diagrams are left out: the files are too large for one comment.\n\n";
  return fmt::format(
      "<details><summary>Placement before and after</summary>\n\nBefore:\n\n{}\nAfter:\n\n{}\n</details>\n\n",
      r.before_diagram, r.after_diagram);
}

std::string markdown_file(const DiffReport& r) {
  std::string out =
      fmt::format("#### {}{}: **{}**\n\n", markdown_code(r.change == FileChange::removed ? r.before : r.after),
                  r.change == FileChange::modified ? std::string() : fmt::format(" ({})", change_name(r.change)),
                  to_string(r.diff.verdict));
  if (!r.diff.outcomes.empty()) {
    out += "| scenario | workload | before | after | worst-case failover | |\n|---|---|---|---|---|---|\n";
    const std::size_t shown = std::min(r.diff.outcomes.size(), max_markdown_rows);
    for (std::size_t i = 0; i < shown; ++i) {
      const OutcomeChange& c = r.diff.outcomes[i];
      out +=
          fmt::format("| {} | {} {} | {} | {} | {} | {} |\n", markdown_text(c.scenario), c.kind, markdown_code(c.name),
                      markdown_text(c.before), markdown_text(c.after), markdown_text(failover_text(c)), mark(c));
    }
    if (shown < r.diff.outcomes.size())
      out += fmt::format("\n{} more changed outcomes are not shown; `ceplan diff --format json` has them all.\n",
                         r.diff.outcomes.size() - shown);
    out += "\n";
  }
  std::string details;
  for (const std::string& line : r.diff.objectives) details += fmt::format("- objectives: {}\n", markdown_text(line));
  for (const std::string& line : r.diff.workloads) details += fmt::format("- {}\n", markdown_text(line));
  for (const AvailabilityChange& a : r.diff.availability)
    details += fmt::format("- {}\n", markdown_text(availability_text(a)));
  const std::size_t findings = std::min<std::size_t>(r.diff.findings.size(), max_markdown_rows);
  for (std::size_t i = 0; i < findings; ++i)
    details += fmt::format("- {}\n", markdown_text(finding_text(r.diff.findings[i])));
  if (findings < r.diff.findings.size())
    details += fmt::format("- {} more changed findings are not shown; `ceplan diff --format json` has them all.\n",
                           r.diff.findings.size() - findings);
  if (!details.empty())
    out += fmt::format(
        "<details><summary>Objectives, workloads, availability and findings</summary>\n\n{}\n</details>\n\n", details);
  return out + diagrams(r);
}

Json json_file(const DiffReport& r) {
  Json outcomes = Json::array();
  for (const OutcomeChange& c : r.diff.outcomes) {
    outcomes.push_back(Json{{"scenario", c.scenario},
                            {"kind", c.kind},
                            {"name", c.name},
                            {"before", c.before},
                            {"after", c.after},
                            {"failover_before", c.failover_before ? Json(*c.failover_before) : Json(nullptr)},
                            {"failover_after", c.failover_after ? Json(*c.failover_after) : Json(nullptr)},
                            {"term", c.term},
                            {"change", mark(c)}});
  }
  Json availability = Json::array();
  for (const AvailabilityChange& a : r.diff.availability)
    availability.push_back(Json{{"app", a.app}, {"before", a.before}, {"after", a.after}});
  Json findings = Json::array();
  for (const FindingChange& f : r.diff.findings) {
    findings.push_back(Json{{"change", f.appeared ? "new" : "gone"},
                            {"rule", f.finding.rule->id},
                            {"severity", to_string(f.finding.severity)},
                            {"message", f.finding.message},
                            {"line", f.finding.location.line}});
  }
  return Json{{"before", r.change == FileChange::added ? Json(nullptr) : Json(r.before)},
              {"after", r.change == FileChange::removed ? Json(nullptr) : Json(r.after)},
              {"change", change_name(r.change)},
              {"verdict", to_string(r.diff.verdict)},
              {"objectives", r.diff.objectives},
              {"workloads", r.diff.workloads},
              {"outcomes", std::move(outcomes)},
              {"availability", std::move(availability)},
              {"findings", std::move(findings)}};
}

}  // namespace

Verdict worst_verdict(std::span<const DiffReport> reports) {
  Verdict worst = Verdict::unchanged;
  for (const DiffReport& r : reports) worst = std::max(worst, r.diff.verdict);
  return worst;
}

std::string diff_report(std::span<const DiffReport> reports, DiffFormat format) {
  if (format == DiffFormat::json) {
    Json files = Json::array();
    for (const DiffReport& r : reports) files.push_back(json_file(r));
    return to_json(Json{{"verdict", to_string(worst_verdict(reports))}, {"files", std::move(files)}});
  }
  if (format == DiffFormat::text)
    return text(reports);
  std::string out = fmt::format("### ceplan diff: **{}**\n\n", to_string(worst_verdict(reports)));
  for (const DiffReport& r : reports) out += markdown_file(r);
  return out;
}

}  // namespace ceplan::render
