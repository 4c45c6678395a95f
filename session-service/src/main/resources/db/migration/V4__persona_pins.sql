-- The fields and sections a user pinned (JSON Pointers): the optimizer's patches may not touch them, the user's may.
-- One row per user, replaced whole by PUT /users/{id}/persona/pins.
create table persona_pins (
    user_id    text primary key references users (id) on delete cascade,
    pointers   jsonb       not null,
    updated_at timestamptz not null
);
