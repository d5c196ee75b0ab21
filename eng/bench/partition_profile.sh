#!/usr/bin/env bash
# A partitioned lake profiled cold (no stored partition profiles), warm (every partition unchanged), and after one
# day's file changed; beside it, the same rows as one Parquet file (no partitions, nothing to reuse). Prints medians
# of wall time, CPU time and peak memory as a Markdown table.
# Usage: [MODELGATES_BUILD=tool|jit] eng/bench/partition_profile.sh [DAYS] [ROWS_PER_DAY] [REPS]
set -euo pipefail
DAYS="${1:-30}"
ROWS="${2:-200000}"
REPS="${3:-3}"
cd "$(dirname "$0")/../.."
OUT=eng/bench/out
mkdir -p "$OUT"
LAKE="$OUT/lake_${DAYS}x${ROWS}"
SINGLE="$OUT/lake_${DAYS}x${ROWS}.parquet"
CACHE="$OUT/partition-cache"
dotnet build eng/bench/Lake -c Release -v quiet -nologo >/dev/null
GEN() { dotnet eng/bench/Lake/bin/Release/net10.0/ModelGates.Bench.Lake.dll "$@"; }
[ -d "$LAKE" ] || GEN "$LAKE" "$DAYS" "$ROWS"
[ -f "$SINGLE" ] || GEN "$LAKE" "$DAYS" "$ROWS" --single "$SINGLE"
CLI=$(eng/bench/cli_build.sh)

measure() { # prints "wall cpu maxrss_kb"
  /usr/bin/time -f "%e %U %S %M" -o "$OUT/time.txt" "$@" >/dev/null 2>"$OUT/stderr.txt"
  awk '{ printf "%.2f %.2f %d\n", $1, $2 + $3, $4 }' "$OUT/time.txt"
}
median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
profile() { measure dotnet "$CLI" profile "$1" -o "$OUT/lake.profile.json" --partition-cache "$CACHE"; }

: > "$OUT/cold.txt"; : > "$OUT/warm.txt"; : > "$OUT/oneday.txt"; : > "$OUT/single.txt"
LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)
for i in $(seq 1 "$REPS"); do
  rm -rf "$CACHE"
  profile "$LAKE" >> "$OUT/cold.txt"
  profile "$LAKE" >> "$OUT/warm.txt"
  grep -q "$DAYS reused" "$OUT/stderr.txt" || { echo "warm run did not reuse every partition:" >&2; cat "$OUT/stderr.txt" >&2; exit 1; }
  GEN "$LAKE" "$DAYS" "$ROWS" --rewrite $((DAYS - 1)) $((100 + i))
  profile "$LAKE" >> "$OUT/oneday.txt"
  grep -q "$((DAYS - 1)) reused" "$OUT/stderr.txt" || { echo "one changed day was not the only one read:" >&2; cat "$OUT/stderr.txt" >&2; exit 1; }
  measure dotnet "$CLI" profile "$SINGLE" -o "$OUT/single.profile.json" >> "$OUT/single.txt"
done
LOAD_AFTER=$(cut -d' ' -f1 /proc/loadavg)

col() { cut -d' ' -f"$1" "$2" | median; }
row() { echo "| $1 | $(col 1 "$2") | $(col 2 "$2") | $(( $(col 3 "$2") / 1024 )) |"; }
echo "| run | wall s | CPU s | peak RSS MB |"
echo "|---|---|---|---|"
row "one Parquet file, same rows (no partitions)" "$OUT/single.txt"
row "lake, cold (every partition read)" "$OUT/cold.txt"
row "lake, warm (every partition unchanged)" "$OUT/warm.txt"
row "lake, one day's file changed" "$OUT/oneday.txt"
awk -v c="$(col 1 "$OUT/cold.txt")" -v w="$(col 1 "$OUT/warm.txt")" -v o="$(col 1 "$OUT/oneday.txt")" \
  'BEGIN { printf "\nwarm / cold: %.3f; one day changed / cold: %.3f\n", w / c, o / c }'
echo "lake: $DAYS partitions x $ROWS rows ($(du -sh "$LAKE" | cut -f1)), repetitions: $REPS, load average before/after: $LOAD_BEFORE / $LOAD_AFTER"
echo "modelgates build: ${MODELGATES_BUILD:-tool} ($CLI)"
