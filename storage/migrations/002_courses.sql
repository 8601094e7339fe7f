-- Courses, sign-ups and the outbox of messages to people other than the one who acted.

CREATE TABLE courses (
    id             INTEGER PRIMARY KEY,
    title_en       TEXT,
    title_ru       TEXT,
    description_en TEXT,
    description_ru TEXT,
    starts_at      TEXT    NOT NULL,            -- UTC, ISO 8601
    ends_at        TEXT    NOT NULL,            -- UTC
    timezone       TEXT    NOT NULL,            -- IANA zone the course is held in
    venue          TEXT,                        -- in person: where
    online_url     TEXT,                        -- online: the link
    capacity       INTEGER CHECK (capacity IS NULL OR capacity > 0),  -- NULL: unlimited
    deadline_at    TEXT    NOT NULL,            -- UTC; registration closes then
    language       TEXT    NOT NULL CHECK (language IN ('en', 'ru')),  -- of instruction
    status         TEXT    NOT NULL DEFAULT 'draft'
                   CHECK (status IN ('draft', 'published', 'cancelled', 'finished')),
    revision       INTEGER NOT NULL DEFAULT 0,  -- bumped when time or place change (.ics SEQUENCE)
    created_by     INTEGER,
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL,
    CHECK (ends_at > starts_at),
    CHECK (deadline_at <= starts_at),
    CHECK ((venue IS NULL) <> (online_url IS NULL))
);
CREATE INDEX courses_status_start ON courses (status, starts_at);

CREATE TABLE registrations (
    id         INTEGER PRIMARY KEY,
    course_id  INTEGER NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status     TEXT    NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
    seq        INTEGER NOT NULL,                -- arrival order within the course (waitlist order)
    attended   INTEGER NOT NULL DEFAULT 0,
    created_at TEXT    NOT NULL,                -- first sign-up
    updated_at TEXT    NOT NULL,
    UNIQUE (course_id, user_id)
);
CREATE INDEX registrations_course_status ON registrations (course_id, status, seq);
CREATE INDEX registrations_user ON registrations (user_id);

CREATE TABLE outbox (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL,               -- the recipient (private chat id)
    kind        TEXT    NOT NULL,               -- what caused it: promoted, course_changed ...
    payload     TEXT    NOT NULL,               -- JSON: {"text": {"en": ..., "ru": ...}, "ics_course_id": ...}
    priority    INTEGER NOT NULL DEFAULT 0,     -- lower is sent first
    not_before  TEXT    NOT NULL,
    state       TEXT    NOT NULL DEFAULT 'pending'
                CHECK (state IN ('pending', 'sending', 'sent', 'blocked', 'failed', 'cancelled')),
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT,
    message_id  INTEGER,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
);
CREATE INDEX outbox_due ON outbox (state, priority, not_before, id);
