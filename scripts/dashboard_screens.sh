#!/usr/bin/env bash
# Redraws the dashboard's screenshots in docs/screens/ (dashboard-*.png, linked from README.md):
# seeds a demo office (tests/e2e/dashboard/demo.py), starts the real bot with its dashboard
# against the Bot API emulator, signs an organiser in with the /dashboard link in headless
# Chromium and saves every page in English and Russian (about twenty seconds).
#   ./scripts/dashboard_screens.sh                       # into docs/screens/
#   ./scripts/dashboard_screens.sh --out /tmp/screens    # somewhere else, to compare
# Needs Chromium and fonts with Cyrillic (not needed by the tests):
#   apt-get install -y chromium fonts-noto-core
# SCREENS_PYTHON=/path/to/python uses an existing environment instead of .venv.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
if [[ -z "${SCREENS_PYTHON:-}" ]]; then
    ensure_venv dev requirements-dev.lock
    SCREENS_PYTHON="$VENV/bin/python"
fi
cd "$ROOT"
exec "$SCREENS_PYTHON" -m tests.e2e.dashboard.screens "$@"
