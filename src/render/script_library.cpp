#include "render/script_library.hpp"

#include <string_view>

#include "planner/ibmcloud.hpp"

namespace ceplan::render {
namespace {

// Bash text with @NAME@ placeholders, filled from planner/ibmcloud.hpp (every ibmcloud command line
// is built there). The script stops at the first failure: `run` evaluates one command line as
// printed, and the assertions read the target back before anything in the block changes.
constexpr std::string_view library = R"BASH(
usage() {
  cat <<'USAGE'
Usage: SCRIPT [--dry-run] [--yes] [--from-step ID | --only ID] [--list]
  --dry-run       print every command; run none, change nothing
  --yes           do not ask before a step that deletes something
  --from-step ID  resume at step ID
  --only ID       run step ID alone (a step deferred until its region answers)
  --list          list the steps and exit
Each step's start, end and exit status go to a log of JSON lines next to the script
(CEPLAN_LOG names another file); `ceplan calibrate LOG` reads it. Exit status: 0 done,
1 stopped at a step, 2 could not start, 3 done except steps deferred until a region answers.
USAGE
}

say() { printf '%s\n' "$*"; }

log_event() {
  if ((dry_run || rehearsal)); then return 0; fi
  printf '%s,"event":"%s","time":"%s","epoch":%s%s}\n' "${step_json[current_index]}" "$1" \
    "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$(date +%s)" "${2:-}" >>"$log"
}

stop() {
  local status=${2:-1}
  say "ceplan: step ${current}: $1" >&2
  say "ceplan: nothing after it ran; fix the cause, then resume: $0 --from-step ${current}" >&2
  log_event end ",\"status\":${status}"
  exit "$status"
}

run() {
  say "+ $1"
  if ((dry_run)); then return 0; fi
  local status=0
  # As in a terminal: a pipeline's status is its last command's (openssl x509 may stop reading
  # before s_client stops writing), and nothing it sets outlives it.
  (
    set +o pipefail
    eval "$1"
  ) || status=$?
  if ((status != 0)); then stop "this command failed (exit ${status}): $1" "$status"; fi
}

targeted() {
  local out
  out=$(@TARGET_JSON@) || stop "cannot read the target back (@TARGET_JSON@)"
  [[ $out == *"\"$1\""* ]] || stop "the target is not $1 after: $2"
}

in_region() {
  run "$2"
  if ((dry_run)); then return 0; fi
  targeted "$1" "$2"
}

in_project() {
  if ((dry_run)); then return 0; fi
  targeted "$1" "selecting project ${project}"
  local out
  out=$(@CURRENT_PROJECT@) || stop "cannot read the selected project back (@CURRENT_PROJECT@)"
  [[ $out == *"\"${project}\""* ]] || stop "the selected project is not ${project}"
}

no_schedule() {
  if ((dry_run)); then return 0; fi
  local out
  out=$(@LIST_CRONS@) || stop "cannot list the schedules (@LIST_CRONS@)"
  [[ $out != *"\"$1\""* ]] || stop "a schedule for job $1 is still listed (@LIST_CRONS@): delete it by its own name, then resume at the next step"
}

manual() {
  say "$1"
  if [[ -n ${2:-} ]]; then say "Check: $2"; fi
  if ((dry_run)); then return 0; fi
  local answer
  while true; do
    read -r -p "Type done once it holds, or stop: " answer || stop "no answer on standard input"
    case $answer in
      done) return 0 ;;
      stop) stop "stopped by hand" ;;
      *) say "Type done or stop." ;;
    esac
  done
}

confirm() {
  if ((yes || dry_run)); then return 0; fi
  local answer
  read -r -p "This step leaves: $1. Go on? [y/N] " answer || answer=''
  [[ $answer == y || $answer == yes ]] || stop "not confirmed"
}

answers() {
  if ((dry_run)); then return 0; fi
  local error answer
  while true; do
    if error=$({ eval "$2" && eval "${get_project}"; } 2>&1 >/dev/null); then return 0; fi
    say "ceplan: $1 does not answer: ${error//$'\n'/ }"
    read -r -p "Type retry to try again, or press Enter to defer this step: " answer || answer=''
    [[ $answer == retry ]] || return 1
  done
}

defer() {
  say "ceplan: deferred; run this step as soon as $1 answers: $0 --only ${current}"
  deferred+=("${current}")
  log_event deferred
}

begin() {
  current_index=$1
  current=${step_ids[$1]}
  started_at=$(date +%s)
  say ""
  say "== ${current}: ${step_titles[$1]}"
  log_event start
}

finish() {
  if [[ -n ${1:-} ]]; then say "Check: $1"; fi
  log_event end ",\"status\":0,\"seconds\":$(($(date +%s) - started_at))"
}

fail_start() {
  say "ceplan: $1" >&2
  exit 2
}

