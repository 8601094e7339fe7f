-- Dialog state belongs to a person the bot holds a row for, and goes with that row
-- (ON DELETE CASCADE). Finished dialogs (no state, no data) left rows behind before; they
-- and the rows of people no longer in users are not copied.
CREATE TABLE fsm_states_new (
    storage_key TEXT PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    state       TEXT,
    data        TEXT    NOT NULL DEFAULT '{}',
    updated_at  TEXT    NOT NULL
);
INSERT INTO fsm_states_new (storage_key, user_id, state, data, updated_at)
SELECT storage_key, user_id, state, data, updated_at FROM fsm_states
WHERE (state IS NOT NULL OR data <> '{}') AND user_id IN (SELECT id FROM users);
DROP TABLE fsm_states;
ALTER TABLE fsm_states_new RENAME TO fsm_states;
CREATE INDEX fsm_states_user ON fsm_states (user_id);
