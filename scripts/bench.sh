#!/usr/bin/env bash
# Measures Årshjul's release build and reports, asserting nothing: wasm/JS/CSS sizes (raw and
# brotli, as served) and server-rendered page latency on loopback for a signed-in demo chef.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ARSHJUL_ROOT"
bash scripts/setup.sh
requests="${BENCH_REQUESTS:-200}"

cargo leptos build --release --precompress

echo
echo "== Bundle sizes (bytes)"
printf '%-8s %12s %12s\n' file raw brotli
for pattern in 'arshjul.*.wasm' 'arshjul.*.js' 'arshjul.*.css'; do
  for f in target/site/pkg/$pattern; do
    [ -f "$f" ] || continue
    printf '%-8s %12d %12d\n' "${f##*.}" "$(stat -c %s "$f")" "$(brotli -c -q 11 "$f" | wc -c)"
  done
done

port="${BENCH_PORT:-3300}"
data=$(mktemp -d)
DATABASE_URL="sqlite://$data/bench.db" ARSHJUL_DEMO=1 LEPTOS_SITE_ADDR="127.0.0.1:$port" \
  LEPTOS_SITE_ROOT=target/site RUST_LOG=warn target/release/server >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 1; done

jar="$data/cookies"
curl -s -c "$jar" -b "$jar" -H 'Accept: text/html' -H "Referer: http://127.0.0.1:$port/logga-in" \
  --data 'email=anna.lindqvist%40exempelstad.se&password=demo1234' \
  "http://127.0.0.1:$port/api/logga-in" >/dev/null
unit=$(curl -s -b "$jar" "http://127.0.0.1:$port/" | grep -o 'href="/enhet/[0-9]*"' | head -1 | grep -o '[0-9]*')

measure() {
  local name="$1" url="$2"
  for _ in $(seq 1 "$requests"); do
    curl -s -o /dev/null -b "$jar" -w '%{time_total}\n' "$url"
  done | python3 -c "
import sys
t = sorted(float(x) * 1000 for x in sys.stdin)
p = lambda q: t[min(len(t) - 1, int(q * len(t)))]
print(f'{sys.argv[1]:<12} n={len(t)}  p50={p(0.5):.1f} ms  p90={p(0.9):.1f} ms  p99={p(0.99):.1f} ms')
" "$name"
}

echo
echo "== Server-rendered pages, sequential requests on loopback ($requests each)"
measure "start page" "http://127.0.0.1:$port/"
measure "plan page" "http://127.0.0.1:$port/enhet/$unit"
measure "checklists" "http://127.0.0.1:$port/enhet/$unit/checklistor"
measure "action plan" "http://127.0.0.1:$port/enhet/$unit/atgarder"
hr="$data/hr-cookies"
curl -s -c "$hr" -b "$hr" -H 'Accept: text/html' -H "Referer: http://127.0.0.1:$port/logga-in" \
  --data 'email=fredrik.holmqvist%40exempelstad.se&password=demo1234' \
  "http://127.0.0.1:$port/api/logga-in" >/dev/null
jar="$hr"
measure "roll-up" "http://127.0.0.1:$port/uppfoljning"
measure "all actions" "http://127.0.0.1:$port/uppfoljning/atgarder"
measure "healthz" "http://127.0.0.1:$port/healthz"
