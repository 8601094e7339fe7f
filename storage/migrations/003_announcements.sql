-- Announcements from organisers: content and audience once, one outbox row per recipient.

CREATE TABLE announcements (
    id                  INTEGER PRIMARY KEY,
    created_by          INTEGER NOT NULL,
    text_en             TEXT,               -- Telegram HTML, formatting kept as typed
    text_ru             TEXT,
    media_type          TEXT CHECK (media_type IN ('photo', 'document')),
    media_file_id       TEXT,
    audience            TEXT    NOT NULL,   -- JSON, see bot/services/announcements.py
    course_button       INTEGER REFERENCES courses (id) ON DELETE SET NULL,
    daytime             INTEGER NOT NULL DEFAULT 0,  -- deliver 09:00-20:00 recipient time
    status              TEXT    NOT NULL DEFAULT 'draft'
                        CHECK (status IN ('draft', 'scheduled', 'sending', 'done', 'stopped')),
    scheduled_at        TEXT,
    recipients          INTEGER NOT NULL DEFAULT 0,
    progress_chat_id    INTEGER,            -- the organiser's status message, edited live
    progress_message_id INTEGER,
    created_at          TEXT    NOT NULL,
    queued_at           TEXT,
    finished_at         TEXT
);
CREATE INDEX announcements_status ON announcements (status);

ALTER TABLE outbox ADD COLUMN announcement_id INTEGER REFERENCES announcements (id);
CREATE INDEX outbox_announcement ON outbox (announcement_id, state);
