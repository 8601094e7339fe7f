"""Is TELEGRAM_API_URL a Bot API? Asked once with getMe, by `check` and at start-up.

A wrong path or a proxy's error page answers with HTML, a 404 or JSON of another shape;
aiogram reports that as a decoding error with the whole page in a multi-line text. The
operator needs one line saying which setting is wrong, so those answers become
NotABotAPI here.
"""

from __future__ import annotations

from aiogram import Bot
from aiogram.exceptions import ClientDecodeError, TelegramNotFound
from aiogram.types import User
from pydantic import ValidationError

REQUEST_TIMEOUT = 15
GLIMPSE = 60  # characters of a wrong answer shown to the operator


class NotABotAPI(Exception):
    """The server at TELEGRAM_API_URL answered, but not as a Bot API does."""

    def __init__(self, api_url: str, what: str) -> None:
        super().__init__(
            f"TELEGRAM_API_URL={api_url} did not answer getMe as a Bot API does ({what}); "
            "it must be the base URL of a Bot API server, such as https://api.telegram.org"
        )


async def bot_identity(bot: Bot, api_url: str) -> User:
    """The bot's own user from getMe, or NotABotAPI."""
    try:
        me = await bot.get_me(request_timeout=REQUEST_TIMEOUT)
    except ClientDecodeError as exc:
        if isinstance(exc.original, ValidationError):
            what = "JSON, but not a Bot API answer"
        else:
            what = f"not JSON: {_glimpse(exc.data)}"
        raise NotABotAPI(api_url, what) from None
    except TelegramNotFound:
        # Every Bot API server has getMe: a 404 means the path leads somewhere else.
        raise NotABotAPI(api_url, "404 Not Found") from None
    if not me.is_bot:
        raise NotABotAPI(api_url, "getMe named a user that is not a bot")
    return me


def _glimpse(content: object) -> str:
    """The start of an answer on one line, enough to recognise a proxy's page or a 404."""
    text = " ".join(str(content).split())
    return repr(text[:GLIMPSE] + "…" if len(text) > GLIMPSE else text)
