"""Settings: every variable, and one readable line naming the variable when it is wrong."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.config import ConfigError, load_settings
from tests.conftest import TEST_TOKEN

VARIABLES = (
    "BOT_TOKEN",
    "ADMIN_IDS",
    "TELEGRAM_API_URL",
    "DATABASE_PATH",
    "DEFAULT_LOCALE",
    "DEFAULT_TIMEZONE",
    "BROADCAST_RATE",
    "REMINDER_OFFSETS",
    "SURVEY_SEND_AFTER",
    "SURVEY_REMINDER_AFTER",
    "WEBHOOK_URL",
    "WEBHOOK_SECRET",
    "WEBHOOK_PORT",
    "BACKUP_DIR",
    "BACKUP_KEEP",
    "LOG_LEVEL",
)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch):
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("BOT_TOKEN", TEST_TOKEN)


def test_defaults_match_the_configuration_table():
    settings = load_settings(env_file=None)
    assert settings.admin_ids == frozenset()
    assert settings.telegram_api_url == "https://api.telegram.org"
    assert str(settings.database_path) == "data/bot.sqlite3"
    assert (settings.default_locale, settings.default_timezone) == ("en", "UTC")
    assert (settings.broadcast_rate, settings.log_level) == (25.0, "INFO")
    assert settings.reminder_offsets == (timedelta(days=1), timedelta(hours=1))
    assert settings.survey_send_after == timedelta(hours=2)
    assert settings.survey_reminder_after == timedelta(days=2)
    assert (settings.backup_dir, settings.backup_keep) == (None, 7)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("3h", timedelta(hours=3)), ("1d", timedelta(days=1)), ("0", timedelta(0))],
)
def test_survey_delays_are_durations_and_zero_switches_them_off(monkeypatch, value, expected):
    monkeypatch.setenv("SURVEY_SEND_AFTER", value)
    monkeypatch.setenv("SURVEY_REMINDER_AFTER", value)
    settings = load_settings(env_file=None)
    assert settings.survey_send_after == settings.survey_reminder_after == expected


def test_values_are_read_from_an_env_file(tmp_path, monkeypatch):
    monkeypatch.delenv("BOT_TOKEN")
    env = tmp_path / ".env"
    env.write_text(f"BOT_TOKEN={TEST_TOKEN}\nADMIN_IDS=11, 22\nDEFAULT_LOCALE=RU\n")
    settings = load_settings(env_file=env)
    assert settings.admin_ids == {11, 22}
    assert settings.default_locale == "ru"


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("ADMIN_IDS", "abc", "ADMIN_IDS must be Telegram user ids"),
        ("DEFAULT_LOCALE", "de", "DEFAULT_LOCALE must be one of 'en' or 'ru'"),
        ("DEFAULT_TIMEZONE", "Mars/Olympus", "DEFAULT_TIMEZONE unknown time zone 'Mars/Olympus'"),
        ("BROADCAST_RATE", "fast", "BROADCAST_RATE must be a number"),
        ("TELEGRAM_API_URL", "localhost:8081", "TELEGRAM_API_URL must be an http(s) URL"),
        ("LOG_LEVEL", "LOUD", "LOG_LEVEL must be one of"),
        ("REMINDER_OFFSETS", "tomorrow", "REMINDER_OFFSETS must be durations like 1d,1h"),
        ("REMINDER_OFFSETS", "0h", "REMINDER_OFFSETS must be durations like 1d,1h"),
        ("WEBHOOK_URL", "bot.example.org", "WEBHOOK_URL must be the public URL Telegram calls"),
        ("WEBHOOK_SECRET", "has spaces", "WEBHOOK_SECRET must be 1-256 characters"),
        ("WEBHOOK_PORT", "0", "WEBHOOK_PORT must be at least 1"),
        ("BACKUP_KEEP", "0", "BACKUP_KEEP must be at least 1"),
        ("SURVEY_SEND_AFTER", "1d,2h", "SURVEY_SEND_AFTER must be one duration like 2h"),
        ("SURVEY_REMINDER_AFTER", "soon", "SURVEY_REMINDER_AFTER must be one duration like"),
    ],
)
def test_an_invalid_value_fails_with_one_line_naming_the_variable(
    monkeypatch, name, value, expected
):
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError) as error:
        load_settings(env_file=None)
    message = str(error.value)
    assert expected in message
    assert "\n" not in message


@pytest.mark.parametrize("token", ["", "   "])
def test_a_missing_token_points_to_botfather(monkeypatch, token):
    monkeypatch.setenv("BOT_TOKEN", token)
    with pytest.raises(ConfigError, match="create a bot with @BotFather"):
        load_settings(env_file=None)


def test_a_malformed_token_is_never_echoed(monkeypatch):
    monkeypatch.setenv("BOT_TOKEN", "my secret value")
    with pytest.raises(ConfigError) as error:
        load_settings(env_file=None)
    assert "BOT_TOKEN" in str(error.value)
    assert "secret" not in str(error.value)


def test_the_token_is_hidden_in_the_settings_repr():
    assert TEST_TOKEN not in repr(load_settings(env_file=None))


def test_webhook_mode_needs_a_secret_and_never_echoes_it(monkeypatch):
    monkeypatch.setenv("WEBHOOK_URL", "https://bot.example.org/tg")
    with pytest.raises(ConfigError) as error:
        load_settings(env_file=None)
    assert str(error.value) == (
        "Invalid configuration: WEBHOOK_URL is set but WEBHOOK_SECRET is not: choose a random"
        " secret (letters, digits, _ and -) so only Telegram can post updates"
    )
    monkeypatch.setenv("WEBHOOK_SECRET", "Top_secret-42")
    settings = load_settings(env_file=None)
    assert settings.webhook_url == "https://bot.example.org/tg"
    assert "Top_secret-42" not in repr(settings)


def test_env_example_lists_every_variable():
    from pathlib import Path

    example = (Path(__file__).parents[2] / ".env.example").read_text()
    readme = (Path(__file__).parents[2] / "README.md").read_text()
    for name in VARIABLES:
        assert f"{name}=" in example, name
        assert f"| {name} |" in readme, name


def test_the_dashboard_address_must_be_https_except_on_this_machine(monkeypatch):
    monkeypatch.setenv("DASHBOARD_URL", "http://training.example.org/dashboard")
    with pytest.raises(ConfigError) as error:
        load_settings(env_file=None)
    assert "DASHBOARD_URL" in str(error.value) and "https://" in str(error.value)
    monkeypatch.setenv("DASHBOARD_URL", "http://localhost:8081/")
    assert load_settings(env_file=None).dashboard_url == "http://localhost:8081"
    monkeypatch.setenv("DASHBOARD_URL", "")
    assert load_settings(env_file=None).dashboard_url is None


def test_one_port_for_the_webhook_and_the_dashboard_needs_a_dashboard_path(monkeypatch):
    monkeypatch.setenv("WEBHOOK_URL", "https://bot.example.org/tg")
    monkeypatch.setenv("WEBHOOK_SECRET", "Top_secret-42")
    monkeypatch.setenv("WEBHOOK_PORT", "8443")
    monkeypatch.setenv("DASHBOARD_PORT", "8443")
    monkeypatch.setenv("DASHBOARD_URL", "https://bot.example.org")
    with pytest.raises(ConfigError) as error:
        load_settings(env_file=None)
    assert "a path of its own" in str(error.value)
    monkeypatch.setenv("DASHBOARD_URL", "https://bot.example.org/dashboard")
    assert load_settings(env_file=None).dashboard_url == "https://bot.example.org/dashboard"
