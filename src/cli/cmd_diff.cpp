#include <filesystem>
#include <future>
#include <map>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/config_files.hpp"
#include "cli/git.hpp"
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

// Runs git's `diff --name-status`: each changed path relative to the current directory with its
// status letter, NUL-separated so that no name is C-quoted; renames as a deletion and an addition.
std::map<std::string, char> changes_since(const std::string& revision, const std::vector<std::string>& files,
                                          const InputLimits& limits) {
  std::vector<std::string> arguments{"diff",       "--name-status",    "-z",     "--no-renames",
                                     "--relative", "--end-of-options", revision, "--"};
  arguments.insert(arguments.end(), files.begin(), files.end());
  const std::string listing =
      git_output(arguments, fmt::format("list the files changed since {}", revision), limits.max_file_size);
  std::map<std::string, char> out;
  for (std::size_t start = 0; start < listing.size();) {
    const std::size_t status_end = std::min(listing.find('\0', start), listing.size());
    const std::size_t name_end = std::min(listing.find('\0', status_end + 1), listing.size());
    if (status_end > start && name_end > status_end + 1)
      out[listing.substr(status_end + 1, name_end - status_end - 1)] = listing[start];
    start = name_end + 1;
  }
  return out;
}

// One side of a comparison: the deploy file, or why it does not load.
struct Side {
  std::optional<Deployment> deployment;
  std::optional<InputError> error;
};

Side load_side(const std::string& text, const std::string& name, const InputLimits& limits) {
  try {
    return {load_deployment_text(text, name, limits), {}};
  } catch (const InputError& error) {
    return {{}, error};
  }
}

render::DiffReport report_of(std::string before_name, std::string after_name, const Deployment& old_side,
                             const Deployment& new_side, const Options& options, const Catalog& catalog) {
  DiffPolicy policy;
  if (auto seconds = yaml::parse_duration(options.threshold))
    policy.failover_growth = *seconds;
  policy.findings = parse_severity(options.finding_threshold).value_or(Severity::error);
  render::DiffReport report{
      std::move(before_name), std::move(after_name), diff(old_side, new_side, catalog, policy), {}, {}};
  if (options.format == "markdown") {
    report.before_diagram = render::mermaid(old_side, catalog);
    report.after_diagram = render::mermaid(new_side, catalog);
  }
  return report;
}

render::DiffReport compare(const std::string& before_name, const std::string& before_text, const std::string& after,
                           const Options& options, const Context& context, const Catalog& catalog) {
  // The two sides load in parallel: parsing is most of a diff's time (bench/run.sh).
  // async | deferred: where no thread can be started, it loads when asked for instead.
  auto old_load = std::async(std::launch::async | std::launch::deferred,
                             [&] { return load_deployment_text(before_text, before_name, context.limits); });
  const Deployment new_side = read_deployment(after, context.limits, context.stdin_filename);
  const Deployment old_side = old_load.get();
  return report_of(before_name, display_name(after), old_side, new_side, options, catalog);
}

// The text of the file as of `options.git`. A file git does not list (' ') that is not there
// either is untracked, which `git diff` never lists: it is new, like an added one (no text).
std::optional<std::string> old_text(const std::string& shown, char status, const Options& options,
                                    const Context& context) {
  const std::string what = fmt::format("read {}:{}", options.git, shown);
  GitResult old =
      run_git({"show", "--end-of-options", options.git + ":./" + shown}, what, context.limits.max_file_size);
  if (old.ok)
    return std::move(old.out);
  if (status != ' ')
    throw git_error(what, old);
  return std::nullopt;
}

// A file as of `options.git` against the working tree, given git's status letter for it (' ' when
// unchanged). Nothing for a YAML file that is not a deploy file on either side, unless `named`
// on the command line, when its error is the answer.
std::optional<render::DiffReport> compare_with_revision(const std::string& file, char status, bool named,
                                                        const Options& options, const Context& context,
                                                        const Catalog& catalog) {
  const std::string shown = display_name(file);
  const std::string old_name = fmt::format("{}:{}", options.git, shown);
  const std::optional<std::string> before = status == 'A' ? std::nullopt : old_text(shown, status, options, context);
  // The two sides load in parallel, as in compare().
  auto old_load = std::async(std::launch::async | std::launch::deferred,
                             [&] { return before ? load_side(*before, old_name, context.limits) : Side{}; });
  const Side new_side =
      status == 'D' ? Side{} : load_side(read_input(file, context.limits.max_file_size), shown, context.limits);
  const Side old_side = old_load.get();
  const Deployment none;
  if (new_side.deployment) {
    render::DiffReport report =
        report_of(old_side.deployment ? old_name : std::string(), shown,
                  old_side.deployment ? *old_side.deployment : none, *new_side.deployment, options, catalog);
    report.change = old_side.deployment ? render::FileChange::modified : render::FileChange::added;
    return report;
  }
  if (old_side.deployment && new_side.error) {
    std::vector<Diagnostic> errors{
        {shown, {}, fmt::format("no longer loads as a deploy file (it did at {})", options.git)}};
    errors.insert(errors.end(), new_side.error->diagnostics().begin(), new_side.error->diagnostics().end());
    throw InputError(std::move(errors));
  }
  if (old_side.deployment) {
    // Deleted: its workloads are no longer planned anywhere, which a reviewer must see.
    render::DiffReport report = report_of(old_name, {}, *old_side.deployment, none, options, catalog);
    report.change = render::FileChange::removed;
    report.diff.verdict = Verdict::regressed;
    return report;
  }
  if (named)
    throw new_side.error ? *new_side.error : *old_side.error;
  return std::nullopt;
}

// Every deploy file changed since `options.git`, or each named one.
std::vector<render::DiffReport> compare_with_revision(const Options& options, const Context& context,
                                                      const Catalog& catalog) {
  const std::map<std::string, char> changes = changes_since(options.git, options.files, context.limits);
  std::vector<render::DiffReport> reports;
  auto add = [&](const std::string& file, char status, bool named) {
    if (auto report = compare_with_revision(file, status, named, options, context, catalog))
      reports.push_back(std::move(*report));
  };
  if (!options.files.empty()) {
    for (const std::string& file : options.files) {
      const auto it = changes.find(std::filesystem::path(display_name(file)).lexically_normal().generic_string());
      add(file, it == changes.end() ? ' ' : it->second, true);
    }
    return reports;
  }
  for (const auto& [name, status] : changes) {
    if (name.ends_with(".yaml") || name.ends_with(".yml"))
      add(name, status, false);
  }
  return reports;
}

void run(const Options& options, Context& context) {
  context.catalog_path = configured_catalog(options.files.empty() ? std::string() : options.files.back(),
                                            context.catalog_path, context.limits);
  const Catalog catalog = context.catalog();
  std::vector<render::DiffReport> reports;
  if (options.git.empty()) {
    if (options.files.size() != 2)
      throw usage_error("diff needs OLD and NEW files, or --git REV [FILE...]");
    reports.push_back(compare(display_name(options.files[0]),
                              read_input(options.files[0], context.limits.max_file_size), options.files[1], options,
                              context, catalog));
  } else {
    reports = compare_with_revision(options, context, catalog);
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
                    "A new finding at or above this severity is a regression", severity_names());
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
