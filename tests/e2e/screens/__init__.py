"""Screens of the main flows, as a phone shows them (issue 13): `python -m tests.e2e.screens`.

`capture` plays each flow against the real `python -m bot` and the Bot API emulator and
writes what the user saw as JSON (docs/screens/recorded/); `render` draws each JSON as a
Telegram-like chat page and screenshots it with headless Chromium (docs/screens/*.png).
`scripts/screens.sh` runs both.
"""
