#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <filesystem>
#include <iostream>
#include <new>
#include <optional>
#include <system_error>
#include <thread>
#include <tuple>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli/app.hpp"
#include "cli/baseline.hpp"
#include "cli/commands.hpp"
#include "cli/config_files.hpp"
#include "cli/input_budget.hpp"
#include "cli/io.hpp"
#include "cli/live_input.hpp"
#include "render/baseline.hpp"
#include "render/ci.hpp"
#include "render/code_quality.hpp"
#include "render/findings.hpp"
#include "render/junit.hpp"
#include "support/line_index.hpp"

namespace ceplan::cli {
namespace {

// Input parsed at once by parallel checks. Parsing and checking take up to about 60 times a
// file's size (docs/performance.md): hundreds of ordinary deploy files still run side by side,
// while files of megabytes run one at a time, so `-j` costs about what the largest file does.
constexpr std::size_t parallel_input_bytes = std::size_t{2} << 20;

struct Options {
  std::vector<std::string> files;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  std::string fail_on;                   ///< empty: the configuration's, else error
  std::vector<std::string> disable;      ///< --disable LIST, repeatable
  std::vector<std::string> enable_only;  ///< --enable-only LIST, repeatable
  std::vector<std::string> formats;      ///< FORMAT or FORMAT=FILE, repeatable
  std::string base_dir;
  bool report_unused_ignores = false;
  std::string baseline;              ///< --baseline FILE: hide the findings it records
  bool baseline_configured = false;  ///< the baseline is .ceplan.yaml's, not the command line's
  std::string write_baseline;        ///< --write-baseline FILE: record today's findings
  std::string config;                ///< --config FILE
  bool no_config = false;            ///< --no-config
  bool list_files = false;           ///< --list-files
  std::string terraform;             ///< --terraform PLAN.json: compare with what Terraform deploys
  std::string terraform_region;      ///< --terraform-region: region of providers set from the environment
  std::vector<std::string> live;     ///< --live DIR, repeatable: compare with IBM's Code Engine export
  std::string live_region;           ///< --live-region: the region of a single export directory
  render::SarifOptions sarif;        ///< --sarif-category, --sarif-suppressed
};

const std::vector<std::string>& format_names = report_formats();

// One report of the run: a format, and the file it goes to (empty: standard output or -o).
struct Output {
  std::string format;
  std::string path;
};

// `--format text --format sarif=ceplan.sarif ...`: at most one report without a file.
std::vector<Output> outputs_of(const std::vector<std::string>& formats) {
  std::vector<Output> outputs;
  std::size_t unnamed = 0;
  for (const std::string& given : formats) {
    const std::size_t equals = given.find('=');
    Output output{given.substr(0, equals), equals == std::string::npos ? std::string() : given.substr(equals + 1)};
    unnamed += output.path.empty() ? 1 : 0;
    // Two reports in one file would keep only the one written last.
    for (const Output& earlier : outputs) {
      if (!output.path.empty() && !earlier.path.empty() &&
          std::filesystem::path(earlier.path).lexically_normal() ==
              std::filesystem::path(output.path).lexically_normal())
        throw usage_error(fmt::format("--format: {}={} and {}={} write the same file; give each report its own",
                                      earlier.format, printable(earlier.path), output.format, printable(output.path)));
    }
    outputs.push_back(std::move(output));
  }
  if (unnamed > 1) {
    throw usage_error(
        "--format: only one format can go to standard output (or -o); give the "
        "others a file, as in --format sarif=ceplan.sarif");
  }
  if (outputs.empty()) {
    outputs.push_back({"text", {}});
  }
  return outputs;
}

// Exit 1 when any finding is at or above --fail-on.
int exit_code_for(const std::vector<render::FileReport>& reports, const std::string& fail_on) {
  const auto threshold = parse_severity(fail_on);
  if (!threshold) {
    return 0;  // never
  }
  for (const auto& report : reports) {
    for (const Finding& finding : report.findings) {
      if (finding.severity <= *threshold) {
        return 1;
      }
    }
  }
  return 0;
}

// When the report was made, in UTC without a zone as Ant's JUnit schema wants it:
// SOURCE_DATE_EPOCH when set (reproducible builds and tests), else now.
std::string report_timestamp() {
  std::time_t seconds = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    seconds = static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
  }
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday,
                     utc.tm_hour, utc.tm_min, utc.tm_sec);
}

