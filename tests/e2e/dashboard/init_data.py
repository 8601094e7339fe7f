"""Mini App launch data signed as Telegram signs it (core.telegram.org/bots/webapps,
"Validating data received via the Mini App"): the tests' stand-in for a Telegram client."""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import datetime
from urllib.parse import urlencode


def signed_init_data(bot_token: str, user_id: int, auth_date: datetime) -> str:
    fields = {
        "auth_date": str(int(auth_date.timestamp())),
        "query_id": "AAHdF6IQAAAAAN0XohDhrOrc",
        "user": json.dumps(
            {"id": user_id, "first_name": "Dilnoza", "language_code": "ru"},
            separators=(",", ":"),
        ),
    }
    check = "\n".join(f"{key}={value}" for key, value in sorted(fields.items()))
    secret = hmac.new(b"WebAppData", bot_token.encode(), hashlib.sha256).digest()
    fields["hash"] = hmac.new(secret, check.encode(), hashlib.sha256).hexdigest()
    return urlencode(fields)


def tampered(init_data: str) -> str:
    """The same data claiming another user id, with the original signature."""
    return init_data.replace("%22id%22%3A", "%22id%22%3A1", 1)
