-- Issue 17: the organisers' dashboard (bot/web/). A login link is signed and carries its own
-- expiry; what the database keeps is which links were used, so each works once. A session is
-- kept as a hash of its cookie, so the database file alone cannot be used to sign in. Both go
-- with the person on /forget (ON DELETE CASCADE).
CREATE TABLE dashboard_link_uses (
    nonce      TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at TEXT NOT NULL
);

CREATE TABLE dashboard_sessions (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf       TEXT NOT NULL,
    locale     TEXT,  -- chosen on the dashboard; NULL: the language chosen in the bot
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX dashboard_sessions_user ON dashboard_sessions (user_id);