// `full_report`: a file of this run that holds every finding, for GitHub's hidden annotations.
std::string render_reports(const std::vector<render::FileReport>& reports, const std::string& format,
                           const Options& options, const RuleSelection& selection, bool color,
                           const std::string& full_report) {
  if (format == "sarif")
    return render::sarif(reports, options.sarif);
  if (format == "junit" || format == "junit-strict")
    return render::junit(
        reports, selection,
        {parse_severity(options.fail_on),
         format == "junit" ? render::JunitFlavor::annotated : render::JunitFlavor::strict, report_timestamp()});
  if (format == "github")
    return render::github(reports, full_report);
  if (format == "codeclimate")
    return render::codeclimate(reports);
  if (format == "checkstyle")
    return render::checkstyle(reports);
  return render::findings(reports, format == "json" ? render::FindingsFormat::json : render::FindingsFormat::text,
                          color);
}

// Writes every report: those with a file first, then the one for standard output or -o.
void emit_reports(const std::vector<render::FileReport>& reports, const Options& options,
                  const RuleSelection& selection, const Context& context) {
  const std::vector<Output> outputs = outputs_of(options.formats);
  // The report GitHub's notice points to: SARIF if one is written, else the first file.
  std::string full_report;
  for (const Output& output : outputs) {
    if (!output.path.empty() && output.format != "github" && (full_report.empty() || output.format == "sarif"))
      full_report = output.path;
  }
  for (const Output& output : outputs) {
    if (!output.path.empty())
      write_file_atomically(output.path,
                            render_reports(reports, output.format, options, selection, false, full_report));
  }
  for (const Output& output : outputs) {
    if (output.path.empty())
      context.emit(render_reports(reports, output.format, options, selection, context.use_color(), full_report));
  }
}

// The parser counts columns in bytes; reports count characters, as editors and SARIF do.
void in_code_points(std::string_view text, render::FileReport& report) {
  const LineIndex index(text);
  for (Finding& finding : report.findings) {
    report.ends.push_back(index.scalar_end(finding.location).value_or(Location{}));
    finding.location = index.to_code_points(finding.location);
  }
  for (Diagnostic& error : report.errors) error.location = index.to_code_points(error.location);
  for (Suppressed& entry : report.suppressed) entry.finding.location = index.to_code_points(entry.finding.location);
}

// Severities the configuration sets for some rules.
void with_severities(const std::map<std::string, Severity>& severity, render::FileReport& report) {
  if (severity.empty())
    return;
  auto adjust = [&](Finding& finding) {
    if (auto it = severity.find(std::string(finding.rule->id)); it != severity.end())
      finding.severity = it->second;
  };
  for (Finding& finding : report.findings) adjust(finding);
  for (Suppressed& entry : report.suppressed) adjust(entry.finding);
}

