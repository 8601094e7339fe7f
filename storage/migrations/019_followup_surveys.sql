-- Issue 15: a follow-up survey months after a course (Kirkpatrick level 3), and the office's
-- own survey templates.
-- Days after the course end the follow-up survey goes out; NULL: no follow-up.
ALTER TABLE courses ADD COLUMN followup INTEGER;
-- 'followup': the course's follow-up survey (made from the course's `followup`, invited to
-- attendees only); 'survey': every other one.
ALTER TABLE surveys ADD COLUMN kind TEXT NOT NULL DEFAULT 'survey'
    CHECK (kind IN ('survey', 'followup'));
CREATE UNIQUE INDEX surveys_course_followup ON surveys (course_id) WHERE kind = 'followup';

-- "My templates": surveys an organiser saved to start later ones from. `definition` is JSON
-- (title, intro, questions with their identities, anonymous); shared by the whole office.
CREATE TABLE survey_templates (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    definition TEXT    NOT NULL,
    created_by INTEGER,
    created_at TEXT    NOT NULL
);
