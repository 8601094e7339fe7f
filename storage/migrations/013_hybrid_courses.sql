-- foreign_keys: off
-- A course may be held in person and online at once (a hybrid course): a venue and a link
-- together, at least one of them. SQLite cannot change a CHECK in place, so the table is
-- rebuilt as sqlite.org/lang_altertable.html#otheralter describes; the runner turns foreign
-- keys off for it (see the first line), or dropping the old table would delete every
-- sign-up, reminder record and attendance check with it.
CREATE TABLE courses_new (
    id             INTEGER PRIMARY KEY,
    title_en       TEXT,
    title_ru       TEXT,
    description_en TEXT,
    description_ru TEXT,
    starts_at      TEXT    NOT NULL,            -- UTC, ISO 8601
    ends_at        TEXT    NOT NULL,            -- UTC
    timezone       TEXT    NOT NULL,            -- IANA zone the course is held in
    venue          TEXT,                        -- in person: where
    online_url     TEXT,                        -- online: the link (only confirmed people see it)
    capacity       INTEGER CHECK (capacity IS NULL OR capacity > 0),  -- NULL: unlimited
    deadline_at    TEXT    NOT NULL,            -- UTC; registration closes then
    language       TEXT    NOT NULL CHECK (language IN ('en', 'ru')),  -- of instruction
    status         TEXT    NOT NULL DEFAULT 'draft'
                   CHECK (status IN ('draft', 'published', 'cancelled', 'finished')),
    revision       INTEGER NOT NULL DEFAULT 0,  -- bumped when time or place change (.ics SEQUENCE)
    created_by     INTEGER,
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL,
    reminder_offsets      TEXT,                 -- this course's own "2d,1h"; NULL: the default
    attendance_check_days INTEGER
                   CHECK (attendance_check_days IS NULL OR attendance_check_days BETWEEN 1 AND 60),
    CHECK (ends_at > starts_at),
    CHECK (deadline_at <= starts_at),
    CHECK (venue IS NOT NULL OR online_url IS NOT NULL)
);
INSERT INTO courses_new (
    id, title_en, title_ru, description_en, description_ru, starts_at, ends_at, timezone,
    venue, online_url, capacity, deadline_at, language, status, revision, created_by,
    created_at, updated_at, reminder_offsets, attendance_check_days
)
SELECT
    id, title_en, title_ru, description_en, description_ru, starts_at, ends_at, timezone,
    venue, online_url, capacity, deadline_at, language, status, revision, created_by,
    created_at, updated_at, reminder_offsets, attendance_check_days
FROM courses;
DROP TABLE courses;
ALTER TABLE courses_new RENAME TO courses;
CREATE INDEX courses_status_start ON courses (status, starts_at);
