#!/usr/bin/env bash
# Load run: starts the already-built server in demo mode on a fresh SQLite file, drives it with
# scripts/load.mjs (200 simulated people for 60 s by default), stops it and exits with load.mjs's
# status (0: no request failed). It builds nothing: run `cargo leptos build [--release]` first.
#
#   scripts/load.sh [--city] [--users=200] [--duration=60] [--think=1000] [--ramp=10]
#
# --city runs a real organisation instead of the demo: a server outside demo mode (its own
# session secret), the first administrator made by `server create-admin`, the invented city of
# scripts/city-export.mjs (4,010 nodes, 50,000 people) brought in by `server import`, and the
# people load.mjs simulates given a password by `server set-password`. Its chefs start by
# planning the year, as in a new organisation.
#
# ARSHJUL_LOAD_PROFILE=debug|release picks the binary (default: release if built, else debug);
# ARSHJUL_LOAD_PORT the port (3200, clear of the end-to-end suite's 3100).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -n "${ARSHJUL_LOAD_PROFILE:-}" ]; then
  binary="target/$ARSHJUL_LOAD_PROFILE/server"
elif [ -x target/release/server ]; then
  binary=target/release/server
else
  binary=target/debug/server
fi
if [ ! -x "$binary" ] || [ ! -d target/site ]; then
  echo "No $binary or target/site: build first (cargo leptos build --release)." >&2
  exit 2
fi
# A stale release binary would measure yesterday's code; say so rather than guess.
if [ "$binary" = target/release/server ] && [ target/debug/server -nt "$binary" ]; then
  echo "Note: target/release/server is older than target/debug/server" \
    "(ARSHJUL_LOAD_PROFILE=debug uses the latter)." >&2
fi

city=0
pass_on=()
for arg in "$@"; do
  if [ "$arg" = --city ]; then city=1; else pass_on+=("$arg"); fi
done

port="${ARSHJUL_LOAD_PORT:-3200}"
base="http://127.0.0.1:$port"
# Another server on the port would be measured instead of ours.
if curl -sf -o /dev/null "$base/healthz"; then
  echo "Something already answers on $base; stop it or set ARSHJUL_LOAD_PORT." >&2
  exit 2
fi

data=$(mktemp -d -t arshjul-load.XXXXXX)
export DATABASE_URL="sqlite://$data/arshjul.db"
mode=(ARSHJUL_DEMO=1)
if [ "$city" = 1 ]; then
  # A password nobody guesses, for the administrator and every simulated person.
  password="stadens lasttest $(head -c 9 /dev/urandom | base64 | tr -d '/+=')"
  echo "City: creating the administrator, the export and its import (about a minute)"
  ARSHJUL_ADMIN_PASSWORD="$password" "$binary" create-admin --org "Exempelstad" \
    --name "Ada Admin" --email admin@stad.example.se >/dev/null
  node scripts/city-export.mjs "$data/city"
  "$binary" import "$data/city/enheter.csv" "$data/city/personer.csv" | tail -1
  { echo admin@stad.example.se; cat "$data/city/konton.txt"; } >"$data/accounts.txt"
  ARSHJUL_ADMIN_PASSWORD="$password" "$binary" set-password --emails-from "$data/accounts.txt"
  mode=(
    ARSHJUL_SESSION_SECRET="$(head -c 48 /dev/urandom | base64)"
    ARSHJUL_SECURE_COOKIES=0
    ARSHJUL_PUBLIC_URL="$base"
  )
  pass_on+=("--accounts=$data/accounts.txt")
  export LOAD_PASSWORD="$password"
fi
# Demo mode seeds the demo organisation and lists its sign-ins; the per-address sign-in
# throttle is raised since every simulated person signs in from 127.0.0.1. No SMTP: notices
# stay in the outbox.
env "${mode[@]}" \
  LEPTOS_SITE_ADDR="127.0.0.1:$port" \
  LEPTOS_SITE_ROOT=target/site \
  ARSHJUL_SIGN_IN_ATTEMPTS_PER_HOUR=100000 \
  RUST_LOG="${RUST_LOG:-warn}" \
  "$binary" >"$data/server.log" 2>&1 &
server=$!
cleanup() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT

echo "Server: $binary on $base (database in $data)"
for _ in $(seq 1 120); do
  curl -sf -o /dev/null "$base/healthz" && break
  if ! kill -0 "$server" 2>/dev/null; then
    echo "The server stopped while starting:" >&2
    cat "$data/server.log" >&2
    exit 2
  fi
  sleep 0.5
done

status=0
node scripts/load.mjs --base="$base" "${pass_on[@]}" || status=$?

# A panicking request handler shows in the client only as a dropped connection; the server's
# own account of it is in its log, which is deleted with the temporary folder.
panics=$(grep -c 'panicked at' "$data/server.log" || true)
if [ "$panics" -gt 0 ]; then
  echo
  echo "The server log has $panics panic(s); their messages (a debug build names the line):"
  grep -A1 'panicked at' "$data/server.log" | grep -v -e 'panicked at' -e '^--$' |
    sed 's/, but it has already been disposed\.//' | sort | uniq -c | sort -rn || true
  [ "$status" -ne 0 ] || status=1
fi
exit "$status"
