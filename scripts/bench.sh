#!/usr/bin/env bash
# Measures Årshjul's release build and reports, asserting nothing. For each page a phone or a
# chef opens most: the wasm and JS its first load fetches (raw and brotli, as served), the SQL
# queries one render runs, and the server's throughput and p99 latency at 32 keep-alive
# connections next to nginx serving the very same bytes; then Lighthouse's mobile scores for the
# next APT (an employee) and the plan page (its chef).
#
# It measures the small demo and then the city (`ARSHJUL_DEMO=city`: the demo beside 4,000 units,
# 50,000 people and five years of records), the same pages for the same people, and the city's
# own pages for its people.
#
#   BENCH_SECONDS   how long wrk runs per page (default 10)
#   BENCH_DEMOS     the demos to measure (default "1 city")
#   BENCH_SKIP      a list of parts to leave out: lighthouse, wrk
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ARSHJUL_ROOT"
bash scripts/setup.sh
seconds="${BENCH_SECONDS:-10}"
skip="${BENCH_SKIP:-}"

# The benchmark's own tools: wrk and nginx from Debian, Lighthouse from npm (Debian's Chromium).
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
if [ ! -x scripts/bench-tools/node_modules/.bin/lighthouse ]; then
  # `npm install` from the lock file: one of Lighthouse's dependencies asks for "latest" of
  # another, which `npm ci` refuses.
  (cd scripts/bench-tools && PUPPETEER_SKIP_DOWNLOAD=1 npm install --no-audit --no-fund)
fi

cargo leptos build --release --precompress

work=$(mktemp -d)
chmod 755 "$work"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; rm -rf "$work"' EXIT

