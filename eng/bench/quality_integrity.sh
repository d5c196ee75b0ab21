#!/usr/bin/env bash
# Duplicates, conflicting labels and leakage: `modelgates quality` (one XxHash128 pass per file, groups verified by
# values) against pandas (duplicated(), groupby, merge; eng/bench/quality_integrity.py), side by side in one run, on a
# holdout of ROWS × 30 columns (eng/bench/generate_data.py) with injected duplicates (1%), conflicts (0.5%) and rows
# leaked from a training file of the same size (1%). Both sides read the CSVs as text; the wall time includes the reads.
# The counts of both sides are printed and must agree. Prints a Markdown table for docs/benchmarks.md.
#
# Usage: eng/bench/quality_integrity.sh [ROWS...]   (default 1000000; run once at 100000 to see that it works)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="${BENCH_DIR:-/tmp/modelgates-bench}/quality"
mkdir -p "$WORK"
ROWS=("$@")
[ ${#ROWS[@]} -gt 0 ] || ROWS=(1000000)
CLI=$("$ROOT/eng/bench/cli_build.sh")
PY=/usr/bin/python3

echo "| rows | pandas: wall s | modelgates: wall s | ratio | duplicates | conflicting rows | leaked rows | counts agree |"
echo "|---|---|---|---|---|---|---|---|"
for n in "${ROWS[@]}"; do
  train="$WORK/train_$n.csv" base="$WORK/base_$n.csv" holdout="$WORK/holdout_$n.csv"
  [ -f "$train" ] || $PY "$ROOT/eng/bench/generate_data.py" "$n" "$train" --seed 42
  [ -f "$base" ] || $PY "$ROOT/eng/bench/generate_data.py" "$n" "$base" --seed 7
  [ -f "$holdout" ] || $PY "$ROOT/eng/bench/quality_integrity.py" inject "$train" "$base" "$holdout"
  pandas=$($PY "$ROOT/eng/bench/quality_integrity.py" check "$holdout" "$train")
  start=$(date +%s.%N)
  dotnet "$CLI" quality "$holdout" --label cat00 --reference "$train" --checks duplicates,conflictingLabels,leakage --format json > "$WORK/result.json" || [ $? -eq 1 ]
  end=$(date +%s.%N)
  $PY - "$pandas" "$WORK/result.json" "$n" "$start" "$end" <<'PY'
import json, sys
pandas = json.loads(sys.argv[1])
result = json.load(open(sys.argv[2]))
n, start, end = int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
ours = {c: 0 for c in ("duplicates", "conflictingLabels", "leakage")}
for f in result["findings"]:
    ours[f["check"]] = f["count"]
seconds = end - start
agree = all(ours[c] == pandas[c] for c in ours)
print(f"| {n:,} | {pandas['seconds']:.2f} | {seconds:.2f} | {pandas['seconds'] / seconds:.1f}× | {ours['duplicates']:,} | {ours['conflictingLabels']:,} | {ours['leakage']:,} | {'yes' if agree else 'NO: pandas ' + json.dumps(pandas)} |")
PY
done
echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $(uname -m); $(dotnet --version) SDK; pandas $($PY -c 'import pandas; print(pandas.__version__)')."
