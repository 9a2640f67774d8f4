#!/usr/bin/env bash
# The HR import's benchmark, reported, never asserted: an invented city (4,010 nodes, 50,000
# people, scripts/city-export.mjs) imported into a fresh organisation, the same file again
# (nothing to change), and the next night's export (1 % of people gone, 1 % new, units renamed
# and moved), with `server import` on SQLite and, when ARSHJUL_TEST_PG_URL names a server, on
# PostgreSQL. It builds nothing: uses target/release/server if built, else target/debug/server.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=target/release/server
[ -x "$binary" ] || binary=target/debug/server
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
node scripts/city-export.mjs "$work/night1" >/dev/null
node scripts/city-export.mjs "$work/night2" --changed >/dev/null

run() {
  local url="$1" label="$2"
  DATABASE_URL="$url" ARSHJUL_ADMIN_PASSWORD='benchmark password 123' "$binary" create-admin \
    --org Staden --name Admin --email admin@stad.example.se >/dev/null
  for step in "first import:night1" "same file again:night1" "next night:night2"; do
    local name="${step%%:*}" files="${step##*:}"
    local start end
    start=$(date +%s.%N)
    local out
    out=$(DATABASE_URL="$url" "$binary" import "$work/$files/enheter.csv" "$work/$files/personer.csv" | tail -1)
    end=$(date +%s.%N)
    printf '%-11s %-16s %8.1f s   %s\n' "$label" "$name" "$(echo "$end - $start" | bc)" "$out"
  done
}

echo "binary: $binary"
run "sqlite://$work/city.db" SQLite
if [ -n "${ARSHJUL_TEST_PG_URL:-}" ]; then
  db="import_bench_$$"
  base="${ARSHJUL_TEST_PG_URL%/*}"
  psql "$ARSHJUL_TEST_PG_URL" -qc "CREATE DATABASE $db" >/dev/null
  run "$base/$db" PostgreSQL
  psql "$ARSHJUL_TEST_PG_URL" -qc "DROP DATABASE $db WITH (FORCE)" >/dev/null
fi