// Checks every file, on up to `options.jobs` threads whose files together fit the input budget;
// results stay in input order. A file that cannot be read as a deploy file gets its input errors
// in its report, and the others are still checked.
std::vector<render::FileReport> check_files(const Options& options, const Context& context, const Catalog& catalog,
                                            const std::vector<FileSettings>& settings, const Observed& observed) {
  const std::size_t count = options.files.size();
  std::vector<render::FileReport> reports(count);
  std::vector<std::exception_ptr> failures(count);
  std::atomic<std::size_t> next{0};
  InputBudget budget(parallel_input_bytes);
  auto work = [&] {
    for (std::size_t i = next++; i < count; i = next++) {
      const std::string& file = options.files[i];
      reports[i].path = display_name(file, context.stdin_filename);
      reports[i].repo_path = repository_path(reports[i].path, options.base_dir);
      std::string text;
      try {
        text = read_input(file, context.limits.max_file_size);
        const BudgetShare share(budget, text.size());
        const RuleSelection& selection = settings[i].selection;
        auto kept = apply_suppressions(text, reports[i].path,
                                       validate(text, reports[i].path, catalog, selection, context.limits, observed),
                                       selection, options.report_unused_ignores);
        reports[i].findings = std::move(kept.findings);
        reports[i].suppressed = std::move(kept.suppressed);
        with_severities(settings[i].severity, reports[i]);
      } catch (const InputError& error) {
        reports[i].errors = error.diagnostics();
      } catch (const std::bad_alloc&) {
        reports[i].errors = {Diagnostic{
            reports[i].path, {}, "not enough memory to check this file; lower --max-file-size or --max-nodes"}};
      } catch (...) {
        failures[i] = std::current_exception();
      }
      in_code_points(text, reports[i]);
    }
  };
  // Standard input can only be read once and by one thread; a single file needs no pool.
  const bool serial = count == 1 || std::find(options.files.begin(), options.files.end(), "-") != options.files.end();
  const std::size_t threads = serial ? 1 : std::min<std::size_t>(options.jobs, count);
  std::vector<std::thread> pool;
  try {
    for (std::size_t t = 1; t < threads; ++t) {
      pool.emplace_back(work);
    }
  } catch (const std::system_error&) {
    // The system allows fewer threads than asked for: the ones started, and this one, do the work.
  }
  work();
  for (std::thread& thread : pool) {
    thread.join();
  }
  for (const std::exception_ptr& failure : failures) {
    if (failure)
      std::rethrow_exception(failure);
  }
  return reports;
}

// What the configuration of the run says, where the command line says nothing: the defaults,
// the catalog, the baseline, and the files to check when none is given; then `exclude`. False
// when every file named on the command line is excluded: nothing to check, as pre-commit expects.
bool resolve(Options& options, Context& context, const LoadedConfig* loaded) {
  const bool named = !options.files.empty();
  std::string unmatched;  // why the configured paths gave no file
  if (loaded != nullptr) {
    const Config& config = loaded->config;
    if (options.fail_on.empty() && config.fail_on)
      options.fail_on = *config.fail_on;
    if (options.formats.empty())
      options.formats = config.formats;
    options.report_unused_ignores = options.report_unused_ignores || config.report_unused_ignores.value_or(false);
    if (options.baseline.empty() && config.baseline) {
      options.baseline = path_from(*loaded, *config.baseline);
      options.baseline_configured = true;
    }
    if (context.catalog_path.empty() && config.catalog)
      context.catalog_path = (loaded->directory / *config.catalog).string();
    if (options.files.empty() && !config.paths.empty()) {
      options.files = configured_files(*loaded);
      unmatched = fmt::format("the 'paths' of the configuration ({}) match no file{}", fmt::join(config.paths, ", "),
                              options.files.empty() ? "" : " that 'exclude' leaves");
    }
    std::erase_if(options.files, [&](const std::string& file) {
      const std::string path = config_path(file, context.stdin_filename);
      return path != "-" && excluded(*loaded, path);
    });
  }
  if (options.fail_on.empty())
    options.fail_on = "error";
  if (options.files.empty() && named)
    return false;
  if (options.files.empty()) {
    throw usage_error(unmatched.empty() ? "no files to check: name them, or list them under 'paths' in .ceplan.yaml"
                                        : unmatched);
  }
  return true;
}

// Each file's rules and severities: the command line's selection merged with its configuration.
// Without a plan or an export the CE4xx or CE5xx rules do not run, and reports must not count them
// as passed.
std::vector<FileSettings> settings_of(const Options& options, const Context& context, ConfigFinder& finder) {
  const RuleSelection selection{parse_rule_list(fmt::format("{}", fmt::join(options.disable, ","))),
                                parse_rule_list(fmt::format("{}", fmt::join(options.enable_only, ",")))};
  std::vector<FileSettings> settings;
  for (const std::string& file : options.files) {
    const std::string path = config_path(file, context.stdin_filename);
    settings.push_back(file_settings(finder.for_file(path), path, selection));
    for (const RuleInfo& info : all_rules()) {
      if ((options.terraform.empty() && compares_terraform(info)) || (options.live.empty() && compares_live(info)))
        settings.back().selection.disabled.emplace(info.id);
    }
  }
  return settings;
}

