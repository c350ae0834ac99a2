#!/usr/bin/env bash
# A private, throwaway PostgreSQL 15 server for the tests.
#
#   scripts/postgres-test-server.sh start DIR   # prints the URL of its `postgres` database
#   scripts/postgres-test-server.sh url   DIR   # prints the same URL
#   scripts/postgres-test-server.sh stop  DIR   # stops it and removes DIR
#
# `start` makes DIR, a fresh cluster in DIR/data (user `postgres`, trust authentication,
# UTF8, C.UTF-8) and starts a server that listens only on the Unix socket DIR/.s.PGSQL.5432
# (no TCP port, so servers for different DIRs never collide); its log is DIR/log. A server
# already running from DIR is reused. It prints exactly one line on stdout, the libpq URL
#
#   postgresql://postgres@/postgres?host=DIR
#
# (e.g. `psql "$(scripts/postgres-test-server.sh url /tmp/ma-pg-x)"`). Tests create their own
# database in it (tests/archive/postgres_test_db.h) and drop it afterwards. `stop` never
# fails when the server is already stopped or DIR is already gone.
#
# CTest runs `start` and `stop` as the fixture postgres_server (tests/CMakeLists.txt), with
# DIR = /tmp/ma-pg-<hash of the build directory>, and hands the URL to every test binary as
# MA_TEST_POSTGRES. DIR must be short: a Unix socket path holds at most 107 bytes.
#
# Run as root (as in CI), the server runs as the `postgres` system user (initdb and pg_ctl
# refuse to run as root), and DIR belongs to that user. Otherwise it runs as you.
#
# The binaries are taken from $PG_BINDIR if set, else /usr/lib/postgresql/15/bin (Debian's
# postgresql-15), else `pg_config --bindir`, else PATH.
#
# Any failure says why on stderr (with the end of the server log) and exits non-zero: the
# PostgreSQL tests then fail with that reason; they never skip.
set -euo pipefail

prog="postgres-test-server.sh"
marker=".postgres-test-server" # in DIR: it is ours, and `stop` may remove it

die() {
  echo "$prog: $*" >&2
  exit 1
}

usage() {
  echo "usage: $prog start|stop|url DIR" >&2
  exit 2
}

[ $# -eq 2 ] || usage
cmd=$1
dir=$2
[ -n "$dir" ] || usage
case "$dir" in
  /*) ;;
  *) dir="$(pwd)/$dir" ;;
esac
dir="${dir%/}"
# The directory goes into a URL unescaped: keep it to plain characters.
[[ "$dir" =~ ^/[A-Za-z0-9/._-]+$ ]] ||
  die "the server directory '$dir' may only hold letters, digits and / . _ -"
# 107 bytes for the socket path, of which "/.s.PGSQL.5432" takes 14.
[ ${#dir} -le 90 ] ||
  die "the server directory '$dir' is too long for a Unix socket path (at most 90 characters, e.g. under /tmp)"

url="postgresql://postgres@/postgres?host=$dir"

find_bindir() {
  local d
  for d in "${PG_BINDIR:-}" /usr/lib/postgresql/15/bin; do
    if [ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then
      echo "$d"
      return
    fi
  done
  if command -v pg_config >/dev/null 2>&1; then
    d="$(pg_config --bindir 2>/dev/null || true)"
    if [ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then
      echo "$d"
      return
    fi
  fi
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
    return
  fi
  die "no PostgreSQL server binaries (initdb, pg_ctl) in /usr/lib/postgresql/15/bin, pg_config --bindir or PATH: install the Debian package postgresql-15 (sudo scripts/install-deps.sh)"
}

# Runs a command as the server's user: `postgres` when we are root, else ourselves. From
# inside DIR (or /), since the postgres user may not be able to enter the current directory.
as_server_user() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd / && "$runuser" -u postgres -- "$@")
  else
    (cd / && "$@")
  fi
}

# runuser (util-linux) lives in /usr/sbin, which a root PATH may lack.
runuser="$(command -v runuser 2>/dev/null || true)"
for r in /usr/sbin/runuser /sbin/runuser; do
  if [ -z "$runuser" ] && [ -x "$r" ]; then
    runuser=$r
  fi
done
if [ "$(id -u)" -eq 0 ] && [ "$cmd" != url ] && [ -z "$runuser" ]; then
  die "running as root needs runuser (util-linux) to run the server as the user 'postgres'"
fi

running() {
  [ -f "$dir/data/PG_VERSION" ] || return 1
  as_server_user "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1
}

log_tail() {
  if [ -f "$dir/log" ]; then
    echo "--- last lines of $dir/log:" >&2
    tail -n 30 "$dir/log" >&2 || true
  fi
}

# Removes DIR, but only when it is ours (holds the marker) or empty.
remove_dir() {
  [ -e "$dir" ] || return 0
  if [ -f "$dir/$marker" ] || [ -z "$(ls -A "$dir" 2>/dev/null)" ]; then
    rm -rf "$dir"
  else
    die "$dir exists but was not made by $prog (no $marker in it): not removing it"
  fi
}

start() {
  if running; then
    echo "$url"
    return
  fi
  # Not running (never started, or left over from a crash or reboot): start afresh.
  remove_dir
  if [ "$(id -u)" -eq 0 ]; then
    id -u postgres >/dev/null 2>&1 ||
      die "running as root, and initdb refuses root: the server runs as the user 'postgres', which does not exist (it comes with the Debian package postgresql-15)"
  fi
  mkdir -p "$dir" || die "cannot create $dir"
  touch "$dir/$marker"
  chmod 700 "$dir"
  if [ "$(id -u)" -eq 0 ]; then
    chown -R postgres: "$dir" || die "cannot give $dir to the user postgres"
  fi

  if ! as_server_user "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust \
      --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1; then
    echo "$prog: initdb failed in $dir/data:" >&2
    tail -n 30 "$dir/initdb.log" >&2 || true
    exit 1
  fi

  # fsync, synchronous_commit and full_page_writes off: this is a throwaway test server,
  # and surviving an operating-system crash (what they are for) is not what the tests test.
  # Only the Unix socket in DIR, no TCP port.
  if ! as_server_user "$bindir/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 start \
      -o "-k $dir -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      >"$dir/pg_ctl.log" 2>&1; then
    echo "$prog: the PostgreSQL server in $dir did not start:" >&2
    cat "$dir/pg_ctl.log" >&2 || true
    log_tail
    exit 1
  fi
  if ! running; then
    echo "$prog: the PostgreSQL server in $dir started but is not running" >&2
    log_tail
    exit 1
  fi
  if [ -x "$bindir/pg_isready" ] && ! "$bindir/pg_isready" -q -h "$dir" -U postgres -d postgres -t 30; then
    echo "$prog: the PostgreSQL server in $dir runs but takes no connections on $dir/.s.PGSQL.5432" >&2
    log_tail
    exit 1
  fi
  echo "$url"
}

stop() {
  [ -e "$dir" ] || return 0
  if running; then
    # Immediate: the data directory is removed next, and a fast stop's
    # shutdown checkpoint wrote it out first (5-7 s after a full test run).
    as_server_user "$bindir/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
    if running; then
      echo "$prog: the PostgreSQL server in $dir does not stop" >&2
      log_tail
      exit 1
    fi
  fi
  remove_dir
}

case "$cmd" in
  start)
    bindir="$(find_bindir)"
    start
    ;;
  stop)
    [ -e "$dir" ] || exit 0
    bindir="$(find_bindir)"
    stop
    ;;
  url)
    echo "$url"
    ;;
  *)
    usage
    ;;
esac
