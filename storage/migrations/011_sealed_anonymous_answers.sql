-- Issue 11: anonymous answers stay unlinkable across backups too.
--
-- Anonymous surveys have a secret key that is never in the database (a file beside it,
-- storage/survey_keys.py). Their drafts keep only `position` in clear (the compare-and-set
-- needs it); answers and ticks are in `sealed` (AES-GCM, padded to a fixed size), with
-- `answers` '{}' and `selection` '[]'. Named surveys' drafts are unchanged (`sealed` NULL).
-- Drafts written before this migration are sealed at the bot's start-up
-- (SurveyService.seal_plain_drafts).
ALTER TABLE survey_drafts ADD COLUMN sealed BLOB;

-- A finished anonymous response, until its survey closes: a random id, the survey, and the
-- encrypted answers padded to one size per survey; no user id and no time, not even the day.
-- At closing the rows become plaintext survey_responses with fresh random ids, these rows are
-- deleted and the key file goes. Rows whose key is missing stay here, counted as unreadable.
-- Responses finished before this migration stay the plaintext rows they already are: they are
-- in older backups as plaintext anyway, so encrypting them now would hide nothing.
CREATE TABLE survey_pending (
    id        INTEGER PRIMARY KEY,
    survey_id INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    sealed    BLOB    NOT NULL
);
