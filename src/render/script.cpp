#include "render/script.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "planner/blocks.hpp"
#include "planner/calibration.hpp"
#include "planner/ibmcloud.hpp"
#include "planner/procedure.hpp"
#include "render/script_library.hpp"
#include "support/error.hpp"
#include "support/lists.hpp"
#include "support/version.hpp"

namespace ceplan::render {

using planner::shell_word;

namespace {

bool deletes(ActionKind kind) {
  return kind == ActionKind::delete_app || kind == ActionKind::delete_job || kind == ActionKind::delete_cron;
}

// The log line's opening members; the script appends the event's own.
std::string log_members(const Step& step) {
  nlohmann::ordered_json members = {{"step", step.id}, {"phase", step.phase}, {"kind", planner::step_kind(step)}};
  if (std::string store = planner::step_store(step); !store.empty())
    members["store"] = std::move(store);
  std::string text = members.dump();
  text.pop_back();  // the closing brace: the script adds the event, the time and the status first
  return text;
}

// The files a step reads its secrets' and config maps' data from, checked before anything runs.
std::string files_of(const Deployment& d, const Step& step) {
  std::vector<std::string> files;
  for (const Action& a : step.actions) {
    for (std::string& file : planner::input_files(d, a)) add_once(files, std::move(file));
  }
  std::vector<std::string> quoted;
  for (const std::string& file : files) quoted.push_back(shell_word(file));
  return shell_word(fmt::format("{}", fmt::join(quoted, " ")));
}

std::string arrays(const Deployment& d, const std::vector<Step>& steps, bool rehearsal) {
  std::string ids;
  std::string titles;
  std::string json;
  std::string files;
  for (const Step& step : steps) {
    ids += fmt::format("  {}\n", shell_word(step.id));
    titles += fmt::format("  {}\n", shell_word(printable(step.title)));
    json += fmt::format("  {}\n", shell_word(log_members(step)));
    files += fmt::format("  {}\n", rehearsal ? "''" : files_of(d, step));
  }
  return fmt::format("step_ids=(\n{})\nstep_titles=(\n{})\nstep_json=(\n{})\nstep_files=(\n{})\n", ids, titles, json,
                     files);
}

// What the step deletes, for its confirmation: "app api deleted in us-east; ...".
std::string deletions(const Step& step) {
  std::vector<std::string> out;
  for (const Action& a : step.actions) {
    if (deletes(a.kind))
      out.push_back(effect_text(a));
  }
  return fmt::format("{}", fmt::join(out, "; "));
}

std::string manual_line(const Action& action) {
  if (action.kind == ActionKind::note)
    return fmt::format("  manual {}\n", shell_word("By hand: the part of the step above that has no command."));
  const std::string effect = effect_text(action);
  return effect.empty() ? std::string()
                        : fmt::format("  manual {}\n", shell_word("By hand, until this holds: " + effect));
}

// A store's secret is updated from its file: the file must first hold the settings of the copy
// that is writable now, or the update re-applies the old ones.
std::string settings_gate(const Deployment& d, const std::string& secret) {
  const Artifact* declared = d.secret(secret);
  const std::string home = declared != nullptr ? planner::secret_settings_home(*declared) : secret;
  return fmt::format("  manual {}\n",
                     shell_word(fmt::format("By hand, until this holds: {} holds the connection settings of the "
                                            "writable copy of the data stores secret {} serves",
                                            home, secret)));
}

std::string block_lines(const Deployment& d, const planner::Block& block, std::vector<std::string>& gated) {
  std::string out;
  if (!block.target.empty())
    out += fmt::format("  in_region {} {}\n", shell_word(block.region), shell_word(block.target));
  for (const planner::BlockCommand& command : block.commands) {
    if (command.kind == ActionKind::update_secret && !contains(gated, command.name)) {
      gated.push_back(command.name);
      out += settings_gate(d, command.name);
    }
    out += fmt::format("  run {}\n", shell_word(command.text));
    if (command.kind == ActionKind::select_project)
      out += fmt::format("  in_project {}\n", shell_word(block.region));
    if (command.kind == ActionKind::delete_cron)
      out += fmt::format("  no_schedule {}\n", shell_word(command.name));
  }
  return out;
}

// The step's actions in order: its command blocks, and a wait for each manual action between them.
std::string body(const Deployment& d, const Step& step) {
  std::string out;
  std::vector<Action> pending;
  std::vector<std::string> gated;
  auto flush = [&] {
    for (const planner::Block& block : planner::blocks(d, pending)) out += block_lines(d, block, gated);
    pending.clear();
  };
  for (const Action& a : step.actions) {
    if (planner::command_of(d, a).empty() && a.kind != ActionKind::create_project) {
      flush();
      out += manual_line(a);
    } else {
      pending.push_back(a);
    }
  }
  flush();
  return out;
}

// A step without commands is one wait: for the effects its manual actions must bring about, or for
// its title (a confirmation, a decision), with what to check.
std::string wait_for(const Step& step) {
  std::vector<std::string> effects;
  for (const Action& a : step.actions) {
    if (std::string effect = effect_text(a); !effect.empty())
      effects.push_back(std::move(effect));
  }
  const std::string what = effects.empty() ? std::string("By hand: the step above.")
                                           : fmt::format("By hand, until this holds: {}", fmt::join(effects, "; "));
  return fmt::format("  manual {} {}\n  finish ''\n}}\n", shell_word(what), shell_word(printable(step.verify)));
}

std::string function(const Deployment& d, const Step& step, std::size_t index) {
  std::string out = fmt::format("step_{}() {{\n  begin {}\n", index, index);
  const auto blocks = planner::blocks(d, step.actions);
  const auto first = std::find_if(blocks.begin(), blocks.end(), [](const auto& b) { return !b.target.empty(); });
  if (step.when_region_answers && first != blocks.end())
    out += fmt::format("  if ! answers {} {}; then\n    defer {}\n    return 0\n  fi\n", shell_word(first->region),
                       shell_word(first->target), shell_word(first->region));
  if (const std::string deleted = deletions(step); !deleted.empty())
    out += fmt::format("  confirm {}\n", shell_word(deleted));
  if (blocks.empty())
    return out + wait_for(step);
  return out + body(d, step) + fmt::format("  finish {}\n}}\n", shell_word(printable(step.verify)));
}

// The step that creates the project when the file names no resource group: it needs RESOURCE_GROUP.
long group_step(const Deployment& d, const std::vector<Step>& steps) {
  const auto creates = std::find_if(steps.begin(), steps.end(), [](const Step& step) {
    return std::any_of(step.actions.begin(), step.actions.end(),
                       [](const Action& a) { return a.kind == ActionKind::create_project; });
  });
  return !d.resource_group && creates != steps.end() ? creates - steps.begin() : -1;
}

std::string header(const Deployment& d, const std::vector<Step>& steps, std::string_view heading,
                   std::string_view command_line, bool rehearsal) {
  std::string out = fmt::format(
      "#!/usr/bin/env bash\n# {}\n# Generated by ceplan {}: {}\n"
      "# Run it from the folder that holds the secrets' files (NAME.env, NAME.crt, ...); --help lists\n"
      "# the options, --dry-run prints every command and changes nothing.\n"
      "# Each command is single-quoted and evaluated as printed, expansions included:\n"
      "# shellcheck disable=SC2016\nset -euo pipefail\n\n",
      printable(heading), version(), printable(command_line));
  out += fmt::format("project={}\nget_project={}\ngroup_step={}\nrehearsal={}\n", shell_word(d.project),
                     shell_word(planner::get_project(d.project)), rehearsal ? -1 : group_step(d, steps),
                     rehearsal ? 1 : 0);
  out +=
      "log=\"${CEPLAN_LOG:-${BASH_SOURCE[0]%.sh}.log.jsonl}\"\n"
      "dry_run=0\nyes=0\nfrom_step=''\nonly=''\ncurrent=''\ncurrent_index=0\nstarted_at=0\ndeferred=()\n";
  if (rehearsal)
    out += "passed=0\nfailures=()\n";
  return out + arrays(d, steps, rehearsal);
}

}  // namespace

std::string script(const Deployment& d, const std::vector<Step>& steps, std::string_view title,
                   std::string_view command_line, const std::vector<std::vector<planner::Check>>* rehearsal) {
  const bool rehearse = rehearsal != nullptr;
  const std::string heading = rehearse ? fmt::format("Rehearsal (read-only) of: {}", title) : std::string(title);
  std::string out = header(d, steps, heading, command_line, rehearse) + script_library(rehearse);
  for (std::size_t i = 0; i < steps.size(); ++i)
    out += "\n" + (rehearse ? rehearsal_function(d, (*rehearsal)[i], i) : function(d, steps[i], i));
  return out + "\nmain \"$@\"\n";
}

}  // namespace ceplan::render
