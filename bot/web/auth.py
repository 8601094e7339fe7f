"""Who may open the dashboard: one-time login links, Mini App initData, session cookies.

A login link is signed with a key derived from the bot token and carries its own expiry, so a
forged or stale one is refused without a database look-up; the database remembers which links
were used, so each works once. A session is a random cookie whose SHA-256 is stored: the
database file alone cannot be used to sign in.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

LINK_LIFETIME = timedelta(minutes=10)
SESSION_LIFETIME = timedelta(hours=12)  # a working day; then a new link or a Mini App start
INIT_DATA_LIFETIME = timedelta(hours=1)
COOKIE_NAME = "dashboard_session"


def login_url(dashboard_url: str, token: str) -> str:
    """The address a login link opens (bot/web/signin.py answers it)."""
    return f"{dashboard_url}/login?token={token}"


def mini_app_url(dashboard_url: str) -> str:
    """The page Telegram opens as the Mini App (the organisers' menu button)."""
    return f"{dashboard_url}/app"


class LinkRefused(Exception):
    """A login link that is malformed, forged, expired or (checked later) used already."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # "invalid" or "expired": which page the browser gets


@dataclass(frozen=True)
class LinkClaim:
    user_id: int
    nonce: str
    expires_at: datetime


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


class LoginLinks:
    """Issues and checks the tokens of login links: `<user>.<expiry>.<nonce>.<signature>`."""

    def __init__(self, bot_token: str) -> None:
        # Its own key, not the token: a leaked signature tells nothing about the bot token.
        self._key = hmac.new(bot_token.encode(), b"dashboard login links", hashlib.sha256).digest()

    def _sign(self, payload: str) -> str:
        return _b64(hmac.new(self._key, payload.encode(), hashlib.sha256).digest())

    def issue(self, user_id: int, now: datetime) -> str:
        expires = int((now + LINK_LIFETIME).timestamp())
        payload = f"{user_id}.{expires}.{_b64(secrets.token_bytes(18))}"
        return f"{payload}.{self._sign(payload)}"

    def check(self, token: str, now: datetime) -> LinkClaim:
        """The claim of a genuine, unexpired token; LinkRefused otherwise (not yet whether it
        was used: that is the database's part)."""
        payload, _, signature = token.strip().rpartition(".")
        # Bytes: compare_digest refuses str with non-ASCII characters (a TypeError, a 500).
        genuine = hmac.compare_digest(self._sign(payload).encode(), signature.encode())
        if not payload or not genuine:
            raise LinkRefused("invalid")
        try:
            user, expires, nonce = payload.split(".")
            user_id = int(user)
            expires_at = datetime.fromtimestamp(int(expires), tz=now.tzinfo)
        except (ValueError, OverflowError, OSError):
            raise LinkRefused("invalid") from None
        if expires_at <= now:
            raise LinkRefused("expired")
        return LinkClaim(user_id, nonce, expires_at)


def new_session_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_csrf_token() -> str:
    return secrets.token_urlsafe(24)


def mini_app_user(bot_token: str, init_data: str, now: datetime) -> int | None:
    """The Telegram user id of genuine, fresh Mini App initData (signed with the bot token,
    auth_date at most an hour old); None for anything else."""
    # Imported here: aiogram's web-app helpers are needed only with the dashboard on.
    from aiogram.utils.web_app import safe_parse_webapp_init_data

    try:
        data: Any = safe_parse_webapp_init_data(bot_token, init_data)
    except (ValueError, KeyError, TypeError):
        return None
    if data.user is None or data.auth_date is None:
        return None
    age = now - data.auth_date.astimezone(now.tzinfo)
    if age > INIT_DATA_LIFETIME or age < -timedelta(minutes=5):
        return None
    return int(data.user.id)