port="${BENCH_PORT:-3300}"
base="http://127.0.0.1:$port"
# The server on the demo's database ($1: 1 or city), seeded once and kept for the next start;
# $2 is its log level (queries are counted from the log).
start_server() {
  if [ ${#pids[@]} -gt 0 ]; then
    kill "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
  fi
  pids=()
  local started=$SECONDS
  DATABASE_URL="sqlite://$work/bench-$1.db" ARSHJUL_DEMO="$1" \
    ARSHJUL_REQUESTS_PER_MINUTE=0 LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_SITE_ROOT=target/site \
    RUST_LOG="$2" target/release/server >"$work/server.log" 2>&1 &
  pids=($!)
  for _ in $(seq 1 1800); do
    if curl -sf "$base/healthz" >/dev/null; then
      if [ $((SECONDS - started)) -gt 5 ]; then
        echo "(the $1 demo started in $((SECONDS - started)) s)"
      fi
      return 0
    fi
    sleep 1
  done
  echo "the server did not start" >&2
  exit 1
}
sign_in() {
  curl -s -c "$work/$1.jar" -b "$work/$1.jar" -H 'Accept: text/html' \
    -H "Referer: $base/logga-in" --data "email=$2&password=demo1234" \
    "$base/api/logga-in" >/dev/null
}
sign_in_all() {
  sign_in chef anna.lindqvist%40exempelstad.se
  sign_in employee mehmet.yilmaz%40exempelstad.se
  sign_in hr fredrik.holmqvist%40exempelstad.se
  if [ "$1" = city ]; then
    sign_in city-chef chef1%40storstad.example.se
    sign_in city-employee medarbetare1%40storstad.example.se
    sign_in city-hr hr%40storstad.example.se
  fi
}
cookie() { awk '$6 == "arshjul_session" { print $7 }' "$work/$1.jar"; }

# "Requests/sec" and the 99th percentile (in ms) of one wrk run.
run_wrk() {
  wrk -t2 -c32 -d"${seconds}s" --latency "$@" | python3 -c '
import re, sys
out = sys.stdin.read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
value, unit = re.search(r"99%\s+([\d.]+)(us|ms|s)", out).groups()
p99 = float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
print(f"{rps:.0f} {p99:.1f} {errors.group(1) if errors else 0}")'
}

# The pages measured, "name|who|path", for the demo in $1.
pages_of() {
  local unit meeting
  unit=$(curl -s -b "$work/chef.jar" "$base/" | grep -o 'href="/enhet/[0-9]*"' | head -1 | grep -o '[0-9]*')
  meeting=$(curl -s -b "$work/chef.jar" "$base/enhet/$unit" |
    grep -o "href=\"/enhet/$unit/mote/[0-9]*\"" | head -1 | grep -o '[0-9]*"$' | tr -d '"')
  pages=(
    "next APT|employee|/nasta-apt"
    "plan page|chef|/enhet/$unit"
    "agenda|chef|/enhet/$unit/mote/$meeting/dagordning"
    "roll-up|hr|/uppfoljning"
    "compliance|chef|/enhet/$unit/efterlevnad"
    "start page|chef|/"
  )
  if [ "$1" = city ]; then
    unit=$(curl -s -b "$work/city-chef.jar" "$base/" | grep -o 'href="/enhet/[0-9]*"' | head -1 | grep -o '[0-9]*')
    meeting=$(curl -s -b "$work/city-chef.jar" "$base/enhet/$unit" |
      grep -o "href=\"/enhet/$unit/mote/[0-9]*\"" | tail -1 | grep -o '[0-9]*"$' | tr -d '"')
    pages+=(
      "city APT|city-employee|/nasta-apt"
      "city plan|city-chef|/enhet/$unit"
      "city agenda|city-chef|/enhet/$unit/mote/$meeting/dagordning"
      "city roll-up|city-hr|/uppfoljning"
      "city compl.|city-chef|/enhet/$unit/efterlevnad"
    )
  fi
}

for demo in ${BENCH_DEMOS:-1 city}; do
  echo
  echo "######## ARSHJUL_DEMO=$demo"
  start_server "$demo" "warn,sqlx::query=debug"
  sign_in_all "$demo"
  pages_of "$demo"
  # The jobs a start sets off (reminders, the outbox) query too: count once they are done.
  lines=-1
  while [ "$lines" != "$(wc -l <"$work/server.log")" ]; do
    lines=$(wc -l <"$work/server.log")
    sleep 3
  done
  echo
  echo "== First load per page: wasm and JS fetched, and SQL queries per render"
  printf '%-13s %10s %10s %8s\n' page "JS+wasm" brotli queries
  for entry in "${pages[@]}"; do
    IFS='|' read -r name who path <<<"$entry"
    html="$work/page.html"
    curl -s -b "$work/$who.jar" "$base$path" >"$html" # warms the tree kept in memory
    before=$(grep -c 'sqlx::query' "$work/server.log" || true)
    curl -s -b "$work/$who.jar" "$base$path" >"$html"
    sleep 0.3
    after=$(grep -c 'sqlx::query' "$work/server.log" || true)
    raw=0 br=0
    for asset in $(grep -oE '/pkg/[^"'\'' )]+\.(js|wasm)' "$html" | sort -u); do
      file="target/site$asset"
      [ -f "$file" ] || continue
      raw=$((raw + $(stat -c %s "$file")))
      if [ -f "$file.br" ]; then br=$((br + $(stat -c %s "$file.br"))); else br=$((br + $(brotli -c "$file" | wc -c))); fi
    done
    printf '%-13s %10d %10d %8d\n' "$name" "$raw" "$br" $((after - before))
  done
  [[ " $skip " == *" wrk "* ]] && continue

  start_server "$demo" warn
  sign_in_all "$demo"
  # nginx serves each page's bytes as saved from the server, the same size and headers' weight.
  rm -rf "$work/nginx"
  mkdir -p "$work/nginx/html" "$work/nginx/logs"
  chmod -R 755 "$work/nginx"
  nginx_port=$((port + 1))
  cat >"$work/nginx/nginx.conf" <<EOF
worker_processes 2;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/nginx/html;
    default_type text/html;
  }
}
EOF
  i=0
  for entry in "${pages[@]}"; do
    IFS='|' read -r name who path <<<"$entry"
    curl -s -b "$work/$who.jar" "$base$path" >"$work/nginx/html/page$i.html"
    i=$((i + 1))
  done
  chmod 644 "$work"/nginx/html/*
  /usr/sbin/nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
  pids+=($!)
  sleep 1
  echo
  echo "== Throughput at 32 keep-alive connections, ${seconds} s each (nginx: the same bytes)"
  printf '%-13s %10s %9s %10s %9s %8s %7s\n' page "req/s" "p99 ms" "nginx r/s" "p99 ms" "of nginx" "non-2xx"
  i=0
  for entry in "${pages[@]}"; do
    IFS='|' read -r name who path <<<"$entry"
    read -r rps p99 errors < <(run_wrk -H "Cookie: arshjul_session=$(cookie "$who")" "$base$path")
    read -r nrps np99 _ < <(run_wrk "http://127.0.0.1:$nginx_port/page$i.html")
    share=$(python3 -c "print(f'{100 * $rps / $nrps:.1f} %')")
    printf '%-13s %10s %9s %10s %9s %8s %7s\n' "$name" "$rps" "$p99" "$nrps" "$np99" "$share" "$errors"
    i=$((i + 1))
  done
done

if [[ " $skip " != *" lighthouse "* ]]; then
  echo
  echo "== Lighthouse, mobile defaults (simulated slow 4G, 4x CPU), Debian's Chromium"
  printf '%-12s %12s %14s %8s %8s\n' page performance accessibility "TTI s" "TBT ms"
  plan=$(printf '%s\n' "${pages[@]}" | awk -F'|' '$1 == "plan page" { print $3 }')
  for entry in "next APT|employee|/nasta-apt" "plan page|chef|$plan"; do
    IFS='|' read -r name who path <<<"$entry"
    scripts/bench-tools/node_modules/.bin/lighthouse "$base$path" --quiet \
      --chrome-path=/usr/bin/chromium --chrome-flags="--headless=new --no-sandbox" \
      --only-categories=performance,accessibility --output=json --output-path="$work/lh.json" \
      --extra-headers="{\"Cookie\": \"arshjul_session=$(cookie "$who")\"}" >/dev/null 2>&1 || true
    python3 - "$name" "$work/lh.json" <<'EOF'
import json, sys
name, path = sys.argv[1], sys.argv[2]
try:
    report = json.load(open(path))
except (OSError, ValueError):
    print(f"{name:<12} (Lighthouse did not finish)")
    sys.exit()
score = lambda c: report["categories"][c]["score"]
audit = lambda a: report["audits"][a].get("numericValue") or 0
print(f"{name:<12} {score('performance'):>12.2f} {score('accessibility'):>14.2f}"
      f" {audit('interactive') / 1000:>8.1f} {audit('total-blocking-time'):>8.0f}")
EOF
  done
fi
