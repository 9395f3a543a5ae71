#!/usr/bin/env bash
# Figures for sizing a Slurm job array (deploy/slurm/README.md): CPU seconds, wall time and peak RSS of one
# `payrollrecon batch` shard on projects of realistic size, and the time of the merge.
#
#   benchmarks/shards.sh                          # 200 projects × 200 workers × 12 months, best of 3
#   PROJECTS=100 RUNS=2 benchmarks/shards.sh
#   BASELINE=/path/to/older/PayrollRecon.Cli.dll benchmarks/shards.sh   # also time a build without manifests
#
# CPU time (user + sys) is the figure to size from on a shared machine: it is what a core spends on the work,
# whatever else runs; wall time is printed next to it with the load average.
set -euo pipefail
cd "$(dirname "$0")/.."

BENCH_DIR=${BENCH_DIR:-/tmp/payrollrecon-shard-bench}
RUNS=${RUNS:-3}
PROJECTS=${PROJECTS:-200}
WORKERS=${WORKERS:-200}
MONTHS=${MONTHS:-12}

dotnet build src/PayrollRecon.Cli -c Release -v q -nologo >/dev/null
CLI=(dotnet src/PayrollRecon.Cli/bin/Release/net10.0/PayrollRecon.Cli.dll)
root="$BENCH_DIR/portfolio-${PROJECTS}x${WORKERS}x${MONTHS}"
[[ -d $root ]] || "${CLI[@]}" generate "$root" --projects "$PROJECTS" --workers "$WORKERS" --months "$MONTHS" --seed 2024 >/dev/null
bytes=$(find "$root" -type f \( -name '*.csv' -o -name project.json \) ! -name expected-findings.csv -printf '%s\n' | awk '{ s += $1 } END { print s }')

# One run: "<wall s> <CPU s> <peak RSS MB>".
measure() {
  local log="$BENCH_DIR/time-$$.txt"
  /usr/bin/time -v -o "$log" "$@" >/dev/null 2>&1 || true
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + t[i] }
              /User time/ { u = $2 } /System time/ { s = $2 } /Maximum resident set size/ { r = $2 }
              END { printf "%.2f %.2f %.0f\n", w, u + s, r / 1024 }' "$log"
  rm -f "$log"
}

# Best (least CPU) of $RUNS: prints "<wall> <cpu> <rss>" and logs every run on stderr.
best() {
  local name=$1; shift
  local r line bestline="" bestcpu=""
  for ((r = 1; r <= RUNS; r++)); do
    rm -rf "$BENCH_DIR/out"
    line=$(measure "$@")
    echo "  $name run $r: wall/CPU/RSS $line, load $(cut -d' ' -f1 /proc/loadavg)" >&2
    read -r _ cpu _ <<<"$line"
    if [[ -z $bestcpu ]] || awk -v a="$cpu" -v b="$bestcpu" 'BEGIN { exit !(a < b) }'; then bestcpu=$cpu; bestline=$line; fi
  done
  echo "$bestline"
}

row() {
  local label=$1 wall cpu rss
  read -r wall cpu rss <<<"$2"
  awk -v l="$label" -v w="$wall" -v c="$cpu" -v r="$rss" -v p="$PROJECTS" -v b="$bytes" \
    'BEGIN { printf "| %s | %.2f | %.2f | %.0f | %.3f | %.0f | %d |\n", l, w, c, 3600 * p / c, c / p, b / 1e6 / c, r }'
}

echo "CPU: $(lscpu | awk -F': +' '/Model name/ { print $2; exit }'), $(nproc) cores; .NET $(dotnet --version); load before $(cut -d' ' -f1-3 /proc/loadavg)" >&2
j1=$(best "batch --jobs 1" "${CLI[@]}" batch "$root" --out "$BENCH_DIR/out" --as-of 2025-01-31 --jobs 1)
j2=$(best "batch --jobs 2" "${CLI[@]}" batch "$root" --out "$BENCH_DIR/out" --as-of 2025-01-31 --jobs 2)
if [[ -n ${BASELINE:-} ]]; then
  base=$(best "baseline --jobs 1" dotnet "$BASELINE" batch "$root" --out "$BENCH_DIR/out" --as-of 2025-01-31 --jobs 1)
fi

# Merge: 4 shards of the same portfolio into one folder (hard links on one file system).
rm -rf "$BENCH_DIR/shards" "$BENCH_DIR/merged"
for i in 0 1 2 3; do "${CLI[@]}" batch "$root" --out "$BENCH_DIR/shards/$i" --as-of 2025-01-31 --shard "$i/4" --jobs 2 >/dev/null 2>&1; done
merge=$(measure "${CLI[@]}" merge "$BENCH_DIR"/shards/{0,1,2,3} --out "$BENCH_DIR/merged")
manifest_kb=$(($(stat -c %s "$BENCH_DIR/merged/manifest.json") / 1024))
rm -rf "$BENCH_DIR/shards" "$BENCH_DIR/merged" "$BENCH_DIR/out"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

echo
echo "portfolio: $PROJECTS projects × $WORKERS workers × $MONTHS months, $((bytes / 1000000)) MB of inputs"
echo
echo "| run | wall s | CPU s | projects / h / core | CPU s / project | MB/s per core | peak RSS MB |"
echo "|---|--:|--:|--:|--:|--:|--:|"
row "batch --jobs 1" "$j1"
row "batch --jobs 2" "$j2"
[[ -n ${BASELINE:-} ]] && row "batch --jobs 1, build without manifest" "$base"
read -r mw mc mr <<<"$merge"
echo
echo "merge of 4 shards ($PROJECTS projects): ${mw} s wall, ${mc} s CPU, peak RSS ${mr} MB; manifest.json ${manifest_kb} KB"
