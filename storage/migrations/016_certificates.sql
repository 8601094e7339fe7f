-- Certificates of attendance (issue 15).
-- Attendance per day: bit d set = present on day d + 1 of the course (its calendar days in its
-- time zone, at most 31). `attended` stays "came at least one day", which everything else
-- reads. A row marked before days existed counts as present every day (all 31 bits; only the
-- course's own days are ever counted).
ALTER TABLE registrations ADD COLUMN attended_days INTEGER NOT NULL DEFAULT 0;
UPDATE registrations SET attended_days = 2147483647 WHERE attended = 1;

-- The share of the course's days an attendee must have been present on for a certificate
-- (percent; NULL: all of them), the language of the certificates ("own": each attendee's,
-- "bilingual": English and Russian on one page) and the training hours printed on them.
ALTER TABLE courses ADD COLUMN certificate INTEGER CHECK (certificate BETWEEN 1 AND 100);
ALTER TABLE courses ADD COLUMN certificate_language TEXT NOT NULL DEFAULT 'own'
    CHECK (certificate_language IN ('own', 'bilingual'));
ALTER TABLE courses ADD COLUMN hours INTEGER CHECK (hours > 0);

-- The name in Latin letters, as in the passport: printed on English certificates.
ALTER TABLE users ADD COLUMN latin_name TEXT;

CREATE TABLE certificates (
    id          INTEGER PRIMARY KEY,
    code        TEXT    NOT NULL UNIQUE,        -- 12 Crockford base32 characters, upper case
    course_id   INTEGER NOT NULL REFERENCES courses (id),
    -- NULL once the holder used /forget: the code and the course stay, the person goes.
    user_id     INTEGER REFERENCES users (id) ON DELETE SET NULL,
    locales     TEXT    NOT NULL,               -- the page's languages: 'en', 'ru' or 'en ru'
    name_en     TEXT,                           -- as printed (NULL: not yet known, or erased)
    name_ru     TEXT,
    version     INTEGER NOT NULL DEFAULT 1,     -- > 1: reissued (a name correction)
    issued_at   TEXT    NOT NULL,
    reissued_at TEXT,
    sent_at     TEXT,                           -- NULL: waiting for the Latin name
    revoked_at  TEXT,
    erased_at   TEXT,                           -- when the holder deleted their data
    UNIQUE (course_id, user_id)
);
CREATE INDEX certificates_user ON certificates (user_id);

-- Earlier issues of a reissued certificate: superseded, kept so /verify and organisers can
-- tell an old printout from the current one.
CREATE TABLE certificate_versions (
    certificate_id INTEGER NOT NULL REFERENCES certificates (id) ON DELETE CASCADE,
    version        INTEGER NOT NULL,
    name_en        TEXT,
    name_ru        TEXT,
    issued_at      TEXT    NOT NULL,
    superseded_at  TEXT    NOT NULL,
    PRIMARY KEY (certificate_id, version)
);
