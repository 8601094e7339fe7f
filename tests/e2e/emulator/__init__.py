"""In-process emulator of the Telegram Bot API for end-to-end tests.

A real bot (aiogram with ``TelegramAPIServer.from_base(emu.base_url)``) talks to it over
HTTP exactly as it would talk to api.telegram.org.  The emulator records every call, keeps
the current state of every message the bot sent, validates the limits Telegram enforces
(so tests catch the errors production would raise) and lets tests inject faults.

Modules: `server` (the aiohttp app, routing, recording calls), `control` (BotAPIEmulator,
what tests hold), `store` (chats, messages, files, pending updates), `methods/` (the Bot API
methods by family), `html` (Telegram's HTML parse mode), `faults` and `limits` (what goes
wrong on purpose), `params` (reading requests), `model` (calls, messages, errors).
"""

from tests.e2e.emulator.control import BotAPIEmulator
from tests.e2e.emulator.html import parse_html
from tests.e2e.emulator.model import ApiError, Call, SentMessage

__all__ = ["ApiError", "BotAPIEmulator", "Call", "SentMessage", "parse_html"]
