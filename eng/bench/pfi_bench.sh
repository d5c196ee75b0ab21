#!/usr/bin/env bash
# Permutation feature importance, 10,000-row holdout × 30 features, 5 repeats: ModelGates (ML.NET FastTree, the
# model gate's importance step including its 200-resample intervals) against scikit-learn's permutation_importance
# (HistGradientBoostingClassifier of the same shape, roc_auc, n_jobs=1), alternating runs so both see the same load.
# Usage: eng/bench/pfi_bench.sh [REPS] [REPEATS]       (needs /usr/bin/python3 with pandas and scikit-learn)
set -euo pipefail
REPS=${1:-3}
REPEATS=${2:-5}
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK=${BENCH_DIR:-/tmp/modelgates-bench}/pfi
mkdir -p "$WORK"
[ -f "$WORK/holdout.csv" ] || /usr/bin/python3 "$ROOT/eng/bench/pfi_data.py" "$WORK"
dotnet build "$ROOT/eng/bench/Pfi" -c Release -v quiet -nologo >/dev/null
BENCH="$ROOT/eng/bench/Pfi/bin/Release/net10.0/ModelGates.Bench.Pfi.dll"
median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
: > "$WORK/ours.txt"; : > "$WORK/peer.txt"
for i in $(seq 1 "$REPS"); do
  load=$(cut -d' ' -f1 /proc/loadavg)
  echo "$(dotnet "$BENCH" "$WORK/train.csv" "$WORK/holdout.csv" "$WORK/model.zip" "$REPEATS") $load" | tee -a "$WORK/ours.txt"
  load=$(cut -d' ' -f1 /proc/loadavg)
  echo "$(/usr/bin/python3 "$ROOT/eng/bench/pfi_sklearn.py" "$WORK/train.csv" "$WORK/holdout.csv" "$REPEATS") $load" | tee -a "$WORK/peer.txt"
done
ow=$(cut -d' ' -f2 "$WORK/ours.txt" | median); oc=$(cut -d' ' -f3 "$WORK/ours.txt" | median)
pw=$(cut -d' ' -f2 "$WORK/peer.txt" | median); pc=$(cut -d' ' -f3 "$WORK/peer.txt" | median)
echo "| side | PFI wall s | PFI CPU s | top 5 |"
echo "|---|---|---|---|"
echo "| ModelGates (FastTree) | $ow | $oc | $(cut -d' ' -f4 "$WORK/ours.txt" | head -1) |"
echo "| scikit-learn (HistGradientBoosting) | $pw | $pc | $(cut -d' ' -f4 "$WORK/peer.txt" | head -1) |"
echo "ratio (peer ÷ ModelGates): wall $(awk -v a="$pw" -v b="$ow" 'BEGIN { printf "%.2f", a / b }'), CPU $(awk -v a="$pc" -v b="$oc" 'BEGIN { printf "%.2f", a / b }')"
echo "load average at each start: ours $(cut -d' ' -f5 "$WORK/ours.txt" | tr '\n' ' '); peer $(cut -d' ' -f5 "$WORK/peer.txt" | tr '\n' ' ')"
