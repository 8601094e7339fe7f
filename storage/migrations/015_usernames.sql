-- Issue 14: organisers appoint focal points (and add people by hand) by their Telegram
-- @username, so the bot keeps it again, but only for people who gave consent (the privacy
-- rule of issue 11: before consent a row holds the id and the language only). It is written
-- from each update's sender and cleared when they remove it in Telegram; /forget deletes the
-- row with it.
ALTER TABLE users ADD COLUMN username TEXT;
CREATE INDEX users_username ON users (username COLLATE NOCASE);
