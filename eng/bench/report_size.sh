#!/usr/bin/env bash
# Size of the HTML report for a 30-column drift check plus one model gate (issue: under 1 MB).
# Drift: two generated 30-column files (eng/bench/generate_data.py, 100,000 rows, current shifted by
# 0.2 sigma so that every column has a detailed chart); model: the credit-risk sample's model on its holdout.
# Usage: eng/bench/report_size.sh [ROWS]     (needs /usr/bin/python3 with numpy)
set -euo pipefail
ROWS=${1:-100000}
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK=${BENCH_DIR:-/tmp/modelgates-bench}/report
mkdir -p "$WORK"
[ -f "$WORK/ref.csv" ] || /usr/bin/python3 "$ROOT/eng/bench/generate_data.py" "$ROWS" "$WORK/ref.csv" --seed 1
[ -f "$WORK/cur.csv" ] || /usr/bin/python3 "$ROOT/eng/bench/generate_data.py" "$ROWS" "$WORK/cur.csv" --seed 2 --shift 0.2
S="$ROOT/samples/CreditRisk"
cat > "$WORK/modelgates.json" <<JSON
{
  "schemaVersion": 1,
  "datasets": {
    "reference": { "path": "$WORK/ref.csv" },
    "current": { "path": "$WORK/cur.csv" },
    "holdout": { "path": "$S/data/holdout.csv" }
  },
  "drift": { "30 columns": { "reference": "reference", "current": "current" } },
  "models": {
    "credit-risk": {
      "model": "$S/model/credit-risk.zip", "data": "holdout", "task": "binary",
      "label": "Status", "positiveClass": "bad",
      "baseline": "$S/baselines/credit-risk.baseline.json",
      "metrics": { "auc": { "min": 0.78 }, "logLoss": { "max": 0.55 }, "recall": { "min": 0.5 } },
      "slices": [ { "column": "Home", "metrics": { "auc": { "min": 0.7 } } } ]
    }
  }
}
JSON
dotnet build "$ROOT/src/Cli" -c Release -v quiet -nologo >/dev/null
set +e
dotnet "$ROOT/src/Cli/bin/Release/net10.0/modelgates.dll" check --config "$WORK/modelgates.json" --report-dir "$WORK/out" >/dev/null
code=$?
set -e
[ "$code" -le 1 ] || { echo "check failed with exit code $code" >&2; exit 1; }
bytes=$(stat -c %s "$WORK/out/report.html")
gz=$(gzip -9c "$WORK/out/report.html" | wc -c)
charts=$(grep -o '<svg[^>]*class="chart"' "$WORK/out/report.html" | wc -l)
echo "| report | bytes | KB | gzip KB | charts |"
echo "|---|---|---|---|---|"
awk -v b="$bytes" -v g="$gz" -v c="$charts" 'BEGIN { printf "| 30-column drift + 1 model | %d | %.0f | %.0f | %d |\n", b, b / 1024, g / 1024, c }'
