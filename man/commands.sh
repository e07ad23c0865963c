#!/usr/bin/env bash
# Writes a help2man include file with a COMMANDS section: each command's own --help, verbatim,
# so that the man page lists every command's options.   man/commands.sh CEPLAN > commands.h2m
set -euo pipefail
ceplan=$1
echo "[COMMANDS]"
for command in $("$ceplan" --help | awk '/^Subcommands:/{on=1;next} on && /^  [a-z]/{print $1}'); do
  echo ".SS $command"
  echo ".nf"
  # roff: backslashes are escaped, and a line may not start with a dot or a quote.
  "$ceplan" "$command" --help | sed -e 's/\\/\\e/g' -e "s/^\([.']\)/\\\\\&\1/"
  echo ".fi"
done
