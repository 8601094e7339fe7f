#!/usr/bin/env bash
# Runs the bot (long polling). Configuration comes from the environment and .env.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
ensure_venv runtime requirements.lock
cd "$ROOT"
exec "$VENV/bin/python" -m bot "$@"
