# Sourced by the project's scripts: puts the project's own build tools first on PATH.
# shellcheck shell=bash
ARSHJUL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ARSHJUL_ROOT
export PATH="$ARSHJUL_ROOT/scripts/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
