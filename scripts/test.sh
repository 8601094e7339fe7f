#!/usr/bin/env bash
# Runs every quality gate: lint, format check, type check, then the whole test suite.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
ensure_venv dev requirements-dev.lock
cd "$ROOT"
"$VENV/bin/ruff" check .
"$VENV/bin/ruff" format --check .
"$VENV/bin/mypy" bot storage handlers
exec "$VENV/bin/pytest" "$@"
