#!/usr/bin/env bash
# End-to-end speed and memory of `payrollrecon check` on generated projects, against a DuckDB SQL baseline.
#
# Generates 5,000 workers x 24 months and x 48 months (seed 3) with attendance in time order (all workers
# interleaved, as devices export it), the 24-month project again with attendance grouped by worker, and the
# 24-month project with every punch recorded twice in time order (same worker-months, twice the punches) and with
# its attendance export appended to itself, then runs `check` on
# each RUNS times under /usr/bin/time -v, first with the NativeAOT binary (what `dotnet tool install` gives on
# linux-x64) and then with the JIT build, and reports the best run: wall time, input MB/s, CPU time and peak RSS,
# followed by the --timings phase breakdown of that run. Then runs benchmarks/baselines/duckdb (the core ledger in
# SQL, 2 threads; npm installs @duckdb/node-api on first use) on the same files in the same run, compares its ledger
# with ours (due, paid, status) and prints both times and the ratio. Prints markdown on stdout.
#
#   benchmarks/end-to-end.sh                 # build, generate (once), measure
#   RUNS=5 WORK=/data/e2e benchmarks/end-to-end.sh
#
# Measure on a quiet machine: the script prints the load average before and after.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${WORK:-/tmp/payrollrecon-e2e}
RUNS=${RUNS:-3}
WORKERS=${WORKERS:-5000}
SEED=${SEED:-3}
CLI="$ROOT/src/PayrollRecon.Cli/bin/Release/net10.0/PayrollRecon.Cli.dll"

dotnet build -c Release "$ROOT/src/PayrollRecon.Cli" -nologo -v q >&2
# The tool as `dotnet tool install` gives it on linux-x64: the NativeAOT binary (AOT=0 skips it and measures the JIT
# build only). Published once per run into $WORK/aot.
AOT=${AOT:-1}
AOT_BIN="$WORK/aot/PayrollRecon.Cli"
if [ "$AOT" = 1 ]; then
  dotnet publish "$ROOT/src/PayrollRecon.Cli" -c Release -r linux-x64 -o "$WORK/aot" -nologo -v q >&2
fi

# generate MONTHS [ORDER] → prints the project folder (ORDER: time, the default, or worker)
generate() {
  local months=$1 order=${2:-time}
  local dir="$WORK/w$WORKERS-m$months-$order-v2"
  if [ ! -f "$dir/GEN-$SEED-0001/project.json" ]; then
    rm -rf "$dir"
    dotnet "$CLI" generate "$dir" --workers "$WORKERS" --months "$months" --seed "$SEED" --attendance-order "$order" >&2
  fi
  echo "$dir/GEN-$SEED-0001"
}

