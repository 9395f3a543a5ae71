#!/usr/bin/env bash
# Re-runs some tasks of a run submitted by submit.sh (failed ones, or a shard whose node died twice) with the same
# root, asOf, shard count and options, then the merge once they have succeeded.
#
#   deploy/slurm/rerun.sh RUN TASKS [sbatch options…]     e.g. deploy/slurm/rerun.sh /shared/runs/2025-01 2,5
#
# TASKS is an sbatch --array list of shard indexes. SHARDS is passed on, so each task runs --shard i/N although the
# new array has fewer tasks. Prints "<array id> <merge id>".
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
run=$(realpath "${1:?RUN: the folder given to submit.sh}")
tasks=${2:?TASKS: shard indexes, e.g. 2,5}
shift 2
[[ -f $run/submit.env ]] || { echo "rerun: $run/submit.env: not a run of submit.sh" >&2; exit 2; }
# shellcheck source=/dev/null
source "$run/submit.env"
[[ -e $run/out ]] && { echo "rerun: $run/out exists: this run is merged already" >&2; exit 2; }
export ROOT RUN AS_OF SHARDS BATCH_OPTIONS PAYROLLRECON
vars="ALL,ROOT=$ROOT,RUN=$RUN,AS_OF=$AS_OF,SHARDS=$SHARDS"
array=$(sbatch --parsable --array="$tasks" --export="$vars" --output="$run/logs/batch-%A_%a.out" "$@" "$here/batch.sbatch")
array=${array%%;*}
merge=$(sbatch --parsable --dependency="afterok:$array" --kill-on-invalid-dep=yes --export="$vars" \
  --output="$run/logs/merge-%j.out" "$@" "$here/merge.sbatch")
merge=${merge%%;*}
echo "${array} ${merge}"
