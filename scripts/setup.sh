#!/usr/bin/env bash
# Installs what building, running and testing Årshjul needs on a fresh Debian machine, from
# Debian, crates.io and npm only. Every step is skipped when already done, so it is safe to re-run.
# The first run compiles cargo-leptos (about 30-45 minutes on two cores); later runs take seconds.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ARSHJUL_ROOT"

step() { printf '\n==> %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v brotli >/dev/null 2>&1 || missing+=(brotli)
# The PDF documents' engine, and poppler's pdftotext, which the end-to-end tests read them with.
command -v weasyprint >/dev/null 2>&1 || missing+=(weasyprint)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
command -v node >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  step "Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! cargo leptos --version 2>/dev/null | grep -q '0\.3\.10'; then
  step "cargo-leptos 0.3.10 (one-time compile, 30-45 minutes)"
  cargo install --locked cargo-leptos@0.3.10
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q '0\.2\.130'; then
  step "wasm-bindgen-cli 0.2.130 (matches the wasm-bindgen pin in Cargo.toml)"
  cargo install wasm-bindgen-cli --version =0.2.130
fi

if ! cargo machete --version 2>/dev/null | grep -q '0\.9\.2'; then
  step "cargo-machete 0.9.2 (finds dependencies no code uses)"
  cargo install --locked cargo-machete@0.9.2
fi

# npm packages are installed with `npm ci` from the lock file, and again whenever the lock file
# changes: a marker in node_modules remembers the lock file's hash the last install was made from.
npm_ci_if_changed() {
  local dir=$1 what=$2 marker="$1/node_modules/.arshjul-lock.sha256" want
  want=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
  if [ "$(cat "$marker" 2>/dev/null)" != "$want" ]; then
    step "$what"
    (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
    echo "$want" >"$marker"
  fi
}

npm_ci_if_changed scripts/tools "wasm-opt (npm binaryen 132)"
npm_ci_if_changed end2end \
  "end2end: Playwright, axe-core, the test mail server and OpenID provider (Debian's Chromium, no browser download)"
