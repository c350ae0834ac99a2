#!/usr/bin/env bash
# Benchmark and soak test: several `ingest` workers feeding one PostgreSQL
# archive at once.
#
#   bash bench/postgres_workers.sh [FILES]          (SEED=... to replay a run)
#
# FILES (default 400) one-motion PDFs come from bench/make_motions.py. A
# private PostgreSQL server (scripts/postgres-test-server.sh, in
# /tmp/ma-pg-bench-PID) holds one database per archive; it is stopped and
# removed at exit.
# 1. Wall time of one worker (`ingest -q --jobs 1` over all files into an
#    empty database) beside four workers started at once over the same file
#    list into another empty database (each --jobs 1), until all four end;
#    and of one worker into an empty SQLite archive, for reference. The ratio
#    4 workers / 1 worker is reported, not asserted: on a machine with fewer
#    cores than workers, four cannot beat the cores. Checked: every file is
#    stored once (source_file = FILES, no attempts > 1, FILES run_file rows
#    ok or ok_warnings over the four runs), `check` is clean, and the
#    export of the four workers' archive is byte-identical to the one
#    worker's and to SQLite's.
# 2. Kill -9: ROUNDS (default 20) times, four workers on the same input into
#    one database (a fresh one after a round that left it complete, so every
#    round has work to cut), SIGKILLed all at once after a random time between 0 and
#    the four workers' wall time of step 1 ($RANDOM, seeded by SEED, which
#    is printed). After each round `check` must exit 0 and the document
#    count must not go down (no committed document lost); no reader process
#    may outlive its killed worker. Then one uninterrupted ingest: its
#    export must equal the one worker's of step 1.
# Every check prints PASS or FAIL; the exit status is 1 on any FAIL.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-400}
kill_rounds=${ROUNDS:-20}
seed=${SEED:-$(date +%s)}
tool=build/motiearchief
[ -x "$tool" ] || bash scripts/build.sh >/dev/null
work=$(mktemp -d)
pgdir=/tmp/ma-pg-bench-$$
running=() # workers started and not yet waited for
# shellcheck disable=SC2317  # run by the trap
cleanup() {
  for p in "${running[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  bash scripts/postgres-test-server.sh stop "$pgdir" >/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
# A copy of the binary: a rebuild during the run does not change it.
cp "$tool" "$work/motiearchief"
tool=$work/motiearchief
python3 bench/make_motions.py files "$work/in" "$n"
mapfile -t files < <(ls "$work"/in/*.pdf)
url=$(bash scripts/postgres-test-server.sh start "$pgdir")

now() { date +%s.%N; }
# The URL of database $1 on the server: the name swapped into its URL.
db() { printf '%s' "${url/@\/postgres\?/@/$1?}"; }
create_db() { psql "$url" -qc "CREATE DATABASE $1"; }
sql() { psql "$1" -Atqc "$2"; }

failed=0
pass() { printf 'PASS  %s\n' "$1"; }
fail() {
  printf 'FAIL  %s\n' "$1"
  failed=1
}
expect() { # NAME ACTUAL EXPECTED
  if [ "$2" = "$3" ]; then pass "$1 ($2)"; else fail "$1 ($2, expected $3)"; fi
}
# Says how two exports differ: order only, or content.
same_export() { # NAME A B
  if cmp -s "$2" "$3"; then
    pass "$1"
  elif cmp -s <(sort "$2") <(sort "$3"); then
    fail "$1 (the same $(wc -l <"$2") records, in another order)"
  else
    fail "$1 ($(wc -l <"$2") against $(wc -l <"$3") records; $(comm -3 <(sort "$2") \
      <(sort "$3") | wc -l) records in one only)"
  fi
}
# Shows a worker's output when it ended otherwise than expected.
show_log() { sed 's/^/      | /' "$1" | tail -n 20; }

printf 'files: %d, cores: %d, PostgreSQL server: %s\n' "${#files[@]}" "$(nproc)" "$pgdir"

# --- 1. One worker against four -------------------------------------------
create_db one
create_db four
rc=0
t0=$(now)
"$tool" --db "$(db one)" ingest -q --jobs 1 "${files[@]}" >"$work/one.log" 2>&1 || rc=$?
t1=$(now)
one=$(echo "$t1 - $t0" | bc -l)
[ "$rc" -eq 0 ] || { fail "1 worker: ingest exit $rc"; show_log "$work/one.log"; }

pids=()
t0=$(now)
for w in 1 2 3 4; do
  "$tool" --db "$(db four)" ingest -q --jobs 1 "${files[@]}" >"$work/four-$w.log" 2>&1 &
  pids+=($!)
done
running=("${pids[@]}")
codes=()
for p in "${pids[@]}"; do
  rc=0
  wait "$p" || rc=$?
  codes+=("$rc")
done
t1=$(now)
running=()
four=$(echo "$t1 - $t0" | bc -l)
for w in 1 2 3 4; do
  rc=${codes[$((w - 1))]}
  [ "$rc" -eq 0 ] || { fail "4 workers: worker $w exit $rc"; show_log "$work/four-$w.log"; }
done

rc=0
t0=$(now)
"$tool" --db "$work/s.db" ingest -q --jobs 1 "${files[@]}" >"$work/sqlite.log" 2>&1 || rc=$?
t1=$(now)
sqlite=$(echo "$t1 - $t0" | bc -l)
[ "$rc" -eq 0 ] || { fail "SQLite 1 worker: ingest exit $rc"; show_log "$work/sqlite.log"; }

printf 'PostgreSQL, 1 worker: %.3f s\n' "$one"
printf 'PostgreSQL, 4 workers at once: %.3f s (files stored by each: %s)\n' "$four" \
  "$(sql "$(db four)" "SELECT string_agg(stored::text, ' ' ORDER BY id) FROM ingest_run")"
printf 'SQLite, 1 worker: %.3f s\n' "$sqlite"
printf 'ratio 4 workers / 1 worker: %.2f (SQLite / PostgreSQL 1 worker: %.2f)\n' \
  "$(echo "$four / $one" | bc -l)" "$(echo "$sqlite / $one" | bc -l)"

expect "4 workers: source_file rows" "$(sql "$(db four)" "SELECT count(*) FROM source_file")" "$n"
expect "4 workers: files with attempts > 1" \
  "$(sql "$(db four)" "SELECT count(*) FROM source_file WHERE attempts > 1")" 0
expect "4 workers: run_file rows ok/ok_warnings (each file stored by one run)" \
  "$(sql "$(db four)" "SELECT count(*) FROM run_file WHERE status IN ('ok','ok_warnings')")" "$n"
rc=0
"$tool" --db "$(db four)" check >"$work/check.log" 2>&1 || rc=$?
if [ "$rc" -eq 0 ]; then pass "4 workers: check"; else
  fail "4 workers: check exit $rc"
  show_log "$work/check.log"
fi
"$tool" --db "$(db one)" export -o "$work/one.jsonl"
"$tool" --db "$(db four)" export -o "$work/four.jsonl"
"$tool" --db "$work/s.db" export -o "$work/sqlite.jsonl"
same_export "export: 4 workers = 1 worker" "$work/four.jsonl" "$work/one.jsonl"
same_export "export: 4 workers = SQLite" "$work/four.jsonl" "$work/sqlite.jsonl"

# --- 2. Kill -9 -----------------------------------------------------------
RANDOM=$seed
max_ms=$(printf '%.0f' "$(echo "$four * 1000" | bc -l)")
printf 'kill -9: %d rounds of 4 workers, each killed after 0 to %d ms (SEED=%s)\n' \
  "$kill_rounds" "$max_ms" "$seed"
# Once a round leaves the archive complete, the next starts on a fresh
# database, so that every round has work to interrupt.
generation=1
create_db kills_1
kills=0 started=0 previous=0 lost=0 bad_check=0 bad_exit=0 orphans=0
for ((r = 1; r <= kill_rounds; r++)); do
  ms=$((((RANDOM << 15) | RANDOM) % (max_ms + 1)))
  pids=()
  for w in 1 2 3 4; do
    "$tool" --db "$(db "kills_$generation")" ingest -q --jobs 1 "${files[@]}" >"$work/kill-$r-$w.log" 2>&1 &
    pids+=($!)
  done
  running=("${pids[@]}")
  started=$((started + 4))
  sleep "$((ms / 1000)).$(printf '%03d' $((ms % 1000)))"
  # The reader processes (children of the workers) as they are now.
  readers=()
  for p in "${pids[@]}"; do
    mapfile -t -O "${#readers[@]}" readers < <(pgrep -P "$p" || true)
  done
  kill -9 "${pids[@]}" 2>/dev/null || true
  killed=0
  for w in 1 2 3 4; do
    rc=0
    wait "${pids[$((w - 1))]}" 2>/dev/null || rc=$? # no "Killed" line from bash
    if [ "$rc" -eq 137 ]; then
      killed=$((killed + 1))
    elif [ "$rc" -ne 0 ]; then
      # It ended by itself before the kill, and not well.
      fail "round $r: worker $w exit $rc before the kill"
      show_log "$work/kill-$r-$w.log"
      bad_exit=$((bad_exit + 1))
    fi
  done
  running=()
  kills=$((kills + killed))
  # A reader notices its worker is gone; give it 5 s.
  left=0
  for ((t = 0; t < 50; t++)); do
    left=0
    for p in "${readers[@]}"; do
      if kill -0 "$p" 2>/dev/null; then left=$((left + 1)); fi
    done
    [ "$left" -eq 0 ] && break
    sleep 0.1
  done
  orphans=$((orphans + left))
  rc=0
  "$tool" --db "$(db "kills_$generation")" check >"$work/check.log" 2>&1 || rc=$?
  docs=$(sql "$(db "kills_$generation")" "SELECT count(*) FROM document")
  note=""
  if [ "$rc" -ne 0 ]; then
    bad_check=$((bad_check + 1))
    note+=", check exit $rc"
  fi
  if [ "$docs" -lt "$previous" ]; then
    lost=$((lost + 1))
    note+=", $((previous - docs)) documents LOST"
  fi
  [ "$left" -eq 0 ] || note+=", $left reader processes still running"
  printf 'round %2d: killed after %5d ms, %d of 4 workers still running, documents: %d%s\n' \
    "$r" "$ms" "$killed" "$docs" "$note"
  [ "$rc" -eq 0 ] || show_log "$work/check.log"
  previous=$docs
  if [ "$docs" -ge "$(sql "$(db one)" "SELECT count(*) FROM document")" ] && [ "$r" -lt "$kill_rounds" ]; then
    generation=$((generation + 1))
    create_db "kills_$generation"
    previous=0
  fi
done
printf 'kills: %d (workers killed while running, of %d started)\n' "$kills" "$started"
expect "kill -9: rounds where check failed" "$bad_check" 0
expect "kill -9: rounds where the document count went down" "$lost" 0
expect "kill -9: workers that failed by themselves" "$bad_exit" 0
expect "kill -9: reader processes outliving their killed worker" "$orphans" 0

rc=0
t0=$(now)
"$tool" --db "$(db "kills_$generation")" ingest -q --jobs 1 "${files[@]}" >"$work/final.log" 2>&1 || rc=$?
t1=$(now)
printf 'final uninterrupted ingest: %.3f s, exit %d: %s\n' "$(echo "$t1 - $t0" | bc -l)" "$rc" \
  "$(tail -n 1 "$work/final.log")"
[ "$rc" -eq 0 ] || { fail "final ingest exit $rc"; show_log "$work/final.log"; }
expect "after kill -9: source_file rows" "$(sql "$(db "kills_$generation")" "SELECT count(*) FROM source_file")" "$n"
expect "after kill -9: documents" "$(sql "$(db "kills_$generation")" "SELECT count(*) FROM document")" \
  "$(sql "$(db one)" "SELECT count(*) FROM document")"
rc=0
"$tool" --db "$(db "kills_$generation")" check >"$work/check.log" 2>&1 || rc=$?
if [ "$rc" -eq 0 ]; then pass "after kill -9: check"; else
  fail "after kill -9: check exit $rc"
  show_log "$work/check.log"
fi
"$tool" --db "$(db "kills_$generation")" export -o "$work/kills.jsonl"
same_export "export after kill -9 = 1 worker" "$work/kills.jsonl" "$work/one.jsonl"

if [ "$failed" -eq 0 ]; then echo "all checks PASS"; else echo "some checks FAIL (SEED=$seed)"; fi
exit "$failed"
