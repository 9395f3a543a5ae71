#!/usr/bin/env bash
# Read speed and peak memory of bank statements as Excel workbooks and web-banking HTML, against the same lines as CSV.
#
# Takes the first ROWS lines (default 100,000) of the benchmark statement (generated once by the benchmarks project,
# fixed seed) and writes them as CSV, as a typed .xlsx (openpyxl) and as an HTML table saved as .xls. A .xls (BIFF8)
# sheet holds at most 65,536 rows, so the .xls is the first 65,535 lines (LibreOffice's conversion of the same
# lines as .xlsx, which is measured too). Each file is read through BankReader ROUNDS times (default 5) in one
# process per file: the first read is what a fresh CLI process pays (JIT included), the best is the steady speed.
# Peak working set is the process's. Then the CLI as shipped (tiered compilation off): `inspect` of a folder
# holding only that statement as bank.EXT, under /usr/bin/time -v, best of ROUNDS: wall time and peak RSS.
# Prints markdown.
#
#   benchmarks/workbooks.sh                      # needs python3-openpyxl and libreoffice-calc-nogui (Debian)
#   ROUNDS=10 ROWS=200000 WORK=/data/wb benchmarks/workbooks.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${WORK:-/tmp/payrollrecon-workbooks}
ROWS=${ROWS:-100000}
XLS_ROWS=65535
ROUNDS=${ROUNDS:-5}
PY=${PY:-/usr/bin/python3}
BENCH="$ROOT/benchmarks/PayrollRecon.Benchmarks/bin/Release/net10.0/PayrollRecon.Benchmarks.dll"
CLI="$ROOT/src/PayrollRecon.Cli/bin/Release/net10.0/PayrollRecon.Cli.dll"
TOOL="$ROOT/benchmarks/tools/statement_to_workbook.py"

dotnet build -c Release "$ROOT/benchmarks/PayrollRecon.Benchmarks" -nologo -v q >&2
dotnet build -c Release "$ROOT/src/PayrollRecon.Cli" -nologo -v q >&2
dotnet "$BENCH" --generate >&2
SOURCE="${PAYROLLRECON_BENCH_DATA:-${TMPDIR:-/tmp}/payrollrecon-bench}/bank.csv"

mkdir -p "$WORK"
make_inputs() {
  local big="$WORK/bank-$ROWS" small="$WORK/bank-$XLS_ROWS"
  [ -f "$big.csv" ] || head -n $((ROWS + 1)) "$SOURCE" > "$big.csv"
  [ -f "$small.csv" ] || head -n $((XLS_ROWS + 1)) "$SOURCE" > "$small.csv"
  [ -f "$big.xlsx" ] || "$PY" "$TOOL" "$big.csv" "$big.xlsx"
  [ -f "$small.xlsx" ] || "$PY" "$TOOL" "$small.csv" "$small.xlsx"
  [ -f "$big.html.xls" ] || { "$PY" "$TOOL" "$big.csv" "$big.html"; mv "$big.html" "$big.html.xls"; }
  if [ ! -f "$small.xls" ]; then
    local tmp; tmp=$(mktemp -d)
    soffice "-env:UserInstallation=file://$tmp/profile" --headless --convert-to xls --outdir "$tmp" "$small.xlsx" >/dev/null 2>&1
    mv "$tmp/bank-$XLS_ROWS.xls" "$small.xls"
    rm -rf "$tmp"
  fi
}
make_inputs >&2

cpu=$(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
echo "Machine: $cpu, $(nproc) cores; .NET $(dotnet --version); load average before $(cut -d' ' -f1-3 /proc/loadavg); $ROUNDS reads per file"
echo
echo "| file | format | MB | rows | rejected | first s | first rows/s | best s | best rows/s | best MB/s | allocated B/row | peak working set MiB |"
echo "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
for f in "bank-$ROWS.csv" "bank-$ROWS.xlsx" "bank-$ROWS.html.xls" "bank-$XLS_ROWS.csv" "bank-$XLS_ROWS.xlsx" "bank-$XLS_ROWS.xls"; do
  dotnet "$BENCH" --workbook "$WORK/$f" --rounds "$ROUNDS"
done

# cli FILE → one markdown row: `inspect` of a folder holding FILE as bank.EXT, best wall of ROUNDS, its peak RSS
cli() {
  local file=$1 ext dir best="" rss="" i log wall
  case "$file" in *.html.xls) ext=xls ;; *) ext=${file##*.} ;; esac
  dir="$WORK/cli-$(basename "$file")"
  mkdir -p "$dir"
  [ -f "$dir/bank.$ext" ] || cp "$file" "$dir/bank.$ext"
  for i in $(seq "$ROUNDS"); do
    log="$WORK/cli.log"
    /usr/bin/time -v dotnet "$CLI" inspect "$dir" >/dev/null 2>"$log" || true
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (k = 1; k <= n; k++) s = s * 60 + p[k]; print s }' "$log")
    if [ -z "$best" ] || awk "BEGIN { exit !($wall < $best) }"; then
      best=$wall
      rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$log")
    fi
  done
  awk -v f="$(basename "$file")" -v w="$best" -v r="$rss" 'BEGIN { printf "| %s | %.2f | %.0f |\n", f, w, r / 1024 }'
}

echo
echo "| file | CLI inspect wall s (best of $ROUNDS) | peak RSS MiB |"
echo "|---|--:|--:|"
for f in "bank-$ROWS.csv" "bank-$ROWS.xlsx" "bank-$ROWS.html.xls" "bank-$XLS_ROWS.xlsx" "bank-$XLS_ROWS.xls"; do
  cli "$WORK/$f"
done
echo
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
