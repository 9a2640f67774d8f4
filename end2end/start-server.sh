#!/usr/bin/env bash
# Starts the built server for the end-to-end suite: demo mode on a fresh SQLite file, mailing
# notices to a real local SMTP server (smtp-sink.mjs) that the tests read back.
set -euo pipefail
cd "$(dirname "$0")/.."
profile="${ARSHJUL_E2E_PROFILE:-debug}"
data="target/e2e-data"
rm -rf "$data"
mkdir -p "$data"
smtp_port="${ARSHJUL_SMTP_SINK_PORT:-2525}"
node end2end/smtp-sink.mjs &
sink=$!
trap 'kill $sink 2>/dev/null || true' EXIT
export DATABASE_URL="sqlite://$data/arshjul.db"
export ARSHJUL_DEMO=1
export ARSHJUL_SMTP_HOST=127.0.0.1
export ARSHJUL_SMTP_PORT="$smtp_port"
export ARSHJUL_SMTP_TLS=none
export ARSHJUL_MAIL_FROM="Årshjul <arshjul@exempelstad.se>"
export LEPTOS_SITE_ADDR="127.0.0.1:${ARSHJUL_E2E_PORT:-3100}"
export LEPTOS_SITE_ROOT="target/site"
export ARSHJUL_SIGN_IN_ATTEMPTS_PER_HOUR=100000
export RUST_LOG="${RUST_LOG:-warn}"
"target/$profile/server"
