-- Questions to the organisers (issue 15): one thread per officer, their questions and the
-- organisers' answers in the order they came. Who answered is kept for the organisers' own
-- list and never shown to the officer; /forget deletes the officer's thread with the users row.
CREATE TABLE question_messages (
    id            INTEGER PRIMARY KEY,
    officer_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,  -- the thread
    author        TEXT    NOT NULL CHECK (author IN ('officer', 'organiser')),
    -- The organiser who answered (NULL for a question, and once that organiser is forgotten).
    organiser_id  INTEGER,
    answers       INTEGER REFERENCES question_messages (id) ON DELETE CASCADE,  -- an answer's question
    course_id     INTEGER REFERENCES courses (id) ON DELETE SET NULL,  -- NULL: a general question
    text          TEXT    NOT NULL DEFAULT '',
    media_type    TEXT    CHECK (media_type IN ('photo', 'document')),
    media_file_id TEXT,
    created_at    TEXT    NOT NULL
);
CREATE INDEX question_messages_officer ON question_messages (officer_id, id);
CREATE INDEX question_messages_answers ON question_messages (answers);

-- Where each message of a thread reached a chat: a question's copy in every organiser's chat,
-- an answer in the officer's. Written when the outbox marks the copy sent; a Telegram reply
-- to one of these messages is matched here (the chat and the message replied to).
CREATE TABLE question_copies (
    chat_id     INTEGER NOT NULL,
    message_id  INTEGER NOT NULL,
    question_id INTEGER NOT NULL REFERENCES question_messages (id) ON DELETE CASCADE,
    PRIMARY KEY (chat_id, message_id)
);
CREATE INDEX question_copies_question ON question_copies (question_id);
