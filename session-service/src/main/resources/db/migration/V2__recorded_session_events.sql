-- SessionEvents already materialized, by eventId: Kafka redelivers a batch whose offsets were not committed (a crash
-- after the transaction committed), and an event without firstIndex would otherwise append its messages twice.
-- session_id is null for an event that named no session of its user (an end of an unknown session, another user's
-- session); those rows go only by age. Deleting a user removes the rest with their sessions.
create table recorded_session_events (
    event_id    text primary key,
    session_id  text        references sessions (id) on delete cascade,
    recorded_at timestamptz not null
);
-- pruned by age once a redelivery can no longer happen (the topic keeps a day)
create index recorded_session_events_by_age on recorded_session_events (recorded_at);
-- the cascade from sessions looks rows up by session
create index recorded_session_events_by_session on recorded_session_events (session_id);
