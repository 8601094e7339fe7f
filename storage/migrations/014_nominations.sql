-- foreign_keys: off
-- Seats given by decision rather than first come, first served (issue 14): a course's sign-up
-- mode, seats per country, and the date unused country seats are released. A sign-up gains the
-- states of a request and a nomination, the country it counts against, who nominated it and
-- the organiser's reason. SQLite cannot widen a CHECK in place, so `registrations` is rebuilt
-- (sqlite.org/lang_altertable.html#otheralter) with foreign keys off, as in 013.
ALTER TABLE courses ADD COLUMN signup_mode TEXT NOT NULL DEFAULT 'open'
    CHECK (signup_mode IN ('open', 'approval', 'nomination'));
-- JSON {"az": 3, "ge": 2, "*": 1}: seats per country, "*" for every other one; NULL: none.
ALTER TABLE courses ADD COLUMN quotas TEXT;
-- UTC; from then on the seats a country left unused go to the reserve lists in order.
ALTER TABLE courses ADD COLUMN quota_release_at TEXT;

CREATE TABLE registrations_new (
    id           INTEGER PRIMARY KEY,
    course_id    INTEGER NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- pending: asks for a seat (approval mode); nominated: put forward by a focal point, holds
    -- a seat until the officer answers; confirmed, waitlisted (no seat free), reserve (the
    -- country's quota is used up), declined (by an organiser or the nominee), cancelled.
    status       TEXT    NOT NULL CHECK (status IN ('pending', 'nominated', 'confirmed',
                         'waitlisted', 'reserve', 'declined', 'cancelled')),
    seq          INTEGER NOT NULL,              -- arrival order within the course (list order)
    attended     INTEGER NOT NULL DEFAULT 0,
    created_at   TEXT    NOT NULL,              -- first sign-up
    updated_at   TEXT    NOT NULL,
    country      TEXT,                          -- the quota it counts against (profile country)
    nominated_by INTEGER REFERENCES users (id) ON DELETE SET NULL,  -- the focal point
    reason       TEXT,                          -- the organiser's words with the last decision
    UNIQUE (course_id, user_id)
);
INSERT INTO registrations_new (
    id, course_id, user_id, status, seq, attended, created_at, updated_at, country
)
SELECT r.id, r.course_id, r.user_id, r.status, r.seq, r.attended, r.created_at, r.updated_at,
       u.country
FROM registrations r LEFT JOIN users u ON u.id = r.user_id;
DROP TABLE registrations;
ALTER TABLE registrations_new RENAME TO registrations;
CREATE INDEX registrations_course_status ON registrations (course_id, status, seq);
CREATE INDEX registrations_user ON registrations (user_id);
CREATE INDEX registrations_nominated_by ON registrations (nominated_by);

-- National focal points: who may nominate the officers of a country (one or more each).
CREATE TABLE focal_points (
    country    TEXT    NOT NULL,                -- ISO 3166-1 alpha-2, lower case
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TEXT    NOT NULL,
    PRIMARY KEY (country, user_id)
);
CREATE INDEX focal_points_user ON focal_points (user_id);

-- A focal point's invitation link (t.me/<bot>?start=n<token>): whoever of the country opens
-- it is nominated by that focal point.
CREATE TABLE nomination_invites (
    token          TEXT    PRIMARY KEY,
    course_id      INTEGER NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    focal_point_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    country        TEXT    NOT NULL,
    created_at     TEXT    NOT NULL,
    UNIQUE (course_id, focal_point_id, country)
);