// What the files are compared with, when the run names it: a Terraform plan, IBM's export.
struct Comparisons {
  std::optional<terraform::Inventory> terraform;
  std::optional<live::Export> live;

  [[nodiscard]] Observed observed() const { return {terraform ? &*terraform : nullptr, live ? &*live : nullptr}; }
};

Comparisons read_comparisons(const Options& options, const Context& context, const Catalog& catalog) {
  Comparisons out;
  if (options.terraform == "-" && std::find(options.files.begin(), options.files.end(), "-") != options.files.end())
    throw usage_error("standard input can be read once: give the deploy file or the plan as a file");
  if (!options.terraform.empty())
    out.terraform = read_terraform(options.terraform, options.terraform_region, context, "--terraform-region");
  if (!options.live.empty())
    out.live = read_live_export(options.live, options.live_region, "--live-region", context, catalog);
  return out;
}

void run(Options options, Context& context) {
  ConfigFinder finder(options.config, options.no_config, context.limits);
  options.files = expand_directories(options.files, finder);
  const std::string first = options.files.empty() ? std::string() : options.files.front();
  if (!resolve(options, context, finder.for_file(config_path(first, context.stdin_filename)))) {
    std::cerr << "ceplan: every file given is excluded by the configuration's 'exclude'; nothing to check\n";
    return;
  }
  if (options.list_files) {
    std::string list;
    for (const std::string& file : options.files) list += printable(display_name(file)) + "\n";
    context.emit(list);
    return;
  }
  const Catalog catalog = context.catalog();
  const std::vector<FileSettings> settings = settings_of(options, context, finder);
  const Comparisons compared = read_comparisons(options, context, catalog);
  auto reports = check_files(options, context, catalog, settings, compared.observed());
  // Recorded before the baseline hides anything: `--baseline B --write-baseline B` rewrites B
  // with every finding of the run, so entries that no longer occur drop out.
  const std::string recorded = options.write_baseline.empty() ? std::string() : render::baseline_json(reports);
  // A baseline the configuration names, or the one being written, may not exist yet: the first
  // `--write-baseline` makes it. One named on the command line must exist.
  std::error_code missing;
  if (!options.baseline.empty() && !std::filesystem::exists(options.baseline, missing) &&
      (options.baseline_configured || options.baseline == options.write_baseline)) {
    if (options.write_baseline.empty())
      std::cerr << fmt::format("ceplan: no baseline yet at {}; --write-baseline {} records one\n",
                               printable(display_name(options.baseline)), printable(display_name(options.baseline)));
  } else if (!options.baseline.empty()) {
    apply_baseline(reports, options.baseline, context.limits);
  }
  // The report covers every file, those with input errors included, and the run fails (exit 2).
  // The errors come first, so that on a terminal the summary is the last line.
  std::vector<Diagnostic> errors;
  for (const auto& report : reports) errors.insert(errors.end(), report.errors.begin(), report.errors.end());
  if (!errors.empty()) {
    print_error(InputError(errors), std::cerr);
    std::cerr.flush();
  }
  emit_reports(reports, options, settings.front().selection, context);
  context.exit_code = errors.empty() ? exit_code_for(reports, options.fail_on) : exit_cannot_run;
  if (!options.write_baseline.empty()) {
    // A file that could not be checked has no findings to record: writing would drop its entries.
    if (!errors.empty())
      throw input_error(display_name(options.write_baseline), {},
                        "baseline not written: a file could not be checked, and its entries would be lost");
    // Recording today's findings is the point of the run: they do not fail it.
    write_file_atomically(options.write_baseline, recorded, options.baseline);
    context.exit_code = 0;
  }
}

}  // namespace

