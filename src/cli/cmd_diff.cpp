#include <array>
#include <cstdio>
#include <future>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/config_files.hpp"
#include "cli/io.hpp"
#include "loader/yaml_read.hpp"
#include "model/deploy_loader.hpp"
#include "render/diff.hpp"
#include "render/mermaid.hpp"

namespace ceplan::cli {
namespace {

struct Options {
  std::vector<std::string> files;
  std::string git;
  std::string format;
  std::string fail_on = "regression";
  std::string threshold = "1m";
  std::string finding_threshold = "error";
};

// A word for sh: single-quoted, so that a path or revision is never read as shell syntax.
std::string quoted(const std::string& word) {
  std::string out = "'";
  for (char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Runs git with `arguments`; its standard output, or InputError with what went wrong. Output
// beyond `limit` bytes is an error like a file over --max-file-size: closing the pipe early ends
// git with SIGPIPE instead of reading all of it.
std::string git(const std::string& arguments, const std::string& what, std::size_t limit) {
  const std::string command = "git " + arguments + " 2>/dev/null";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  if (!pipe) {
    throw InputError(Diagnostic{{}, {}, "cannot run git"});
  }
  std::string out;
  std::array<char, 4096> buffer{};
  for (std::size_t n; (n = std::fread(buffer.data(), 1, buffer.size(), pipe.get())) > 0;) {
    out.append(buffer.data(), n);
    if (out.size() > limit) {
      throw InputError(Diagnostic{
          {},
          {},
          fmt::format("git's output to {} is larger than the limit of {} bytes (--max-file-size)", what, limit)});
    }
  }
  if (pclose(pipe.release()) != 0) {
    throw InputError(Diagnostic{{}, {}, fmt::format("git could not {}", what)});
  }
  return out;
}

// The deploy files changed between `revision` and the working tree: YAML files that exist now
// and load as deploy files.
std::vector<std::string> changed_deploy_files(const std::string& revision, const InputLimits& limits) {
  std::vector<std::string> out;
  const std::string names = git("diff --name-only --relative " + quoted(revision) + " --",
                                fmt::format("list the files changed since {}", revision), limits.max_file_size);
  for (std::size_t start = 0; start < names.size();) {
    const std::size_t end = std::min(names.find('\n', start), names.size());
    const std::string name = names.substr(start, end - start);
    start = end + 1;
    if (!(name.ends_with(".yaml") || name.ends_with(".yml")))
      continue;
    try {
      (void)load_deployment(read_input(name, limits.max_file_size), name, limits);
      out.push_back(name);
    } catch (const InputError&) {
      // deleted, or not a deploy file
    }
  }
  return out;
}

render::DiffReport compare(const std::string& before_name, const std::string& before_text, const std::string& after,
                           const Options& options, const Context& context, const Catalog& catalog) {
  // The two sides load in parallel: parsing is most of a diff's time (bench/run.sh).
  // async | deferred: where no thread can be started, it loads when asked for instead.
  auto old_load = std::async(std::launch::async | std::launch::deferred,
                             [&] { return load_deployment(before_text, before_name, context.limits); });
  const Deployment new_side = read_deployment(after, context.limits, context.stdin_filename);
  const Deployment old_side = old_load.get();
  DiffPolicy policy;
  if (auto seconds = yaml::parse_duration(options.threshold))
    policy.failover_growth = *seconds;
  policy.findings = parse_severity(options.finding_threshold).value_or(Severity::error);
  render::DiffReport report{before_name, display_name(after), diff(old_side, new_side, catalog, policy), {}, {}};
  if (options.format == "markdown") {
    report.before_diagram = render::mermaid(old_side, catalog);
    report.after_diagram = render::mermaid(new_side, catalog);
  }
  return report;
}

void run(const Options& options, Context& context) {
  context.catalog_path = configured_catalog(options.files.empty() ? std::string() : options.files.back(),
                                            context.catalog_path, context.limits);
  const Catalog catalog = context.catalog();
  std::vector<render::DiffReport> reports;
  if (options.git.empty()) {
    if (options.files.size() != 2)
      throw InputError(Diagnostic{{}, {}, "diff needs OLD and NEW files, or --git REV [FILE...]"});
    reports.push_back(compare(display_name(options.files[0]),
                              read_input(options.files[0], context.limits.max_file_size), options.files[1], options,
                              context, catalog));
  } else {
    const auto files = options.files.empty() ? changed_deploy_files(options.git, context.limits) : options.files;
    for (const std::string& file : files) {
      const std::string name = fmt::format("{}:{}", options.git, display_name(file));
      const std::string old_text = git("show " + quoted(options.git + ":./" + display_name(file)),
                                       fmt::format("read {}", name), context.limits.max_file_size);
      reports.push_back(compare(name, old_text, file, options, context, catalog));
    }
  }
  const auto format = options.format == "json"       ? render::DiffFormat::json
                      : options.format == "markdown" ? render::DiffFormat::markdown
                                                     : render::DiffFormat::text;
  context.emit(render::diff_report(reports, format));
  const Verdict worst = render::worst_verdict(reports);
  context.exit_code = (options.fail_on == "regression" && worst == Verdict::regressed) ||
                              (options.fail_on == "change" && worst != Verdict::unchanged)
                          ? 1
                          : 0;
}

}  // namespace

void set_diff_command(CLI::App& command_app, Context& context) {
  auto options = std::make_shared<Options>();
  CLI::App* command = &command_app;
  command->add_option("FILE", options->files, "OLD and NEW deploy files; with --git, the files to compare");
  command->add_option("--git", options->git, "Compare each FILE as of this git revision with the working tree");
  add_format_option(context, *command, options->format, {"text", "markdown", "json"});
  add_choice_option(context, *command, "--fail-on", options->fail_on, "Exit 1 on a regression, on any change, or never",
                    {"regression", "change", "never"});
  add_choice_option(context, *command, "--finding-threshold", options->finding_threshold,
                    "A new finding at or above this severity is a regression", {"error", "warning", "info"});
  command
      ->add_option("--failover-threshold", options->threshold,
                   "How much a failover time may grow before it counts as a regression")
      ->capture_default_str()
      ->check(CLI::Validator(
          [](std::string& value) {
            return yaml::parse_duration(value) ? std::string() : std::string("must be a duration such as 30s or 2m");
          },
          "DURATION"));
  command->footer(
      "Examples:\n  ceplan diff old.yaml deploy.yaml\n  ceplan diff --git origin/main deploy.yaml --format markdown\n"
      "  ceplan diff --git HEAD~1 --fail-on change\n"
      "Exit codes: 0 no regression (see --fail-on), 1 regression, 2 cannot run.");
  command->callback([options, &context] { run(*options, context); });
}

}  // namespace ceplan::cli
