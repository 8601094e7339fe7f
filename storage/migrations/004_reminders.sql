-- Reminders before a course. SQLite holds the truth; APScheduler only holds timers rebuilt from
-- it at start-up. A row is written when a reminder is queued (or skipped), so a restart never
-- queues it twice.

ALTER TABLE courses ADD COLUMN reminder_offsets TEXT;  -- e.g. "2d,1h"; NULL: REMINDER_OFFSETS

CREATE TABLE course_reminders (
    course_id      INTEGER NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    offset_seconds INTEGER NOT NULL,               -- how long before the start
    starts_at      TEXT    NOT NULL,               -- the start it was for (a moved course: new)
    state          TEXT    NOT NULL CHECK (state IN ('queued', 'skipped')),
    recipients     INTEGER NOT NULL DEFAULT 0,
    recorded_at    TEXT    NOT NULL,
    PRIMARY KEY (course_id, offset_seconds, starts_at)
);
