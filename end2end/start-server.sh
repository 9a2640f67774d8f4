#!/usr/bin/env bash
# Starts the built server for the end-to-end suite: demo mode on a fresh SQLite file, mailing
# notices to a real local SMTP server (smtp-sink.mjs) that the tests read back, and offering
# sign-in through a real local OpenID provider (oidc-provider.mjs) beside the demo's passwords;
# and beside it a server of a new, empty organisation for the first-run flow.
set -euo pipefail
cd "$(dirname "$0")/.."
profile="${ARSHJUL_E2E_PROFILE:-debug}"
data="target/e2e-data"
rm -rf "$data"
mkdir -p "$data"
# The debug build is not precompressed (cargo-leptos does that in release builds only): compress
# its assets once here, quickly, so the server never compresses the wasm for each test's browser.
for f in target/site/pkg/*; do
  case "$f" in *.br|*.gz) continue ;; esac
  brotli -f -k -q 4 "$f"
  gzip -f -k -5 "$f"
done
smtp_port="${ARSHJUL_SMTP_SINK_PORT:-2525}"
port="${ARSHJUL_E2E_PORT:-3100}"
oidc_port="${ARSHJUL_OIDC_PORT:-3190}"
export ARSHJUL_OIDC_CLIENT_ID=arshjul
export ARSHJUL_OIDC_CLIENT_SECRET=e2e-secret-for-the-local-provider
node end2end/smtp-sink.mjs &
sink=$!
ARSHJUL_E2E_PORT="$port" ARSHJUL_OIDC_PORT="$oidc_port" node end2end/oidc-provider.mjs &
provider=$!
trap 'kill $sink $provider 2>/dev/null || true' EXIT
export ARSHJUL_SMTP_HOST=127.0.0.1
export ARSHJUL_SMTP_PORT="$smtp_port"
export ARSHJUL_SMTP_TLS=none
export ARSHJUL_MAIL_FROM="Årshjul <arshjul@exempelstad.se>"
export LEPTOS_SITE_ROOT="target/site"
export RUST_LOG="${RUST_LOG:-warn}"

# A second server as a new organisation meets it (first-run.spec.ts): no demo, an empty
# database, and the one administrator `server create-admin` makes.
fresh_port="${ARSHJUL_E2E_FRESH_PORT:-3101}"
(
  unset ARSHJUL_TODAY # the clock is settable in demo mode only
  unset ARSHJUL_OIDC_CLIENT_ID ARSHJUL_OIDC_CLIENT_SECRET # local accounts only
  export DATABASE_URL="sqlite://$data/fresh.db"
  export ARSHJUL_ADMIN_PASSWORD="${ARSHJUL_E2E_ADMIN_PASSWORD:-forsta administratoren 2026}"
  "target/$profile/server" create-admin --name "Ada Administratör" --email ada.admin@nyastad.se >/dev/null
  export ARSHJUL_SESSION_SECRET="e2e-session-secret-of-the-fresh-organisation"
  export ARSHJUL_SECURE_COOKIES=0
  export LEPTOS_SITE_ADDR="127.0.0.1:$fresh_port"
  export ARSHJUL_PUBLIC_URL="http://127.0.0.1:$fresh_port"
  exec "target/$profile/server"
) &
fresh=$!
trap 'kill $sink $provider $fresh 2>/dev/null || true' EXIT

export DATABASE_URL="sqlite://$data/arshjul.db"
export ARSHJUL_DEMO=1
export LEPTOS_SITE_ADDR="127.0.0.1:$port"
export ARSHJUL_PUBLIC_URL="http://127.0.0.1:$port"
export ARSHJUL_OIDC_ISSUER="http://127.0.0.1:$oidc_port"
export ARSHJUL_OIDC_NAME="Exempelstads konto"
export ARSHJUL_SIGN_IN_ATTEMPTS_PER_HOUR=100000
"target/$profile/server"
