#include "render/junit.hpp"

#include <fmt/format.h>

#include "render/fingerprint.hpp"
#include "render/structured.hpp"

namespace ceplan::render {
namespace {

// One JUnit test suite: its XML, the findings below the threshold (strict: the suite's output)
// and its counts.
struct Suite {
  std::string cases;
  std::string notes;
  std::size_t tests = 0;
  std::size_t failures = 0;
  std::size_t errors = 0;
};

std::string finding_line(const std::string& path, const Finding& finding) {
  return fmt::format("{}:{}:{}: {}[{}]: {}\nfix: {}", path, finding.location.line, finding.location.column,
                     to_string(finding.severity), finding.rule->id, finding.message, finding.fix);
}

// The opening of a test case, without its closing '>' or "/>".
std::string case_head(const std::string& path, const std::string& name, int line, const JunitOptions& options) {
  if (options.flavor == JunitFlavor::strict)
    return fmt::format(R"(    <testcase classname="{}" name="{}" time="0")", path, xml_escape(name));
  if (line <= 0)
    return fmt::format(R"(    <testcase classname="{}" name="{}")", path, xml_escape(name));
  return fmt::format(R"(    <testcase classname="{}" name="{}" file="{}" line="{}")", path, xml_escape(name), path,
                     line);
}

// One test case per finding of the rule, failing at or above the threshold (passing, with the
// finding as output, below it), or one passing case when the rule found nothing.
void rule_cases(const FileReport& report, const RuleInfo& rule, const std::vector<std::string>& names,
                const JunitOptions& options, Suite& suite) {
  const std::string path = xml_escape(ci_path(report));
  bool any = false;
  for (std::size_t i = 0; i < report.findings.size(); ++i) {
    const Finding& finding = report.findings[i];
    if (finding.rule != &rule)
      continue;
    any = true;
    ++suite.tests;
    const std::string head = case_head(path, names[i], finding.location.line, options);
    const std::string detail = xml_escape(finding_line(ci_path(report), finding));
    if (options.fail_on && finding.severity <= *options.fail_on) {
      ++suite.failures;
      suite.cases += fmt::format("{}>\n      <failure type=\"{}\" message=\"{}\">{}</failure>\n    </testcase>\n", head,
                                 to_string(finding.severity), xml_escape(finding.message), detail);
    } else if (options.flavor == JunitFlavor::strict) {
      // Ant's test cases hold no output; the suite's does.
      suite.cases += head + "/>\n";
      suite.notes += detail + "\n";
    } else {
      suite.cases += fmt::format("{}>\n      <system-out>{}</system-out>\n    </testcase>\n", head, detail);
    }
  }
  if (!any) {
    suite.cases += case_head(path, fmt::format("{} {}", rule.id, rule.name), 0, options) + "/>\n";
    ++suite.tests;
  }
}

Suite file_suite(const FileReport& report, const RuleSelection& selection, const JunitOptions& options) {
  Suite suite;
  if (!report.errors.empty()) {
    // The file could not be read as a deploy file: one test case that errs, with every problem,
    // at the first problem's line (line 1 when it has none, such as a file that cannot be read).
    std::string problems;
    for (const Diagnostic& error : report.errors) problems += error.format() + "\n";
    suite.cases = fmt::format(
        "{}>\n      <error type=\"input\" message=\"{}\">{}</error>\n    </testcase>\n",
        case_head(xml_escape(ci_path(report)), "input", std::max(1, report.errors.front().location.line), options),
        xml_escape(report.errors.front().message), xml_escape(problems));
    suite.tests = 1;
    suite.errors = 1;
    return suite;
  }
  const std::vector<std::string> names = finding_names(report);
  for (const RuleInfo& rule : all_rules()) {
    if (selection.runs(rule.id))
      rule_cases(report, rule, names, options, suite);
  }
  return suite;
}

// Ant's suite: package and id, timestamp, host and time, then properties, the cases, and both
// outputs, each required and in that order.
std::string strict_suite(const FileReport& report, const Suite& suite, std::size_t id, const JunitOptions& options) {
  const std::string path = xml_escape(ci_path(report));
  return fmt::format(
      "  <testsuite name=\"{}\" package=\"{}\" id=\"{}\" timestamp=\"{}\" hostname=\"localhost\" tests=\"{}\" "
      "failures=\"{}\" errors=\"{}\" skipped=\"0\" time=\"0\">\n    <properties/>\n{}    <system-out>{}</system-out>\n"
      "    <system-err/>\n  </testsuite>\n",
      path, path, id, options.timestamp, suite.tests, suite.failures, suite.errors, suite.cases, suite.notes);
}

}  // namespace

std::string junit(std::span<const FileReport> reports, const RuleSelection& selection, const JunitOptions& options) {
  std::string suites;
  Suite total;
  for (std::size_t i = 0; i < reports.size(); ++i) {
    const FileReport& report = reports[i];
    const Suite suite = file_suite(report, selection, options);
    if (options.flavor == JunitFlavor::strict) {
      suites += strict_suite(report, suite, i, options);
    } else {
      suites += fmt::format(
          "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"0\">\n{}  </testsuite>\n",
          xml_escape(ci_path(report)), suite.tests, suite.failures, suite.errors, suite.cases);
    }
    total.tests += suite.tests;
    total.failures += suite.failures;
    total.errors += suite.errors;
  }
  if (options.flavor == JunitFlavor::strict) {
    return fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n{}</testsuites>\n", suites);
  }
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"ceplan\" tests=\"{}\" failures=\"{}\" "
      "errors=\"{}\">\n{}</testsuites>\n",
      total.tests, total.failures, total.errors, suites);
}

}  // namespace ceplan::render