# doubled SOURCE → a copy whose attendance.csv holds every punch twice, still in time order: each punch is recorded
# again by a second reader at the same gate (device "<device>-B"), as when two devices' exports are merged. The same
# worker-months and the same minutes (R13 takes last − first punch), twice the punches.
doubled() {
  local src=$1 dir="$WORK/w$WORKERS-m24-punches-x2-v3/GEN-$SEED-0001"
  if [ ! -f "$dir/attendance.csv" ] || [ "$dir/attendance.csv" -ot "$src/attendance.csv" ]; then
    mkdir -p "$dir"
    cp "$src"/*.csv "$src"/project.json "$dir"/
    rm -f "$dir/expected-findings.csv"
    awk -F, -v OFS=, 'NR == 1 { print; next } { print; $4 = $4 "-B"; print }' "$src/attendance.csv" > "$dir/attendance.csv"
  fi
  echo "$dir"
}

# appended SOURCE → a copy whose attendance.csv is the export appended to itself: twice the punches, the file running
# through the 24 months twice (two exports of the same period concatenated).
appended() {
  local src=$1 dir="$WORK/w$WORKERS-m24-appended-v2/GEN-$SEED-0001"
  if [ ! -f "$dir/attendance.csv" ] || [ "$dir/attendance.csv" -ot "$src/attendance.csv" ]; then
    mkdir -p "$dir"
    cp "$src"/*.csv "$src"/project.json "$dir"/
    rm -f "$dir/expected-findings.csv"
    tail -n +2 "$src/attendance.csv" >> "$dir/attendance.csv"
  fi
  echo "$dir"
}

# Bytes check reads: the project's settings and input files.
input_bytes() {
  local total=0 f
  for f in project.json workers.csv bank.csv attendance.csv payroll.csv batches.csv calendar.csv; do
    [ -f "$1/$f" ] && total=$((total + $(stat -c %s "$1/$f")))
  done
  echo "$total"
}

# measure LABEL DIR [BUILD] → one markdown table row; the best run's --timings go to $WORK/LABEL.timings.
# BUILD is jit (the framework-dependent build, the default) or aot (the published native binary).
measure() {
  local label=$1 dir=$2 build=${3:-jit} bytes best_wall="" best_file="" i log
  local -a cmd=(dotnet "$CLI")
  [ "$build" = aot ] && cmd=("$AOT_BIN")
  bytes=$(input_bytes "$dir")
  for i in $(seq "$RUNS"); do
    log="$WORK/$label.run$i"
    /usr/bin/time -v "${cmd[@]}" check "$dir" --out "$WORK/out-$label" --timings >/dev/null 2>"$log" || true
    local wall
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (k = 1; k <= n; k++) s = s * 60 + p[k]; print s }' "$log")
    if [ -z "$best_wall" ] || awk "BEGIN { exit !($wall < $best_wall) }"; then best_wall=$wall; best_file=$log; fi
  done
  local user sys rss
  user=$(awk -F': ' '/User time/ { print $2 }' "$best_file")
  sys=$(awk -F': ' '/System time/ { print $2 }' "$best_file")
  rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$best_file")
  grep -E '^phase | ms|peak working set' "$best_file" > "$WORK/$label.timings"
  awk -v l="$label" -v b="$bytes" -v w="$best_wall" -v u="$user" -v s="$sys" -v r="$rss" 'BEGIN {
    printf "| %s | %.1f | %.2f | %.0f | %.2f | %.0f |\n", l, b / 1e6, w, b / 1e6 / w, u + s, r / 1024 }' | tee -a "$WORK/e2e.rows"
}

# duckdb LABEL DIR → one markdown row of the SQL baseline (best of RUNS) and its agreement with our ledger.csv
duckdb() {
  local label=$1 dir=$2 best="" best_rss="" i log json
  (cd "$ROOT/benchmarks/baselines/duckdb" && { [ -d node_modules/@duckdb/node-api ] || npm install --no-audit --no-fund --silent >&2; })
  for i in $(seq "$RUNS"); do
    log="$WORK/$label.duckdb$i"
    /usr/bin/time -v node "$ROOT/benchmarks/baselines/duckdb/run.mjs" "$dir" "$WORK/duckdb-$label-ledger.csv" --threads 2 \
      --compare "$WORK/out-$label/ledger.csv" --expected "$dir/expected-findings.csv" >"$log.json" 2>"$log" || true
    local wall
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (k = 1; k <= n; k++) s = s * 60 + p[k]; print s }' "$log")
    if [ -z "$best" ] || awk "BEGIN { exit !($wall < $best) }"; then best=$wall; best_rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$log"); json=$(cat "$log.json"); fi
  done
  echo "$label $best $best_rss $json" >> "$WORK/duckdb.rows"
}

mkdir -p "$WORK"
rm -f "$WORK/duckdb.rows"
P24=$(generate 24)
P24W=$(generate 24 worker)
P48=$(generate 48)
P24X2=$(doubled "$P24")
P24A=$(appended "$P24")

cpu_field() { grep -m1 "^$1" /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'; }
echo "CPU: $(cpu_field 'model name') (family $(cpu_field 'cpu family'), model $(cpu_field 'model\s'), $(cpu_field 'cpu MHz') MHz, L2 $(cpu_field 'cache size')), $(nproc) cores; .NET SDK $(dotnet --version)"
echo
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| project | input MB | wall s (best of $RUNS) | MB/s | CPU s | peak RSS MiB |"
echo "|---|---:|---:|---:|---:|---:|"
rm -f "$WORK/e2e.rows"
LABELS=()
for build in $([ "$AOT" = 1 ] && echo aot) jit; do
  suffix=$([ "$build" = aot ] && echo "" || echo " (JIT)")
  measure "${WORKERS}x24$suffix" "$P24" "$build"
  measure "${WORKERS}x24-worker-order$suffix" "$P24W" "$build"
  measure "${WORKERS}x48$suffix" "$P48" "$build"
  measure "${WORKERS}x24-punches-x2$suffix" "$P24X2" "$build"
  measure "${WORKERS}x24-appended-x2$suffix" "$P24A" "$build"
  LABELS+=("${WORKERS}x24$suffix" "${WORKERS}x24-worker-order$suffix" "${WORKERS}x48$suffix" "${WORKERS}x24-punches-x2$suffix" "${WORKERS}x24-appended-x2$suffix")
done
# Against the first build measured (the AOT binary when AOT=1): the tool as installed.
duckdb "${WORKERS}x24" "$P24"
duckdb "${WORKERS}x48" "$P48"
echo
echo "DuckDB baseline (benchmarks/baselines/duckdb: the core ledger in SQL, 2 threads, Node.js; best of $RUNS; its"
echo "ledger compared with ours on due, paid and status; months of workers with a planted payment defect counted apart):"
echo
echo "| project | DuckDB wall s | DuckDB peak RSS MiB | ours wall s | DuckDB / ours | worker-months agreeing | differing (planted) | differing (other) |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
while read -r label wall rss json; do
  ours=$(awk -F'|' -v l="$label" '$2 ~ "^ "l" $" { gsub(/ /, "", $4); print $4 }' "$WORK/e2e.rows")
  agree=$(echo "$json" | grep -o '"agree":[0-9]*' | cut -d: -f2)
  planted=$(echo "$json" | grep -o '"plantedDisagree":[0-9]*' | cut -d: -f2)
  other=$(echo "$json" | grep -o '"disagree":[0-9]*' | cut -d: -f2)
  awk -v l="$label" -v w="$wall" -v r="$rss" -v o="$ours" -v a="$agree" -v p="$planted" -v x="$other" 'BEGIN {
    printf "| %s | %.2f | %.0f | %.2f | %.1fx | %s | %s | %s |\n", l, w, r / 1024, o, w / o, a, p, x }'
done < "$WORK/duckdb.rows"
echo
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
for label in "${LABELS[@]}"; do
  echo
  echo "Phases of the best run, $label (\`check --timings\`):"
  echo
  echo '```'
  cat "$WORK/$label.timings"
  echo '```'
done
