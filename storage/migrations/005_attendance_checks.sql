-- "Are you still coming?" some days before a course (optional per course).

ALTER TABLE courses ADD COLUMN attendance_check_days INTEGER
    CHECK (attendance_check_days IS NULL OR attendance_check_days BETWEEN 1 AND 60);

CREATE TABLE attendance_checks (
    course_id   INTEGER NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    starts_at   TEXT    NOT NULL,   -- the start it was for
    recipients  INTEGER NOT NULL,
    recorded_at TEXT    NOT NULL,
    PRIMARY KEY (course_id, starts_at)
);
