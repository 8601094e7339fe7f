#!/usr/bin/env bash
# Runs every quality gate: lint, format check, type check, then the whole test suite.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
ensure_venv dev requirements-dev.lock
cd "$ROOT"
# The dashboard's browser tests drive Debian's Chromium (tests/e2e/dashboard/browser.py): a
# fresh machine gets it here, once. Elsewhere set CHROMIUM=/path/to/chromium.
if [[ -z "${CHROMIUM:-}" ]] && ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null; then
    if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
        echo "Installing Chromium for the browser tests (first run only) ..." >&2
        apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core >&2
    else
        echo "Chromium is missing: install Debian's chromium package (or set CHROMIUM)." >&2
    fi
fi
"$VENV/bin/ruff" check .
"$VENV/bin/ruff" format --check .
"$VENV/bin/mypy" bot storage handlers
exec "$VENV/bin/pytest" "$@"
