#!/usr/bin/env bash
# The NativeAOT build of the CLI against the JIT build: every fixture project checked and inspected by both, a batch
# of the rule fixtures, and damaged workbooks; outputs, stderr and exit codes must be byte-identical. Trimming or AOT
# compilation that drops something the JIT build uses (reflection, a code page, a vector path) shows up here.
#
#   tests/aot/check.sh            # publishes the AOT binary (2–4 minutes), then compares
#   AOT_BIN=path tests/aot/check.sh   # compares an already published binary
#
# Prints one line at the end: `aot-check: N passed, M failed` (exit 1 when M > 0).
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

dotnet build "$ROOT/src/PayrollRecon.Cli" -c Release -nologo -v q >/dev/null || { echo "aot-check: 0 passed, 1 failed (JIT build failed)"; exit 1; }
JIT=(dotnet "$ROOT/src/PayrollRecon.Cli/bin/Release/net10.0/PayrollRecon.Cli.dll")
if [ -z "${AOT_BIN:-}" ]; then
  if ! dotnet publish "$ROOT/src/PayrollRecon.Cli" -c Release -r linux-x64 -o "$WORK/aot" -nologo -v q > "$WORK/publish.log" 2>&1; then
    tail -20 "$WORK/publish.log"
    echo "aot-check: 0 passed, 1 failed (AOT publish failed)"
    exit 1
  fi
  AOT_BIN="$WORK/aot/PayrollRecon.Cli"
fi

passed=0
failed=0
# same NAME ARGS...: runs the JIT and the AOT build with ARGS (the word OUT is replaced by a fresh output folder per
# build) and compares exit code, stdout with the output folder's path removed, stderr and the output folder.
same() {
  local name=$1; shift
  local j="$WORK/jit-$name" a="$WORK/aot-$name" args_j=() args_a=() x
  for x in "$@"; do args_j+=("${x/#OUT/$j/out}"); args_a+=("${x/#OUT/$a/out}"); done
  mkdir -p "$j" "$a"
  "${JIT[@]}" "${args_j[@]}" > "$j/stdout" 2> "$j/stderr"; echo $? > "$j/rc"
  "$AOT_BIN" "${args_a[@]}" > "$a/stdout" 2> "$a/stderr"; echo $? > "$a/rc"
  # Paths and elapsed times are the only things allowed to differ.
  local timed='s/ in [0-9.]+ s/ in T s/g; s/[0-9]+ MB\/s/R MB\/s/g; s/(elapsed|left) [0-9:]+/\1 T/g'
  sed -E -i "s|$j/out|OUT|g; $timed" "$j/stdout" "$j/stderr"
  sed -E -i "s|$a/out|OUT|g; $timed" "$a/stdout" "$a/stderr"
  if diff -r "$j" "$a" > "$WORK/diff-$name" 2>&1; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL $name: AOT and JIT differ"; head -20 "$WORK/diff-$name"
  fi
}

for dir in "$ROOT"/fixtures/sample-project "$ROOT"/fixtures/rules/* "$ROOT"/fixtures/exports/*; do
  [ -f "$dir/project.json" ] || continue
  name=$(echo "${dir#"$ROOT"/fixtures/}" | tr '/' '_')
  same "check_$name" check "$dir" --out OUT
  same "checken_$name" check "$dir" --out OUT --lang en --no-mask
  same "inspect_$name" inspect "$dir" --rows 3
done
# English here: the elapsed times and rates above are recognised by their English wording.
same batch_rules batch "$ROOT/fixtures/rules" --out OUT --jobs 2 --lang en

# Workbooks that cannot be read, and workbook variants, as a project's bank statement.
for wb in "$ROOT"/fixtures/workbooks/*.xls "$ROOT"/fixtures/workbooks/*.xlsx; do
  p="$WORK/wb-$(basename "$wb")"
  mkdir -p "$p"
  cp "$ROOT/fixtures/sample-project/project.json" "$ROOT/fixtures/sample-project/workers.csv" "$p/"
  cp "$wb" "$p/bank.${wb##*.}"
  same "workbook_$(basename "$wb")" check "$p" --out OUT
done

same generate generate OUT --projects 2 --workers 40 --months 3 --seed 9 --lang en
same help --help
echo "aot-check: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
