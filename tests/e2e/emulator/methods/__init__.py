"""The Bot API methods the emulator answers, one module per family."""

from __future__ import annotations

import re
from typing import ClassVar

from tests.e2e.emulator.model import Handler


class MethodFamily:
    """Bot API methods of one family: METHODS names them as the Bot API does, and each is
    answered by the coroutine method of the same name in snake_case (getMe -> get_me)."""

    METHODS: ClassVar[tuple[str, ...]] = ()

    def handlers(self) -> dict[str, Handler]:
        return {
            name: getattr(self, re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower())
            for name in self.METHODS
        }
