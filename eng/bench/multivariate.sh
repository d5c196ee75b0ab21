#!/usr/bin/env bash
# The added cost of the multivariate drift checks (docs/drift.md#multivariate-drift) on a 1M-row pair of 30 columns
# (eng/bench/generate_data.py: 20 numeric, 10 categorical, missing values): `modelgates drift` against the raw
# reference with `--multivariate off`, `domainClassifier`, `reconstruction` and `both` (the default), alternating RUNS
# times so that all see the same machine load. The checks sample at most --multivariate-sample-rows rows a side
# (default 10,000), so their own work does not grow with the rows; what does is reading the rows they sample
# (the sides are loaded as DuckDB tables). Reports medians of wall time and of CPU time (user + sys: the number that
# matters on a shared machine), peak RSS, and the load average before and after.
#
# Usage: eng/bench/multivariate.sh [ROWS] [RUNS] [SAMPLE_ROWS]     (defaults: 1000000 3 10000)
# Needs /usr/bin/python3 with numpy and pandas, and /usr/bin/time. Data goes to $BENCH_DIR (default
# /tmp/modelgates-bench-multivariate) and is reused when present. Runs the CLI of this clone's Release build
# (dotnet build src/Cli -c Release).
set -euo pipefail

ROWS=${1:-1000000}
RUNS=${2:-3}
SAMPLE=${3:-10000}
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK=${BENCH_DIR:-/tmp/modelgates-bench-multivariate}
PY=/usr/bin/python3
mkdir -p "$WORK"
REF="$WORK/ref_${ROWS}.csv"
CUR="$WORK/cur_${ROWS}.csv"
[ -f "$REF" ] || $PY "$ROOT/eng/bench/generate_data.py" "$ROWS" "$REF" --seed 1
[ -f "$CUR" ] || $PY "$ROOT/eng/bench/generate_data.py" "$ROWS" "$CUR" --seed 2 --shift 0.05
CLI=(dotnet "$ROOT/src/Cli/bin/Release/net10.0/modelgates.dll")

measure() {
    local out="$WORK/time.txt"
    set +e
    /usr/bin/time -f "%e %U %S %M" -o "$out" "$@" >"$WORK/stdout.txt" 2>"$WORK/stderr.txt"
    local code=$?
    set -e
    if [ "$code" -gt 1 ]; then
        echo "command failed with exit code $code: $*" >&2
        cat "$WORK/stderr.txt" >&2
        exit 1
    fi
    tail -n 1 "$out" | awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }'
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

MODES=(off domainClassifier reconstruction both)
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 1 "$RUNS"); do
    for mode in "${MODES[@]}"; do
        measure "${CLI[@]}" drift --reference "$REF" --current "$CUR" --multivariate "$mode" --multivariate-sample-rows "$SAMPLE" --format json >> "$WORK/$mode.txt"
    done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "| multivariate | wall s (median) | CPU s (median) | peak RSS MB (median) |"
echo "|---|---|---|---|"
for mode in "${MODES[@]}"; do
    f="$WORK/$mode.txt"
    wall=$(tail -n "$RUNS" "$f" | awk '{print $1}' | median)
    cpu=$(tail -n "$RUNS" "$f" | awk '{print $2}' | median)
    rss=$(tail -n "$RUNS" "$f" | awk '{print $3}' | median)
    echo "| $mode | $wall | $cpu | $(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }') |"
done
