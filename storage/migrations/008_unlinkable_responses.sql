-- Issue 11: a finished anonymous response can no longer be linked to its author.
--
-- A questionnaire in progress is a draft keyed by survey and person (resume from any button,
-- another device). Finishing writes the response row with a random id, without key or user
-- id (anonymous surveys), with only the day, deletes the draft and sets the invitation's
-- `finished` flag, in one transaction. The per-survey salt and the HMAC key go.

CREATE TABLE survey_drafts (
    survey_id INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL DEFAULT 0,       -- index of the question being answered
    answers   TEXT    NOT NULL DEFAULT '{}',    -- JSON {question index: answer}
    selection TEXT    NOT NULL DEFAULT '[]',    -- multiple choice ticks not yet confirmed
    PRIMARY KEY (survey_id, user_id)
);
CREATE INDEX survey_drafts_user ON survey_drafts (user_id);

-- Finished or not; no time and nothing that points at the response.
ALTER TABLE survey_invitations ADD COLUMN finished INTEGER NOT NULL DEFAULT 0;

-- Anonymous responses: `id` random from 2**62 up (rowid order would follow finishing order),
-- no `user_id`, `finished_at` only the day (YYYY-MM-DD). Named responses: ids 1, 2, 3 ... in
-- finishing order, with the user id and the time. No index: every extra structure would be
-- one more place where insertion order could show.
CREATE TABLE survey_responses_new (
    id          INTEGER PRIMARY KEY,
    survey_id   INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    user_id     INTEGER REFERENCES users (id) ON DELETE CASCADE,
    answers     TEXT    NOT NULL,
    finished_at TEXT    NOT NULL
);

-- Named surveys: the user id says whose response it is.
INSERT INTO survey_drafts (survey_id, user_id, position, answers, selection)
SELECT r.survey_id, r.user_id, r.position, r.answers, r.selection
FROM survey_responses r JOIN surveys s ON s.id = r.survey_id
WHERE s.anonymous = 0 AND r.user_id IS NOT NULL AND r.finished_at IS NULL;

UPDATE survey_invitations SET finished = 1
WHERE EXISTS (
    SELECT 1 FROM survey_responses r JOIN surveys s ON s.id = r.survey_id
    WHERE s.anonymous = 0 AND r.finished_at IS NOT NULL
      AND r.survey_id = survey_invitations.survey_id AND r.user_id = survey_invitations.user_id
);

INSERT INTO survey_responses_new (id, survey_id, user_id, answers, finished_at)
SELECT ROW_NUMBER() OVER (ORDER BY r.finished_at, r.id), r.survey_id, r.user_id, r.answers,
       r.finished_at
FROM survey_responses r JOIN surveys s ON s.id = r.survey_id
WHERE s.anonymous = 0 AND r.finished_at IS NOT NULL;

-- Finished anonymous responses: random ids, written in random order, only the day.
INSERT INTO survey_responses_new (id, survey_id, user_id, answers, finished_at)
SELECT 4611686018427387904 + (random() & 4611686018427387903), r.survey_id, NULL, r.answers,
       substr(r.finished_at, 1, 10)
FROM survey_responses r JOIN surveys s ON s.id = r.survey_id
WHERE s.anonymous = 1 AND r.finished_at IS NOT NULL
ORDER BY random();

-- Anonymous surveys: which invitee a key belongs to takes the HMAC, which SQL cannot
-- compute. The keys wait here, without the finished answers, until the bot's start-up
-- (SurveyService.convert_legacy_keys) marks invitations finished, turns the unfinished into
-- drafts, and deletes every row.
CREATE TABLE survey_legacy_keys (
    survey_id  INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    salt       TEXT    NOT NULL,
    respondent TEXT    NOT NULL,
    finished   INTEGER NOT NULL,
    position   INTEGER NOT NULL,
    answers    TEXT    NOT NULL,
    selection  TEXT    NOT NULL
);

INSERT INTO survey_legacy_keys (survey_id, salt, respondent, finished, position, answers,
                                selection)
SELECT r.survey_id, s.salt, r.respondent, r.finished_at IS NOT NULL, r.position,
       CASE WHEN r.finished_at IS NULL THEN r.answers ELSE '{}' END,
       CASE WHEN r.finished_at IS NULL THEN r.selection ELSE '[]' END
FROM survey_responses r JOIN surveys s ON s.id = r.survey_id
WHERE s.anonymous = 1;

DROP TABLE survey_responses;
ALTER TABLE survey_responses_new RENAME TO survey_responses;
ALTER TABLE surveys DROP COLUMN salt;
