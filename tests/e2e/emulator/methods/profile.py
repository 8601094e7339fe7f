"""Bot API methods about the bot itself and its chats: getMe, commands, descriptions, name,
menu button, getChat, close/logOut."""

from __future__ import annotations

import json
import re
from typing import Any

from tests.e2e.emulator.methods import MethodFamily
from tests.e2e.emulator.model import Files, Handler, Params, bad
from tests.e2e.emulator.params import chat_id
from tests.e2e.emulator.store import Store

SCOPES = frozenset(
    {
        "default",
        "all_private_chats",
        "all_group_chats",
        "all_chat_administrators",
        "chat",
        "chat_administrators",
        "chat_member",
    }
)
# setX/getX pairs that keep one value each: method suffix -> parameter.
SETTINGS = (
    ("MyDescription", "description"),
    ("MyShortDescription", "short_description"),
    ("MyName", "name"),
    ("ChatMenuButton", "menu_button"),
)


class ProfileMethods(MethodFamily):
    METHODS = (
        "getMe",
        "setMyCommands",
        "getMyCommands",
        "deleteMyCommands",
        "getChat",
        "close",
        "logOut",
    )

    def __init__(self, store: Store) -> None:
        self.store = store

    def handlers(self) -> dict[str, Handler]:
        handlers = super().handlers()
        for name, key in SETTINGS:
            handlers[f"set{name}"] = self._setter(key)
            handlers[f"get{name}"] = self._getter(key)
        return handlers

    def _setter(self, key: str) -> Handler:
        async def handler(params: Params, files: Files) -> bool:
            self.store.settings[self._key(key, params)] = params.get(key) or (
                "" if key != "menu_button" else None
            )
            return True

        return handler

    def _getter(self, key: str) -> Handler:
        # setMyDescription & co. are global here (language_code is ignored).
        async def handler(params: Params, files: Files) -> Any:
            if key == "menu_button":
                return self.store.settings.get(self._key(key, params)) or {"type": "default"}
            return {key: self.store.settings.get(key, "")}

        return handler

    @staticmethod
    def _key(key: str, params: Params) -> str:
        """setChatMenuButton with a chat_id sets that chat's button (`menu_button:<id>`);
        without one, the default button."""
        if key == "menu_button" and params.get("chat_id") is not None:
            return f"menu_button:{params['chat_id']}"
        return key

    async def close(self, params: Params, files: Files) -> bool:
        return True

    log_out = close

    async def get_me(self, params: Params, files: Files) -> Params:
        return {
            **self.store.bot_user,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    def _scope_key(self, params: Params) -> tuple[str, str]:
        scope = params.get("scope") or {"type": "default"}
        if not isinstance(scope, dict) or scope.get("type") not in SCOPES:
            raise bad("wrong parameter scope")
        if "chat_id" in scope:
            scope = {**scope, "chat_id": chat_id(scope)}
            # Like Telegram: a private chat exists only once its user has written to the bot.
            if scope["chat_id"] > 0 and scope["chat_id"] not in self.store.users:
                raise bad("chat not found")
        language = str(params.get("language_code") or "")
        if language and not re.fullmatch(r"[a-z]{2}", language):
            raise bad("invalid language code specified")
        return json.dumps(scope, sort_keys=True, separators=(",", ":")), language

    async def set_my_commands(self, params: Params, files: Files) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list) or len(commands) > 100:
            raise bad("can't parse commands JSON object")
        for command in commands:
            name = str(command.get("command", "")) if isinstance(command, dict) else ""
            if not re.fullmatch(r"[a-z0-9_]{1,32}", name):
                raise bad("BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", "")).strip()) <= 256:
                raise bad("command description is empty or too long")
        self.store.commands[self._scope_key(params)] = commands
        return True

    async def get_my_commands(self, params: Params, files: Files) -> list[Params]:
        return self.store.commands.get(self._scope_key(params), [])

    async def delete_my_commands(self, params: Params, files: Files) -> bool:
        self.store.commands.pop(self._scope_key(params), None)
        return True

    async def get_chat(self, params: Params, files: Files) -> Params:
        chat = chat_id(params)
        if chat not in self.store.users:
            raise bad("chat not found")
        return {
            **self.store.chat(chat),
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": {
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
                "gifts_from_channels": False,
            },
        }
