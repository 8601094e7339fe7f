-- Issue 11: the bot keeps only what it needs, and /forget really forgets.

-- Telegram's first name, last name and username were stored for everyone, before any consent.
-- The bot needs none of them: it greets people with the name in the update and identifies
-- participants by the full name they give after consent. Dropping the columns rewrites every
-- row (with secure_delete on, the old versions are overwritten).
ALTER TABLE users DROP COLUMN first_name;
ALTER TABLE users DROP COLUMN last_name;
ALTER TABLE users DROP COLUMN username;

-- Profile fields are written only after consent; clear any a row holds without it.
UPDATE users SET full_name = NULL, country = NULL, organisation = NULL, position = NULL,
    email = NULL, timezone = NULL
WHERE consent_at IS NULL AND (full_name IS NOT NULL OR country IS NOT NULL
    OR organisation IS NOT NULL OR position IS NOT NULL OR email IS NOT NULL
    OR timezone IS NOT NULL);

-- Outbox rows in a final state are deleted after OUTBOX_KEEP_DAYS, and a person's rows on
-- /forget; an announcement keeps the totals of its deleted rows here, so its figures stay.
ALTER TABLE announcements ADD COLUMN sent_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE announcements ADD COLUMN blocked_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE announcements ADD COLUMN failed_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE announcements ADD COLUMN cancelled_count INTEGER NOT NULL DEFAULT 0;

-- /forget finds a person's messages without reading the whole table.
CREATE INDEX outbox_user ON outbox (user_id);