preflight() {
  if ((dry_run)); then return 0; fi
  local i file missing=()
  for i in "$@"; do
    if ((i == group_step)) && [[ -z ${RESOURCE_GROUP:-} ]]; then
      fail_start "set RESOURCE_GROUP to the resource group of project ${project} first; step ${step_ids[i]} creates it"
    fi
    for file in ${step_files[i]}; do [[ -r $file ]] || missing+=("$file"); done
  done
  if ((${#missing[@]})); then fail_start "missing here, to create secrets and config maps from: ${missing[*]}"; fi
  if ((!rehearsal)) && ! : >>"$log"; then fail_start "cannot write the step log ${log}; set CEPLAN_LOG"; fi
  command -v ibmcloud >/dev/null || fail_start "ibmcloud is not installed"
  @LOGGED_IN@ >/dev/null 2>&1 || fail_start "not logged in; run ibmcloud login first"
  @PLUGIN@ >/dev/null 2>&1 || fail_start "the Code Engine plugin is missing; run ibmcloud plugin install code-engine"
}

known() {
  local id
  for id in "${step_ids[@]}"; do [[ $id != "$1" ]] || return 0; done
  fail_start "no step $1; --list shows them"
}

main() {
  while (($#)); do
    case $1 in
      --dry-run) dry_run=1 ;;
      --yes) yes=1 ;;
      --from-step) from_step=${2:?--from-step takes a step id}; shift ;;
      --only) only=${2:?--only takes a step id}; shift ;;
      --list) printf '%s\n' "${step_ids[@]}"; exit 0 ;;
      -h | --help) usage; exit 0 ;;
      *) say "ceplan: unknown option $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
  done
  if [[ -n $only && -n $from_step ]]; then fail_start "--only and --from-step exclude each other"; fi
  if [[ -n $only ]]; then known "$only"; fi
  if [[ -n $from_step ]]; then known "$from_step"; fi
  local i selected=()
  for i in "${!step_ids[@]}"; do
    if [[ -n $only && ${step_ids[i]} != "$only" ]]; then continue; fi
    if [[ -n $from_step ]]; then
      if [[ ${step_ids[i]} != "$from_step" ]]; then continue; fi
      from_step=''
    fi
    selected+=("$i")
  done
  preflight "${selected[@]}"
  for i in "${selected[@]}"; do "step_$i"; done
  say ""
  if ((rehearsal)); then report; fi
  if ((${#deferred[@]})); then
    say "ceplan: done, except steps deferred until their region answers: ${deferred[*]} (run each with --only)"
    exit 3
  fi
  say "ceplan: done"
}
)BASH";

// A rehearsal reports each check and carries on: the readiness report lists every failure.
constexpr std::string_view rehearsal_library = R"BASH(
verdict() {
  if [[ $1 == ok ]]; then
    passed=$((passed + 1))
  else
    failures+=("${current}: $2")
  fi
  say "  [$1] $2"
}

check() {
  if eval "$2" >/dev/null 2>&1; then verdict ok "$1"; else verdict FAIL "$1 (failed: $2)"; fi
}

check_has() {
  local out=''
  if out=$(eval "$2" 2>/dev/null) && [[ $out == *"$3"* ]]; then
    verdict ok "$1"
  else
    verdict FAIL "$1 (no $3 in: $2)"
  fi
}

check_fails() {
  if eval "$2" >/dev/null 2>&1; then verdict FAIL "$1 (it answers: $2)"; else verdict ok "$1"; fi
}

check_lacks() {
  local out=''
  if out=$(eval "$2" 2>/dev/null) && [[ $out != *"$3"* ]]; then
    verdict ok "$1"
  else
    verdict FAIL "$1 ($3 in, or failed: $2)"
  fi
}

check_word() {
  local out=''
  if out=$(eval "$2" 2>/dev/null) && [[ $out =~ (^|[^a-z0-9.-])$3([^a-z0-9.-]|$) ]]; then
    verdict ok "$1"
  else
    verdict FAIL "$1 (no $3 in: $2)"
  fi
}

check_below() {
  local out='' count=0
  if ! out=$(eval "$2" 2>/dev/null); then
    verdict FAIL "$1 (failed: $2)"
    return 0
  fi
  count=$(grep -cw -- "$3" <<<"$out" || true)
  if ((count < $4)); then verdict ok "$1 (${count} now)"; else verdict FAIL "$1 (${count} rows of $2 name $3)"; fi
}

rehearse_in() {
  local out=''
  if eval "$1" >/dev/null 2>&1 && out=$(eval "$2" 2>/dev/null) && [[ $out == *"\"$3\""* ]]; then return 0; fi
  verdict FAIL "cannot $4 (failed: $1)"
  return 1
}

rehearse_target() { rehearse_in "$2" '@TARGET_JSON@' "$1" "target $1"; }

rehearse_select() { rehearse_in "$2" '@CURRENT_PROJECT@' "${project}" "select project ${project} in $1"; }

report() {
  say "Readiness: ${passed} checks passed, ${#failures[@]} failed."
  if ((${#failures[@]} == 0)); then return 0; fi
  local failure
  for failure in "${failures[@]}"; do say "  FAIL ${failure}"; done
  say "ceplan: not ready; nothing was changed" >&2
  exit 1
}
)BASH";

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

}  // namespace

std::string script_library(bool rehearse) {
  std::string out(library);
  if (rehearse)
    out += rehearsal_library;
  replace_all(out, "@TARGET_JSON@", planner::target_json());
  replace_all(out, "@CURRENT_PROJECT@", planner::current_project());
  replace_all(out, "@LOGGED_IN@", planner::logged_in());
  replace_all(out, "@PLUGIN@", planner::code_engine_plugin());
  replace_all(out, "@LIST_CRONS@", planner::list_crons_json());
  return out;
}

}  // namespace ceplan::render
