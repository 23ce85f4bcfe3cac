#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A throw-away PostgreSQL cluster for the tests: initdb + pg_ctl in a temporary folder, on
# 127.0.0.1 and a free port, as an unprivileged user (nobody when run as root, as CI does).
#
#   scripts/pg-test-server.sh start STATE   # starts one; writes STATE/uri (and STATE/data_dir)
#   scripts/pg-test-server.sh stop STATE    # stops it and removes its folder (always exits 0)
#   scripts/pg-test-server.sh run CMD...    # starts one, runs CMD with COMB_PG_URI set, stops it
#   scripts/pg-test-server.sh halt STATE    # stops the server, keeping its data (a server going away)
#   scripts/pg-test-server.sh resume STATE  # starts it again on the same port
#
# fsync is off (a test server need not survive power loss) unless COMB_PG_DURABLE=1.
# The URI carries a password (scram-sha-256 on TCP): postgresql://comb:PASS@127.0.0.1:PORT/postgres,
# with ?sslmode=disable when the server offers TLS (enable_tls).
# Without the PostgreSQL server binaries, `start` says so, writes no uri and exits 0: the
# PostgreSQL halves of the tests then say "no PostgreSQL server" and skip.
set -euo pipefail

bindir=""
for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && bindir="$d"; done
if [ -z "$bindir" ] && command -v pg_config >/dev/null; then
  d="$(pg_config --bindir)"; [ -x "$d/initdb" ] && bindir="$d"
fi

as_owner() {  # runs a command as the cluster's owner
  if [ "$(id -u)" -eq 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null ||
    echo $((20000 + RANDOM % 20000))
}

# TLS as a team server would have it: a self-signed certificate, and logins named
# the login comb_tls may connect only encrypted (tests/shared/test_tls.cpp). Others may use either.
enable_tls() {
  local data="$1"
  command -v openssl >/dev/null || { echo "pg-test-server: no openssl, so no TLS: TLS tests will skip" >&2; return 0; }
  openssl req -new -x509 -days 2 -nodes -subj "/CN=127.0.0.1" -keyout "$data/server.key" \
    -out "$data/server.crt" >/dev/null 2>&1 || { echo "pg-test-server: openssl failed, so no TLS" >&2; return 0; }
  chmod 600 "$data/server.key"
  [ "$(id -u)" -eq 0 ] && chown nobody:nogroup "$data/server.key" "$data/server.crt"
  echo "ssl = on" >>"$data/postgresql.conf"
  { echo "hostnossl all comb_tls 127.0.0.1/32 reject"; cat "$data/pg_hba.conf"; } >"$data/pg_hba.new"
  mv "$data/pg_hba.new" "$data/pg_hba.conf"
  [ "$(id -u)" -eq 0 ] && chown nobody:nogroup "$data/pg_hba.conf"
}

start() {
  local state="$1"
  mkdir -p "$state"
  rm -f "$state/uri" "$state/data_dir"
  if [ -z "$bindir" ]; then
    echo "pg-test-server: no PostgreSQL server installed (apt-get install postgresql); PostgreSQL tests will skip" >&2
    return 0
  fi
  local dir; dir="$(mktemp -d /tmp/comb-pg.XXXXXX)"
  chmod 755 "$dir"
  echo "$dir" >"$state/data_dir"
  local password; password="t$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
  printf '%s\n' "$password" >"$dir/pwfile"
  [ "$(id -u)" -eq 0 ] && chown -R nobody:nogroup "$dir"
  as_owner "$bindir/initdb" -D "$dir/data" -U comb --pwfile="$dir/pwfile" --auth-local=trust \
    --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
  rm -f "$dir/pwfile"
  enable_tls "$dir/data"
  # Tests need no durability; COMB_PG_DURABLE=1 (benches) keeps PostgreSQL's defaults.
  local speed="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [ "${COMB_PG_DURABLE:-0}" = 1 ] && speed=""
  local port=""
  for _ in 1 2 3 4 5; do
    port="$(free_port)"
    local opts="-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir $speed -c max_connections=60"
    if as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start -o "$opts" >/dev/null; then
      echo "$opts" >"$state/opts"
      # The other tests connect unencrypted, as before TLS was offered (a handshake per CLI call).
      local query=""
      [ -f "$dir/data/server.crt" ] && query="?sslmode=disable"
      echo "postgresql://comb:$password@127.0.0.1:$port/postgres$query" >"$state/uri"
      echo "pg-test-server: PostgreSQL on 127.0.0.1:$port (data in $dir)"
      return 0
    fi
  done
  cat "$dir/server.log" >&2
  exit 1
}

stop() {
  local state="$1"
  [ -f "$state/data_dir" ] || return 0
  local dir; dir="$(cat "$state/data_dir")"
  if [ -n "$bindir" ] && [ -d "$dir/data" ]; then
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  case "$dir" in /tmp/comb-pg.*) rm -rf "$dir" ;; esac
  rm -f "$state/uri" "$state/data_dir" "$state/opts"
  echo "pg-test-server: stopped"
}

halt() {
  local dir; dir="$(cat "$1/data_dir")"
  as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
}

resume() {
  local dir; dir="$(cat "$1/data_dir")"
  as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start -o "$(cat "$1/opts")" >/dev/null
}

case "${1:-}" in
  halt) halt "${2:?state folder}" ;;
  resume) resume "${2:?state folder}" ;;
  start) start "${2:?state folder}" ;;
  stop) stop "${2:?state folder}" || true ;;
  run)
    shift
    state="$(mktemp -d /tmp/comb-pg-state.XXXXXX)"
    trap 'stop "$state"; rm -rf "$state"' EXIT
    start "$state"
    if [ -f "$state/uri" ]; then COMB_PG_URI="$(cat "$state/uri")"; export COMB_PG_URI; fi
    "$@"
    ;;
  *) echo "usage: $0 start STATE | stop STATE | run CMD..." >&2; exit 2 ;;
esac
