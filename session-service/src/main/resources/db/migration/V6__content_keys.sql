-- Crypto-shredding (docs/events.md, "What stays in Kafka after a deletion"). Each user's content in the topics is sealed
-- under their content key (AES-256-GCM); the user's deletion deletes the key in its transaction, and what was sealed
-- under it can no longer be read anywhere. Not tied to users: the gateway gets the key before the user's first turn,
-- which creates the user row when it is materialized. One key per user at a time; a returning user gets a new one
-- (a new key_id), so records of the old life stay unreadable.
create table content_keys (
    user_id    text primary key,
    key_id     text        not null unique,
    key        text        not null,
    created_at timestamptz not null
);
