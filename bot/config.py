"""Settings from the environment and .env, validated once at start-up."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_core import PydanticCustomError
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

Locale = Literal["en", "ru"]
LOCALES: tuple[Locale, ...] = ("en", "ru")

DEFAULT_API_URL = "https://api.telegram.org"
_TOKEN_SHAPE = re.compile(r"^\d+:[A-Za-z0-9_-]+$")


_OFFSET = re.compile(r"^(\d+)\s*([dhm])$")
_UNITS = {"d": "days", "h": "hours", "m": "minutes"}


def parse_offsets(text: str) -> tuple[timedelta, ...]:
    """`1d,1h` -> (1 day, 1 hour): how long before a course its reminders go out."""
    offsets = []
    for part in filter(None, (p.strip().lower() for p in text.split(","))):
        match = _OFFSET.match(part)
        if not match or int(match[1]) == 0:
            raise ValueError(
                f"must be durations like 1d,1h or 3d,2h,30m (days, hours, minutes), got {part!r}"
            )
        offsets.append(timedelta(**{_UNITS[match[2]]: int(match[1])}))
    return tuple(sorted(set(offsets), reverse=True))


def parse_duration(text: str) -> timedelta:
    """`2h` -> 2 hours, `30s` -> 30 seconds (tests); `0`, `off` or `no` -> zero (off)."""
    text = text.strip().lower()
    if text in ("0", "off", "no"):
        return timedelta(0)
    if (seconds := re.fullmatch(r"(\d+)\s*s", text)) and int(seconds[1]) > 0:
        return timedelta(seconds=int(seconds[1]))
    try:
        offsets = parse_offsets(text)
    except ValueError:
        offsets = ()
    if len(offsets) != 1:
        raise ValueError(f"must be one duration like 2h, 2d or 30m, or 0 for off, got {text!r}")
    return offsets[0]


_SECRET_SHAPE = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


_LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})


class ConfigError(Exception):
    """A setting is missing or invalid; the message is one line meant for the operator."""


class Settings(BaseSettings):
    """Every variable of README's configuration table."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", case_sensitive=False
    )

    bot_token: SecretStr
    admin_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    telegram_api_url: str = DEFAULT_API_URL
    database_path: Path = Path("data/bot.sqlite3")
    default_locale: Locale = "en"
    default_timezone: str = "UTC"
    broadcast_rate: float = Field(default=25.0, gt=0, le=1000)
    paid_broadcast: bool = False
    throttle_rate: float = Field(default=4.0, ge=0, le=1000)
    reminder_offsets: Annotated[tuple[timedelta, ...], NoDecode] = (
        timedelta(days=1),
        timedelta(hours=1),
    )
    survey_send_after: Annotated[timedelta, NoDecode] = timedelta(hours=2)
    survey_reminder_after: Annotated[timedelta, NoDecode] = timedelta(days=2)
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_port: int = Field(default=8080, ge=1, le=65535)
    dashboard_url: str | None = None
    dashboard_port: int = Field(default=8081, ge=1, le=65535)
    backup_dir: Path | None = None
    backup_keep: int = Field(default=7, ge=1, le=1000)
    outbox_keep_days: int = Field(default=30, ge=1, le=3650)
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"

    @field_validator("bot_token", mode="before")
    @classmethod
    def _empty_is_missing(cls, value: object) -> object:
        # `BOT_TOKEN=` copied from .env.example unchanged means "not set yet".
        if isinstance(value, str) and not value.strip():
            raise PydanticCustomError("missing", "Field required")
        return value

    @field_validator("bot_token")
    @classmethod
    def _token_shape(cls, value: SecretStr) -> SecretStr:
        # Never echo the value: it is a secret even when malformed.
        if not _TOKEN_SHAPE.match(value.get_secret_value().strip()):
            raise ValueError("does not look like a token from @BotFather (digits:letters)")
        return SecretStr(value.get_secret_value().strip())

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> frozenset[int]:
        if isinstance(value, (set, frozenset, list, tuple)):
            items = [str(v) for v in value]
        else:
            items = [part.strip() for part in str(value).split(",")]
        ids = set()
        for item in filter(None, items):
            if not item.isdecimal():
                raise ValueError(
                    f"must be Telegram user ids (numbers) separated by commas, got {item!r}"
                )
            ids.add(int(item))
        return frozenset(ids)

    @field_validator("reminder_offsets", mode="before")
    @classmethod
    def _parse_offsets(cls, value: object) -> tuple[timedelta, ...]:
        if isinstance(value, (tuple, list)):
            return tuple(value)
        return parse_offsets(str(value))

    @field_validator("survey_send_after", "survey_reminder_after", mode="before")
    @classmethod
    def _parse_duration(cls, value: object) -> timedelta:
        if isinstance(value, timedelta):
            return value
        return parse_duration(str(value))

    @field_validator("webhook_url", "webhook_secret", "backup_dir", "dashboard_url", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        # `WEBHOOK_URL=` or `BACKUP_DIR=` copied from .env.example unchanged: not set (off).
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("webhook_url")
    @classmethod
    def _webhook_url(cls, value: str | None) -> str | None:
        if value is not None and not re.match(r"^https?://[^/\s]+(/\S*)?$", value.strip()):
            raise ValueError(
                f"must be the public URL Telegram calls, such as https://bot.example.org/tg,"
                f" got {value!r}"
            )
        return value.strip() if value else None

    @field_validator("dashboard_url")
    @classmethod
    def _dashboard_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        value = value.strip().rstrip("/")
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname or parts.query:
            raise ValueError(
                f"must be the dashboard's public address, such as"
                f" https://training.example.org/dashboard, got {value!r}"
            )
        if parts.scheme == "http" and parts.hostname not in _LOCAL_HOSTS:
            # Sign-in cookies and Telegram's Mini App both need HTTPS off this machine.
            raise ValueError(
                f"must start with https:// (plain http only for localhost), got {value!r}"
            )
        return value

    @field_validator("webhook_secret")
    @classmethod
    def _webhook_secret(cls, value: SecretStr | None) -> SecretStr | None:
        # Telegram's rule for secret_token; the value itself is never echoed.
        if value is not None and not _SECRET_SHAPE.match(value.get_secret_value()):
            raise ValueError("must be 1-256 characters: letters, digits, _ and -")
        return value

    @model_validator(mode="after")
    def _webhook_needs_a_secret(self) -> Settings:
        if self.webhook_url and self.webhook_secret is None:
            raise ValueError(
                "WEBHOOK_URL is set but WEBHOOK_SECRET is not: choose a random secret"
                " (letters, digits, _ and -) so only Telegram can post updates"
            )
        return self

    @model_validator(mode="after")
    def _one_port_needs_a_dashboard_path(self) -> Settings:
        shared = self.webhook_url and self.dashboard_port == self.webhook_port
        if shared and self.dashboard_url and not urlsplit(self.dashboard_url).path.strip("/"):
            raise ValueError(
                "DASHBOARD_PORT equals WEBHOOK_PORT, so one server carries both: give"
                " DASHBOARD_URL a path of its own, such as https://bot.example.org/dashboard"
            )
        return self

    @field_validator("default_locale", mode="before")
    @classmethod
    def _lower_locale(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_level(cls, value: object) -> object:
        return value.strip().upper() if isinstance(value, str) else value

    @field_validator("default_timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"unknown time zone {value!r}; use an IANA name such as Europe/Brussels"
            ) from None
        return value

    @field_validator("telegram_api_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        value = value.strip().rstrip("/")
        if not re.match(r"^https?://[^/\s]+", value):
            raise ValueError(f"must be an http(s) URL such as {DEFAULT_API_URL}, got {value!r}")
        return value


def secrets_of(settings: Settings) -> tuple[str, ...]:
    """The values no output may show: what the logs and every error line redact."""
    secrets = [settings.bot_token.get_secret_value()]
    if settings.webhook_secret is not None:
        secrets.append(settings.webhook_secret.get_secret_value())
    return tuple(secrets)


_MISSING_TOKEN = (
    "BOT_TOKEN is not set: create a bot with @BotFather in Telegram (/newbot) "
    "and put BOT_TOKEN=<the token it gives you> into .env"
)

_FRIENDLY = {
    "literal_error": "must be one of {expected}",
    "float_parsing": "must be a number",
    "greater_than": "must be greater than {gt}",
    "greater_than_equal": "must be at least {ge}",
    "less_than_equal": "must be at most {le}",
}


def load_settings(env_file: str | Path | None = ".env") -> Settings:
    """Read and validate settings, or raise ConfigError with one readable line."""
    try:
        return Settings(_env_file=env_file)
    except ValidationError as exc:
        raise ConfigError(_describe(exc)) from None


def _describe(exc: ValidationError) -> str:
    problems = []
    for error in exc.errors(include_input=False, include_url=False):
        name = str(error["loc"][0]).upper() if error["loc"] else "configuration"
        if name == "BOT_TOKEN" and error["type"] == "missing":
            return _MISSING_TOKEN
        message = error["msg"].removeprefix("Value error, ")
        template = _FRIENDLY.get(error["type"])
        if template:
            message = template.format(**(error.get("ctx") or {}))
        # Checks across variables (a model validator) name the variables in their message.
        problems.append(f"{name} {message}" if error["loc"] else message)
    return "Invalid configuration: " + "; ".join(problems)
