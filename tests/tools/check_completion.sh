#!/usr/bin/env bash
# Sources a generated bash completion script and checks what it offers.
#   check_completion.sh SCRIPT
set -u
source "$1"
complete_words() {
  COMP_WORDS=("$@")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  _ceplan
  echo "${COMPREPLY[*]}"
}
status=0
expect() {
  local want=$1
  shift
  local got
  got=$(complete_words "$@")
  if [ "$got" != "$want" ]; then
    echo "'$*' completes to '$got', expected '$want'" >&2
    status=1
  fi
}
expect "validate" ceplan valid
expect "--fail-on" ceplan validate --fai
expect "json junit junit-strict" ceplan validate --format j
expect "eu-gb" ceplan region eu-g
expect "br-sao" ceplan runbook f.yaml --restore-to br
expect "warm-standby" ceplan init --strategy warm
expect "--catalog --color" ceplan --c
# Words as bash splits them at ':' and '=' (COMP_WORDBREAKS).
expect "region:us-south" ceplan plan f.yaml --scenario region:us-s
expect "us-south" ceplan plan f.yaml --scenario region : us-s
expect "in-che jp-osa au-syd jp-tok eu-de eu-gb eu-es us-south ca-tor us-east br-sao" ceplan plan f.yaml --scenario region :
expect "json junit junit-strict" ceplan validate --format = j
expect "CE301 CE302 CE303 CE304 CE305 CE306 CE307 CE308 CE309" ceplan validate --disable CE30
expect "CE101" ceplan explain CE101
expect "bash" ceplan completion ba
exit $status
