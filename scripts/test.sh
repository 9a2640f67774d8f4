#!/usr/bin/env bash
# Runs every test of Årshjul and ends non-zero if any fails: formatting and clippy (server and
# browser builds), the domain unit tests, data access on SQLite and PostgreSQL, and the end-to-end
# flows in Chromium at desktop and phone sizes, with and without JavaScript.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ARSHJUL_ROOT"
bash scripts/setup.sh
# A test run builds from scratch once: incremental caches would only take disk (CI's is small).
export CARGO_INCREMENTAL=0
started=$(date +%s)
step() { printf '\n==> %s (%ss)\n' "$*" "$(( $(date +%s) - started ))"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "unused dependencies (cargo machete)"
cargo machete

step "clippy: server build (ssr)"
cargo clippy -p app -p server --features app/ssr --all-targets -- -D warnings

step "clippy: browser build (hydrate, wasm32)"
cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings

step "PostgreSQL for the data-access tests"
ARSHJUL_TEST_PG_URL=$(bash scripts/postgres.sh | tail -1)
export ARSHJUL_TEST_PG_URL

step "unit and data-access tests (SQLite and PostgreSQL)"
# The same flags cargo-leptos gives its debug builds, so the end-to-end server build below reuses
# the dependencies compiled here instead of compiling them all again.
# The input parsers' property tests (app/src/domain/input_props.rs) run this many random cases
# each: some thousands in all, in about half a minute.
export PROPTEST_CASES=1000
RUSTFLAGS="--cfg erase_components" cargo test -p app -p server --features app/ssr
properties=$(grep -c '#\[test\]' app/src/domain/input_props.rs)
echo "property tests of the input parsers: $properties properties x $PROPTEST_CASES cases = $((properties * PROPTEST_CASES)) executions, all passed"
# The test executables (some hundreds of MB each) are done with: free their disk before the next build.
find target/debug/deps -maxdepth 1 -type f -perm -u+x ! -name '*.*' -delete

step "build for the end-to-end tests"
cargo leptos build

step "end-to-end tests (Playwright, Chromium)"
(cd end2end && npx playwright test)

step "load smoke: 20 people for 10 s against the end-to-end build (any failed request fails)"
ARSHJUL_LOAD_PROFILE=debug bash scripts/load.sh --users=20 --duration=10 --ramp=2

step "all tests passed"