// How the reports are made: SARIF's extras, CI paths, unused ignores, the baseline.
void add_report_options(CLI::App& command, Options& options) {
  command
      .add_option("--sarif-category", options.sarif.category,
                  "SARIF: code scanning's category (automationDetails.id); default: none, so upload-sarif's "
                  "`category` applies")
      ->type_name("NAME");
  command.add_flag("--sarif-suppressed", options.sarif.include_suppressed,
                   "SARIF: also write suppressed and baselined findings, marked as suppressed (GitHub code "
                   "scanning opens them as alerts)");
  command.add_option(
      "--base-dir", options.base_dir,
      "Directory CI formats report paths relative to (default: the CI job's checkout, else the repository "
      "root, found by .git)");
  command.add_flag("--report-unused-ignores", options.report_unused_ignores,
                   "Report ceplan:ignore comments that suppress nothing (rule CE002)");
  command.add_option("--baseline", options.baseline,
                     "Hide the findings recorded in this baseline file (see --write-baseline); report only new ones");
  command.add_option("--write-baseline", options.write_baseline,
                     "Record today's findings in this file by fingerprint, for --baseline; exits 0");
}

void set_validate_command(CLI::App& command_app, Context& context) {
  auto options = std::make_shared<Options>();
  CLI::App* command = &command_app;
  command->add_option("FILE", options->files,
                      "Deploy files; - reads standard input (default: the 'paths' of .ceplan.yaml)");
  add_choice_option(context, *command, "--fail-on", options->fail_on,
                    "Exit 1 on findings at or above this severity (default: error, or fail-on of .ceplan.yaml)",
                    severity_names("never"));
  add_repeatable(*command, "--disable", options->disable, "Comma-separated rule ids or names not to run; repeatable");
  add_repeatable(*command, "--enable-only", options->enable_only,
                 "Comma-separated rule ids or names: run only these; repeatable");
  context.choices["validate --format"] = format_names;
  const CLI::Validator known_format(
      [](std::string& value) {
        const std::string name = value.substr(0, value.find('='));
        if (std::find(format_names.begin(), format_names.end(), name) == format_names.end())
          return fmt::format("unknown format '{}'; expected one of {}", name, fmt::join(format_names, ", "));
        return value.find('=') == value.size() - 1 ? std::string("a file must follow '='") : std::string();
      },
      "FORMAT[=FILE]");
  add_repeatable(
      *command, "--format", options->formats,
      fmt::format("Output format: {}; repeat as FORMAT=FILE to write several reports in one run (default: text, "
                  "or format of .ceplan.yaml)",
                  fmt::join(format_names, ", ")))
      ->check(known_format);
  add_report_options(*command, *options);
  command->add_option("--config", options->config, "Configuration file (default: the nearest .ceplan.yaml)");
  command->add_flag("--no-config", options->no_config, "Use no configuration file");
  command->add_flag("--list-files", options->list_files, "Print the files that would be checked, and stop");
  command->add_option(
      "--terraform", options->terraform,
      "The JSON of `terraform show -json` (plan or state; - reads standard input): report drift from it (CE4xx)");
  command->add_option("--terraform-region", options->terraform_region,
                      "With --terraform: region of resources whose provider takes it from the environment");
  add_repeatable(*command, "--live", options->live,
                 "A directory of IBM's Code Engine export (kubectl get KIND -o json), named after its region, "
                 "or one holding a directory per region: report drift from it (CE5xx); repeatable");
  command->add_option("--live-region", options->live_region,
                      "With a single --live directory not named after its region: that region");
  command->add_option("-j,--jobs", options->jobs, "Files checked in parallel, 1-1024 (default: the number of cores)")
      ->check(CLI::Range(1u, 1024u));
  command->footer(
      "Examples:\n  ceplan validate deploy.yaml\n  ceplan validate a.yaml b.yaml --format json -o report.json\n"
      "  cat deploy.yaml | ceplan validate - --fail-on warning --disable CE105,CE109\n"
      "  ceplan validate deploy/*.yaml --format sarif -o ceplan.sarif\n"
      "  ceplan validate deploy/*.yaml --format github --format sarif=ceplan.sarif --format junit=report.xml\n"
      "  ceplan validate deploy.yaml --terraform plan.json   # plan.json: terraform show -json tfplan\n"
      "  ceplan validate deploy.yaml --live export   # export/us-south/*.json, export/eu-de/*.json\n"
      "Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 cannot run.");
  command->callback([options, &context] { run(*options, context); });
}

}  // namespace ceplan::cli
