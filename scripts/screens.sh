#!/usr/bin/env bash
# Redraws docs/screens/ (linked from README.md): plays the main flows in English and Russian
# against the real bot process and the Bot API emulator, writes what each user saw as JSON
# (docs/screens/recorded/) and draws each flow as a phone screen with headless Chromium; it
# lists the button labels the phone cuts off ("…"), worth a look after a change of texts.
#   ./scripts/screens.sh                  # everything (two to three minutes)
#   ./scripts/screens.sh --flow signup    # one flow, both languages
#   ./scripts/screens.sh render           # redraw from the JSON only
# Drawing needs Chromium and fonts with Cyrillic and emoji (not needed by the tests):
#   apt-get install -y chromium fonts-noto-core fonts-noto-color-emoji
# SCREENS_PYTHON=/path/to/python uses an existing environment instead of .venv.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
if [[ -z "${SCREENS_PYTHON:-}" ]]; then
    ensure_venv dev requirements-dev.lock
    SCREENS_PYTHON="$VENV/bin/python"
fi
cd "$ROOT"
exec "$SCREENS_PYTHON" -m tests.e2e.screens "$@"
