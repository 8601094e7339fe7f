-- Telegram users and their profiles. Profile fields stay NULL until the user gives consent.
CREATE TABLE users (
    id                INTEGER PRIMARY KEY,          -- Telegram user id
    first_name        TEXT    NOT NULL DEFAULT '',
    last_name         TEXT,
    username          TEXT,
    telegram_language TEXT,                         -- language_code Telegram reports
    language          TEXT CHECK (language IN ('en', 'ru')),  -- the user's own choice
    consent_at        TEXT,                         -- when the user agreed to store the profile
    full_name         TEXT,
    country           TEXT,                         -- ISO 3166-1 alpha-2, see bot/countries.py
    organisation      TEXT,
    position          TEXT,
    email             TEXT,
    timezone          TEXT,                         -- IANA name; defaults from the country
    is_active         INTEGER NOT NULL DEFAULT 1,   -- 0 after Telegram answered 403
    created_at        TEXT    NOT NULL,
    last_seen_at      TEXT    NOT NULL
);

-- Dialog state survives restarts: a user who stops half-way continues where they were.
CREATE TABLE fsm_states (
    storage_key TEXT PRIMARY KEY,
    user_id     INTEGER NOT NULL,
    state       TEXT,
    data        TEXT    NOT NULL DEFAULT '{}',
    updated_at  TEXT    NOT NULL
);
CREATE INDEX fsm_states_user ON fsm_states (user_id);
