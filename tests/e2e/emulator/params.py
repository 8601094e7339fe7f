"""Reading a request's parameters: form-encoded values are strings, JSON bodies carry real
types, and the Bot API's object fields arrive as JSON strings in forms."""

from __future__ import annotations

import json

from aiohttp import web

from tests.e2e.emulator.model import Files, Params, bad

# Fields that are objects/arrays in the Bot API; form-encoded clients send them as JSON strings.
JSON_FIELDS = (
    "reply_markup",
    "commands",
    "scope",
    "entities",
    "caption_entities",
    "link_preview_options",
    "reply_parameters",
    "allowed_updates",
)


async def read_params(request: web.Request) -> tuple[Params, Files]:
    """The parameters and uploaded files of one Bot API request, as Telegram reads them."""
    params: Params = dict(request.query)
    files: Files = {}
    if request.body_exists:
        if request.content_type == "application/json":
            try:
                body = json.loads(await request.text())
            except ValueError:
                raise bad("can't parse JSON object") from None
            if not isinstance(body, dict):
                raise bad("can't parse JSON object")
            params.update(body)
        elif request.content_type in (
            "multipart/form-data",
            "application/x-www-form-urlencoded",
        ):
            for key, value in (await request.post()).items():
                if isinstance(value, web.FileField):
                    files[key] = (value.filename, value.file.read())
                elif isinstance(value, (bytes, bytearray)):
                    params[key] = bytes(value).decode()
                else:
                    params[key] = value
    for key in JSON_FIELDS:
        if isinstance(params.get(key), str):
            try:
                params[key] = json.loads(params[key])
            except ValueError:
                what = "reply keyboard markup" if key == "reply_markup" else key
                raise bad(f"can't parse {what} JSON object") from None
    return params, files


def opt_int(params: Params, key: str) -> int | None:
    value = params.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise bad(f"invalid {key} specified")
    try:
        return int(value)
    except (TypeError, ValueError):
        raise bad(f"invalid {key} specified") from None


def flag(params: Params, key: str) -> bool:
    value = params.get(key)
    return value is True or str(value).lower() in ("true", "1")


def chat_id(params: Params, key: str = "chat_id") -> int:
    value = params.get(key)
    if value is None or value == "":
        raise bad(f"{key} is empty")
    try:
        return int(value)
    except (TypeError, ValueError):
        raise bad("chat not found") from None  # @usernames: no such public chats here
