#!/usr/bin/env bash
# Starts the built server for the end-to-end suite: demo mode on a fresh SQLite file.
set -euo pipefail
cd "$(dirname "$0")/.."
profile="${ARSHJUL_E2E_PROFILE:-debug}"
data="target/e2e-data"
rm -rf "$data"
mkdir -p "$data"
export DATABASE_URL="sqlite://$data/arshjul.db"
export ARSHJUL_DEMO=1
export LEPTOS_SITE_ADDR="127.0.0.1:${ARSHJUL_E2E_PORT:-3100}"
export LEPTOS_SITE_ROOT="target/site"
export RUST_LOG="${RUST_LOG:-warn}"
exec "target/$profile/server"
