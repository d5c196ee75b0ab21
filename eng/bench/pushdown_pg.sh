#!/usr/bin/env bash
# Pushdown against pulling the rows, on a throwaway PostgreSQL (started as tests/Shared/PostgresServer.cs does:
# initdb and pg_ctl in a temporary folder, on a free port, as the unprivileged postgres user under root).
# For each row count: one sequential scan by PostgreSQL itself (the yardstick), a profile and a drift gate against
# the stored profile by pushdown, and the same by pulling the rows (COPY to a client CSV, then the local profile
# and drift). Each step runs in its own process under /usr/bin/time -v for wall time and peak memory.
#   ROWS="1000000 10000000" bash eng/bench/pushdown_pg.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS="${ROWS:-1000000 10000000}"
BIN="${MODELGATES_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}"
WORK="$(mktemp -d /tmp/mg-bench-pg.XXXXXX)"
OUT="eng/bench/out"
mkdir -p "$OUT"
RESULTS="$OUT/pushdown_pg.txt"
: > "$RESULTS"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
AS=()
if [ "$(id -u)" = 0 ]; then chown postgres: "$WORK"; AS=(runuser -u postgres --); fi

"${AS[@]}" "$BIN/initdb" -D "$WORK/data" -U mg --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync > /dev/null
"${AS[@]}" "$BIN/pg_ctl" -D "$WORK/data" -l "$WORK/server.log" -w -t 120 \
  -o "-p $PORT -k $WORK -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c work_mem=64MB -c shared_buffers=512MB -c max_wal_size=8GB -c log_min_duration_statement=${LOG_MS:--1}" start > /dev/null
trap '"${AS[@]}" "$BIN/pg_ctl" -D "$WORK/data" -m immediate -w stop > /dev/null; if [ -n "${KEEP_LOG:-}" ]; then cp "$WORK/server.log" "$KEEP_LOG"; fi; rm -rf "$WORK"' EXIT
export MODELGATES_BENCH_PG="Host=127.0.0.1;Port=$PORT;Username=mg;Database=postgres;Timeout=60;Command Timeout=0"
PSQL=(psql -X -q -A -t -h 127.0.0.1 -p "$PORT" -U mg -d postgres -v ON_ERROR_STOP=1)

dotnet build eng/bench/Pushdown -c Release -v q -nologo > /dev/null
APP="eng/bench/Pushdown/bin/Release/net10.0/ModelGates.Bench.Pushdown.dll"

step() { # name, then the program's arguments: prints the program's line with wall time and peak memory
  local name="$1"; shift
  local log="$WORK/time.log"
  local line
  line="$(/usr/bin/time -v -o "$log" dotnet "$APP" "$@")"
  local rss wall
  rss="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")"
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")"
  echo "$name wall=$wall peak_rss_kb=$rss $line" | tee -a "$RESULTS"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, $(uname -sr), PostgreSQL $("$BIN/postgres" --version | awk '{print $3}'), load before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RESULTS"
for rows in $ROWS; do
  table="bench_$rows"
  start=$(date +%s.%N)
  "${PSQL[@]}" -v rows="$rows" -v name="$table" -f eng/bench/pushdown_data.sql > /dev/null
  echo "rows=$rows generated in $(echo "$(date +%s.%N) - $start" | bc) s, table size $("${PSQL[@]}" -c "SELECT pg_size_pretty(pg_table_size('$table'))")" | tee -a "$RESULTS"
  # The yardstick: one sequential scan by PostgreSQL itself, one process, warm cache (the second of two runs).
  for run in 1 2; do
    start=$(date +%s.%N)
    "${PSQL[@]}" -c "SET max_parallel_workers_per_gather = 0; SELECT count(*) FROM $table" > /dev/null
    scan=$(echo "$(date +%s.%N) - $start" | bc)
  done
  echo "seqscan rows=$rows seconds=$scan" | tee -a "$RESULTS"
  step "pushdown-profile rows=$rows" profile-pushdown "public.$table" "$WORK/$table.profile.json"
  step "pushdown-drift rows=$rows" drift-pushdown "public.$table" "$WORK/$table.profile.json"
  step "pull-copy rows=$rows" pull "public.$table" "$WORK/$table.csv"
  step "pull-profile rows=$rows" profile-file "$WORK/$table.csv" "$WORK/$table.file.profile.json"
  step "pull-drift rows=$rows" drift-file "$WORK/$table.profile.json" "$WORK/$table.csv"
  rm -f "$WORK/$table.csv"
  "${PSQL[@]}" -c "DROP TABLE $table" > /dev/null
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RESULTS"
