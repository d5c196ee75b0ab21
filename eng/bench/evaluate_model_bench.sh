#!/usr/bin/env bash
# The whole model gate at scale: load the credit-risk sample's ML.NET model, score 1,000,000 applications
# (the shipped credit data resampled with replacement, seeded), every binary metric, 1,000 bootstrap
# resamples. scikit-learn cannot score an ML.NET model, so its side in eng/bench/evaluate_bench.sh (metrics
# and bootstrap on a predictions file) is the comparison; this script adds what scoring costs on ours.
# Usage: eng/bench/evaluate_model_bench.sh [ROWS] [REPS]     (needs /usr/bin/python3 with pandas)
set -euo pipefail
ROWS=${1:-1000000}
REPS=${2:-3}
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK=${BENCH_DIR:-/tmp/modelgates-bench}/model
mkdir -p "$WORK"
DATA="$WORK/credit_${ROWS}.csv"
[ -f "$DATA" ] || /usr/bin/python3 -c "
import pandas as pd, sys
df = pd.read_csv('$ROOT/samples/data/credit_data.csv')
df.sample(n=$ROWS, replace=True, random_state=7).to_csv('$DATA', index=False)
"
dotnet build "$ROOT/src/Cli" -c Release -v quiet -nologo >/dev/null
CLI="$ROOT/src/Cli/bin/Release/net10.0/modelgates.dll"
median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
: > "$WORK/runs.txt"
for i in $(seq 1 "$REPS"); do
  load=$(cut -d' ' -f1 /proc/loadavg)
  set +e
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.txt" dotnet "$CLI" evaluate --model "$ROOT/samples/CreditRisk/model/credit-risk.zip" \
    --data "$DATA" --label Status --positive-class bad --resamples 1000 --seed 1 --format json > "$WORK/result.json" 2> "$WORK/stderr.txt"
  code=$?
  set -e
  [ "$code" -le 1 ] || { cat "$WORK/stderr.txt" >&2; exit 1; }
  awk -v l="$load" '{ printf "%.2f %.2f %d %s\n", $1, $2 + $3, $4 / 1024, l }' "$WORK/time.txt" | tee -a "$WORK/runs.txt"
done
echo "| rows | wall s | CPU s | peak RSS MB |"
echo "|---|---|---|---|"
echo "| $ROWS | $(cut -d' ' -f1 "$WORK/runs.txt" | median) | $(cut -d' ' -f2 "$WORK/runs.txt" | median) | $(cut -d' ' -f3 "$WORK/runs.txt" | median) |"
echo "medians of $REPS runs; load average at each start: $(cut -d' ' -f4 "$WORK/runs.txt" | tr '\n' ' ')"
