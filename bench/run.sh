#!/usr/bin/env bash
# Benchmarks a Release build of ceplan on this machine and prints medians and ratios measured
# side by side in the same run (hyperfine, without a shell), plus peak memory (GNU time).
#   bench/run.sh [--quick]     --quick: fewer runs, for a smoke test
set -euo pipefail
cd "$(dirname "$0")/.."
runs=30 startup_runs=300 big_runs=5
if [ "${1:-}" = "--quick" ]; then runs=5 startup_runs=30 big_runs=2; fi

scripts/install-deps.sh
cmake --preset release -DCEPLAN_BUILD_BENCH=ON >/dev/null
cmake --build --preset release >/dev/null
ceplan=build/release/ceplan
floor=build/release/bench/ceplan_floor
work=build/bench
mkdir -p "$work/small"

# Inputs: a 50-line file, 10,000 and 100,000 apps (with N/10 jobs), 1,000 small files.
small=examples/shop-active-active.yaml
[ -s "$work/apps-10000.yaml" ] || bench/generate.py 10000 >"$work/apps-10000.yaml"
[ -s "$work/apps-100000.yaml" ] || bench/generate.py 100000 >"$work/apps-100000.yaml"
for i in $(seq 1 1000); do cp "$small" "$work/small/f$i.yaml"; done
limits="--max-file-size 64MiB --max-nodes 20000000"

median() { # hyperfine JSON, command index -> median in ms
  python3 -c "import json,sys; print('%.3f' % (1000*json.load(open(sys.argv[1]))['results'][int(sys.argv[2])]['median']))" "$1" "$2"
}
ratio() { python3 -c "import sys; print('%.2f' % (float(sys.argv[1]) / float(sys.argv[2])))" "$1" "$2"; }
rss() { /usr/bin/time -f %M "$@" >/dev/null 2>"$work/rss" || true; tail -n 1 "$work/rss"; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r)"
echo

hyperfine -N --style none --warmup 20 --runs "$startup_runs" --export-json "$work/startup.json" \
  /bin/true "$ceplan regions --format json" "$ceplan validate $small" >/dev/null
t_true=$(median "$work/startup.json" 0); t_regions=$(median "$work/startup.json" 1); t_small=$(median "$work/startup.json" 2)
echo "start-up (median of $startup_runs)"
echo "  /bin/true                      ${t_true} ms"
echo "  ceplan regions --format json   ${t_regions} ms   $(ratio "$t_regions" "$t_true")x /bin/true   peak RSS $(rss $ceplan regions --format json) KiB"
echo "  ceplan validate (50 lines)     ${t_small} ms   $(ratio "$t_small" "$t_true")x /bin/true   peak RSS $(rss $ceplan validate $small) KiB"
echo

hyperfine -N --style none --warmup 1 --runs "$runs" --export-json "$work/big.json" \
  "$floor $work/apps-10000.yaml" "$ceplan $limits validate $work/apps-10000.yaml --fail-on never" >/dev/null
t_floor=$(median "$work/big.json" 0); t_10k=$(median "$work/big.json" 1)
echo "10,000 apps ($(du -h "$work/apps-10000.yaml" | cut -f1)), median of $runs"
echo "  floor (YAML::LoadFile + visit) ${t_floor} ms   peak RSS $(rss $floor "$work/apps-10000.yaml") KiB"
echo "  ceplan validate                ${t_10k} ms   $(ratio "$t_10k" "$t_floor")x the floor   peak RSS $(rss $ceplan $limits validate "$work/apps-10000.yaml" --fail-on never) KiB"
echo

hyperfine -N --style none --warmup 0 --runs "$big_runs" --export-json "$work/scale.json" \
  "$ceplan $limits validate $work/apps-10000.yaml --fail-on never" \
  "$ceplan $limits validate $work/apps-100000.yaml --fail-on never" >/dev/null
s_10k=$(median "$work/scale.json" 0); s_100k=$(median "$work/scale.json" 1)
echo "scaling, median of $big_runs"
echo "  10,000 apps                    ${s_10k} ms"
echo "  100,000 apps                   ${s_100k} ms   $(ratio "$s_100k" "$s_10k")x (linear: 10)   peak RSS $(rss $ceplan $limits validate "$work/apps-100000.yaml" --fail-on never) KiB"
echo

files=$(ls "$work"/small/*.yaml | tr '\n' ' ')
hyperfine -N --style none --warmup 1 --runs "$runs" --export-json "$work/many.json" \
  "$ceplan validate -j 1 $files" "$ceplan validate -j 2 $files" >/dev/null
m1=$(median "$work/many.json" 0); m2=$(median "$work/many.json" 1)
echo "1,000 small files in one call, median of $runs"
echo "  -j 1                           ${m1} ms   $(python3 -c "print('%.0f' % (1000000 / $m1))") files/s"
echo "  -j 2                           ${m2} ms   $(python3 -c "print('%.0f' % (1000000 / $m2))") files/s   $(ratio "$m1" "$m2")x faster than -j 1"
echo

# ceplan diff of two 2,000-app files (a slower health check) against validate of one (issue bar: 2.5x).
[ -s "$work/apps-2000.yaml" ] || bench/generate.py 2000 >"$work/apps-2000.yaml"
sed 's/interval: 30s, retries: 2/interval: 60s, retries: 2/' "$work/apps-2000.yaml" >"$work/apps-2000-changed.yaml"
hyperfine -N --style none --warmup 1 --runs "$runs" --export-json "$work/diff.json" \
  "$ceplan $limits validate $work/apps-2000.yaml --fail-on never" \
  "$ceplan $limits diff $work/apps-2000.yaml $work/apps-2000-changed.yaml --fail-on never" >/dev/null
d_validate=$(median "$work/diff.json" 0); d_diff=$(median "$work/diff.json" 1)
echo "diff of two 2,000-app files, median of $runs"
echo "  validate (one file)            ${d_validate} ms"
echo "  diff                           ${d_diff} ms   $(ratio "$d_diff" "$d_validate")x validate (bar: 2.5)"
echo

# A Terraform plan of 2,000 apps in two regions: import it, and compare a deploy file with it.
[ -s "$work/plan-2000.json" ] || python3 -c "import sys; sys.path.insert(0, 'bench'); import scaling; print(scaling.tf_apps(800000))" >"$work/plan-2000.json"
"$ceplan" import terraform "$work/plan-2000.json" -o "$work/plan-2000.yaml" 2>/dev/null
hyperfine -N --style none --warmup 1 --runs "$runs" --export-json "$work/terraform.json" \
  "$ceplan $limits import terraform $work/plan-2000.json" \
  "$ceplan $limits validate $work/plan-2000.yaml --fail-on never" \
  "$ceplan $limits validate $work/plan-2000.yaml --fail-on never --terraform $work/plan-2000.json" >/dev/null
t_import=$(median "$work/terraform.json" 0); t_plain=$(median "$work/terraform.json" 1); t_drift=$(median "$work/terraform.json" 2)
echo "Terraform plan of 2,000 apps ($(du -h "$work/plan-2000.json" | cut -f1)), median of $runs"
echo "  import terraform               ${t_import} ms   peak RSS $(rss $ceplan $limits import terraform "$work/plan-2000.json") KiB"
echo "  validate the draft             ${t_plain} ms"
echo "  validate --terraform           ${t_drift} ms   $(ratio "$t_drift" "$t_plain")x validate"
