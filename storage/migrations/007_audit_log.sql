-- Who did what among organisers, and when: course, announcement and survey changes, exports.

CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT    NOT NULL,              -- UTC
    actor_id    INTEGER NOT NULL,              -- the organiser's Telegram id
    action      TEXT    NOT NULL,              -- e.g. course.cancelled, export.participants
    object_kind TEXT,                          -- course | announcement | survey
    object_id   INTEGER,
    details     TEXT    NOT NULL DEFAULT '{}'  -- JSON: the field edited, the file format ...
);
CREATE INDEX audit_log_actor ON audit_log (actor_id, id);
