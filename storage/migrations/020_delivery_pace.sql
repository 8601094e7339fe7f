-- Issue 16: the pace the delivery worker has learned from Telegram's 429 answers, per lane
-- ('free': the 30-a-second budget; 'paid': paid broadcasts), kept so a restart does not begin
-- by hitting the limit again (bot/services/pacing.py).
CREATE TABLE delivery_pace (
    lane        TEXT PRIMARY KEY CHECK (lane IN ('free', 'paid')),
    rate        REAL NOT NULL,  -- messages a second it was sending at
    failed_rate REAL,           -- the rate Telegram last refused; NULL: none remembered
    updated_at  TEXT NOT NULL
);
