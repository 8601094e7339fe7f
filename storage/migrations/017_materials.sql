-- Issue 15: files attached to a course (agenda, concept note, speakers; slides after it).
-- Only Telegram's file_id is kept, no copy of the file: the bot sends it again by that id.
CREATE TABLE course_materials (
    id             INTEGER PRIMARY KEY,
    course_id      INTEGER NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    title          TEXT    NOT NULL,               -- the organiser's words
    file_id        TEXT    NOT NULL,               -- what the bot sends it by
    file_unique_id TEXT    NOT NULL,               -- the same file whoever sent it
    file_name      TEXT,                           -- NULL for a photo
    mime_type      TEXT,
    file_size      INTEGER,
    kind           TEXT    NOT NULL CHECK (kind IN ('document', 'photo')),
    -- before: on the card for everyone (agenda); after: for confirmed participants once the
    -- course has ended, and sent to them on the organiser's word (slides).
    timing         TEXT    NOT NULL CHECK (timing IN ('before', 'after')),
    with_reminder  INTEGER NOT NULL DEFAULT 0,     -- sent with the first reminder
    position       INTEGER NOT NULL,               -- order on the card
    added_by       INTEGER,                        -- the organiser; NULL once forgotten
    added_at       TEXT    NOT NULL
);
CREATE INDEX course_materials_course ON course_materials (course_id, position);

-- Who was sent which file (queued, or sent on request): a file goes to a person once, however
-- often the organiser presses Send or a reminder fires.
CREATE TABLE material_deliveries (
    material_id INTEGER NOT NULL REFERENCES course_materials (id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    queued_at   TEXT    NOT NULL,
    PRIMARY KEY (material_id, user_id)
);
CREATE INDEX material_deliveries_user ON material_deliveries (user_id);
