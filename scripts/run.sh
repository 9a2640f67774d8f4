#!/usr/bin/env bash
# Builds Årshjul in release mode and starts it at http://127.0.0.1:3000 on the embedded default:
# a SQLite file under ./data/, created and migrated on start, seeded with demo data on first start.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ARSHJUL_ROOT"
bash scripts/setup.sh

echo
echo "==> Building (release)"
cargo leptos build --release --precompress

export ARSHJUL_DEMO="${ARSHJUL_DEMO:-1}"
export LEPTOS_SITE_ADDR="${LEPTOS_SITE_ADDR:-127.0.0.1:3000}"
export LEPTOS_SITE_ROOT="target/site"
export LEPTOS_ENV="PROD"
export RUST_LOG="${RUST_LOG:-info,sqlx=warn}"

echo
echo "Årshjul startar på http://$LEPTOS_SITE_ADDR"
if [ "$ARSHJUL_DEMO" = "1" ]; then
  echo "Demokonton (lösenord demo1234), bland andra:"
  echo "  anna.lindqvist@exempelstad.se     Enhetschef, Hemtjänst Norr"
  echo "  mehmet.yilmaz@exempelstad.se      Medarbetare, Hemtjänst Norr"
  echo "  sofia.bergstrom@exempelstad.se    Skyddsombud, Avdelningen för äldreomsorg"
  echo "  fredrik.holmqvist@exempelstad.se  HR, Socialförvaltningen"
  echo "  elif.demir@exempelstad.se         Administratör, Exempelstad"
  echo "Alla demokonton listas på inloggningssidan."
fi
exec target/release/server
