#include "cli/findings_gate.hpp"

#include <iostream>

#include <fmt/format.h>

#include "render/findings.hpp"
#include "rules/check.hpp"

namespace ceplan::cli {

void add_ignore_findings_option(CLI::App& command, bool& ignore) {
  command.add_flag("--ignore-findings", ignore,
                   "Write the plan or runbook even when the file has error findings (the output says so)");
}

std::optional<std::vector<std::string>> gate_on_findings(const Deployment& deployment, const Catalog& catalog,
                                                         bool ignore, Context& context) {
  std::vector<Finding> errors;
  for (Finding& finding : check(deployment, catalog)) {
    if (finding.severity == Severity::error)
      errors.push_back(std::move(finding));
  }
  if (errors.empty()) {
    return std::vector<std::string>{};
  }
  const std::string count = fmt::format("{} error finding{}", errors.size(), errors.size() == 1 ? "" : "s");
  if (ignore) {
    return std::vector<std::string>{fmt::format(
        "{} has {} (ceplan validate lists them); written anyway because of --ignore-findings, so some steps may "
        "contradict each other",
        printable(deployment.source), count)};
  }
  const std::vector<render::FileReport> reports{{deployment.source, std::move(errors)}};
  std::cerr << render::findings(reports, render::FindingsFormat::text)
            << fmt::format("ceplan: {} has {}; fix them, or pass --ignore-findings to write the steps anyway\n",
                           printable(deployment.source), count);
  context.exit_code = 1;
  return std::nullopt;
}

}  // namespace ceplan::cli
