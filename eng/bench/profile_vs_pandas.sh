#!/usr/bin/env bash
# Times 'modelgates profile' against pandas (read_csv + describe + value_counts) on the same CSV, side by side,
# several times each, and prints medians of wall time, CPU time and peak memory as a Markdown table.
# Usage: [MODELGATES_BUILD=tool|jit] eng/bench/profile_vs_pandas.sh [ROWS] [REPS]     (needs numpy + pandas: Debian's python3-pandas)
set -euo pipefail
ROWS="${1:-1000000}"
REPS="${2:-3}"
cd "$(dirname "$0")/../.."
OUT=eng/bench/out
mkdir -p "$OUT"
DATA="$OUT/data_${ROWS}.csv"
[ -f "$DATA" ] || /usr/bin/python3 eng/bench/generate_data.py "$ROWS" "$DATA" --seed 42
# The CLI as the installed tool runs it (ReadyToRun); MODELGATES_BUILD=jit for the plain build (eng/bench/cli_build.sh).
CLI=$(eng/bench/cli_build.sh)

measure() { # prints "wall cpu maxrss_kb"
  /usr/bin/time -f "%e %U %S %M" -o "$OUT/time.txt" "$@" >/dev/null 2>&1
  awk '{ printf "%.2f %.2f %d\n", $1, $2 + $3, $4 }' "$OUT/time.txt"
}
median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

: > "$OUT/ours.txt"; : > "$OUT/pandas.txt"
LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)
for i in $(seq 1 "$REPS"); do
  measure dotnet "$CLI" profile "$DATA" -o "$OUT/profile.json" >> "$OUT/ours.txt"
  measure /usr/bin/python3 eng/bench/pandas_profile.py "$DATA" >> "$OUT/pandas.txt"
done
LOAD_AFTER=$(cut -d' ' -f1 /proc/loadavg)

col() { cut -d' ' -f"$1" "$2" | median; }
OW=$(col 1 "$OUT/ours.txt"); OC=$(col 2 "$OUT/ours.txt"); OM=$(col 3 "$OUT/ours.txt")
PW=$(col 1 "$OUT/pandas.txt"); PC=$(col 2 "$OUT/pandas.txt"); PM=$(col 3 "$OUT/pandas.txt")
echo "| tool | wall s | CPU s | peak RSS MB |"
echo "|---|---|---|---|"
echo "| modelgates profile | $OW | $OC | $((OM / 1024)) |"
echo "| pandas read_csv + describe + value_counts | $PW | $PC | $((PM / 1024)) |"
awk -v ow="$OW" -v pw="$PW" -v oc="$OC" -v pc="$PC" -v om="$OM" -v pm="$PM" 'BEGIN { printf "\nspeed-up: %.2fx wall, %.2fx CPU; memory: %.2f of pandas\n", pw / ow, pc / oc, om / pm }'
echo "rows: $ROWS, repetitions: $REPS, load average before/after: $LOAD_BEFORE / $LOAD_AFTER"
echo "modelgates build: ${MODELGATES_BUILD:-tool} ($CLI)"
