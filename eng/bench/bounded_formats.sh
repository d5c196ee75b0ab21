#!/usr/bin/env bash
# Peak memory and wall time beyond the memory limit for the formats DuckDB reads (Parquet, JSON Lines) and for drift of
# raw data against raw data: the 10M-row current CSV of bounded_memory.sh is written as Parquet and JSON Lines by DuckDB
# (a file-based C# app on DuckDB.NET, so no Python package is needed), then
#   profile FILE                                    (profiled inside DuckDB: InEngineReads)
#   drift --reference ref_1000000.profile.json --current FILE   (compared with the profile inside DuckDB)
#   drift --reference ref_1000000.csv --current FILE --memory-limit 1GB   (raw against raw inside DuckDB, exact)
# Run bounded_memory.sh first (it writes the CSVs and the reference profile). Prints a Markdown table.
#
# Usage: eng/bench/bounded_formats.sh [ROWS] (default 10000000)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="${BENCH_DIR:-/tmp/modelgates-bench}/bounded"
N=${1:-10000000}
CLI=${CLI:-$("$ROOT/eng/bench/cli_build.sh")}
CSV="$WORK/cur_$N.csv"
[ -f "$CSV" ] || { echo "run eng/bench/bounded_memory.sh $N first: $CSV is missing" >&2; exit 2; }

measure() { # prints "wall_s peak_rss_kb"; drift's exit code 1 (drift found) is a result
  /usr/bin/time -v -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/stderr.txt" || [ $? -eq 1 ] || { cat "$WORK/stderr.txt" >&2; exit 1; }
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i] } /Maximum resident/ { m = $2 } END { printf "%.1f %d\n", s, m }' "$WORK/time.txt"
}

convert() { # $1 format (parquet|json), $2 output
  local app; app=$(mktemp -d)
  cat > "$app/convert.cs" <<'CS'
#:package DuckDB.NET.Data.Full@1.5.6.1
using DuckDB.NET.Data;
using var connection = new DuckDBConnection("DataSource=:memory:");
connection.Open();
using var command = connection.CreateCommand();
command.CommandText = $"SET memory_limit = '1GB'; COPY (SELECT * FROM read_csv('{args[0]}')) TO '{args[1]}' (FORMAT {args[2]})";
command.ExecuteNonQuery();
CS
  (cd "$app" && dotnet run convert.cs -- "$CSV" "$2.tmp" "$1" >/dev/null) && mv "$2.tmp" "$2"
  rm -rf "$app"
}

[ -f "$WORK/cur_$N.parquet" ] || convert parquet "$WORK/cur_$N.parquet"
[ -f "$WORK/cur_$N.jsonl" ] || convert json "$WORK/cur_$N.jsonl"
PROFILE="$WORK/ref_1000000.profile.json"
REF="$WORK/ref_1000000.csv"

echo "| $N rows | size | profile: wall s | profile: peak RSS MB | drift vs profile: wall s | drift vs profile: peak RSS MB | raw vs raw, --memory-limit 1GB: wall s | raw vs raw: peak RSS MB |"
echo "|---|---|---|---|---|---|---|---|"
for f in "$CSV" "$WORK/cur_$N.parquet" "$WORK/cur_$N.jsonl"; do
  size=$(du -BM "$f" | cut -f1)
  read -r pw pm < <(measure dotnet "$CLI" profile "$f" -o "$WORK/formats.profile.json")
  read -r dw dm < <(measure dotnet "$CLI" drift --reference "$PROFILE" --current "$f" --format json)
  read -r rw rm < <(measure dotnet "$CLI" drift --reference "$REF" --current "$f" --format json --memory-limit 1GB)
  printf "| %s | %s | %s | %d | %s | %d | %s | %d |\n" "${f##*.}" "$size" "$pw" $((pm / 1024)) "$dw" $((dm / 1024)) "$rw" $((rm / 1024))
done
echo
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GB RAM"
