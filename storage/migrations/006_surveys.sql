-- Feedback surveys. Questions and answers are JSON (their shape: bot/services/survey_model.py).

CREATE TABLE surveys (
    id           INTEGER PRIMARY KEY,
    course_id    INTEGER REFERENCES courses (id) ON DELETE SET NULL,
    title_en     TEXT    NOT NULL,
    title_ru     TEXT    NOT NULL,
    intro_en     TEXT,
    intro_ru     TEXT,
    questions    TEXT    NOT NULL,                -- JSON list of questions, in order
    anonymous    INTEGER NOT NULL DEFAULT 0,
    salt         TEXT    NOT NULL,                -- keys respondents (HMAC of the user id)
    status       TEXT    NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active')),
    opens_at     TEXT,                            -- UTC; NULL: from activation
    closes_at    TEXT    NOT NULL,                -- UTC
    send_after   INTEGER NOT NULL,                -- seconds after the course ends; 0: on demand
    remind_after INTEGER NOT NULL,                -- seconds after the invitation; 0: none
    auto_sent_at TEXT,                            -- the automatic invitation went out (once)
    created_by   INTEGER,
    created_at   TEXT    NOT NULL,
    activated_at TEXT
);
CREATE INDEX surveys_course ON surveys (course_id);

-- Who was asked (for the response rate and the one reminder). Not linked to any answer.
CREATE TABLE survey_invitations (
    survey_id   INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    invited_at  TEXT    NOT NULL,
    reminded_at TEXT,
    PRIMARY KEY (survey_id, user_id)
);
CREATE INDEX survey_invitations_user ON survey_invitations (user_id);

-- One response per person and survey. `respondent` is an HMAC of the user id with the
-- survey's salt: it lets a person resume and stops a second response. `user_id` is kept for
-- named surveys only; anonymous responses carry no user id and only the day they finished.
CREATE TABLE survey_responses (
    id          INTEGER PRIMARY KEY,
    survey_id   INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    respondent  TEXT    NOT NULL,
    user_id     INTEGER REFERENCES users (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL DEFAULT 0,       -- index of the question being answered
    answers     TEXT    NOT NULL DEFAULT '{}',    -- JSON {question index: answer}
    selection   TEXT    NOT NULL DEFAULT '[]',    -- multiple choice ticks not yet confirmed
    finished_at TEXT,
    UNIQUE (survey_id, respondent)
);
