-- What the gateway itself keeps per user: their switches. Conversations and personas live in session-service.
create table user_settings (
    user_id         text primary key,
    -- false: the "No Persona" setting, the model gets no persona (used for evaluation)
    personalization boolean     not null default true,
    updated_at      timestamptz not null
);
