-- persona-updater's own state. session-service is the system of record for sessions and personas; this database only
-- holds what the optimizer needs between events: a snapshot of each persona, the sessions waiting for a batch, the
-- batches and their outcome, per-user settings, and the users who asked to be forgotten.

-- The latest PersonaChanged per user (the compacted topic, materialised). No row = version 0, the empty persona.
create table persona_snapshots (
    user_id    text primary key,
    version    bigint      not null,
    persona    text        not null,
    changed_at timestamptz not null
);

create table user_settings (
    user_id          text primary key,
    learning_enabled boolean     not null,
    -- null: the configured default k
    batch_size       integer check (batch_size > 0),
    updated_at       timestamptz not null
);

-- Users deleted upstream (a PersonaChanged tombstone), by SHA-256 of their id so no row names them. Sessions that ended
-- before then are dropped if they arrive late.
create table forgotten_users (
    user_hash    text primary key,
    forgotten_at timestamptz not null
);

create table optimizer_batches (
    -- the patch id: a name-based UUID of the user id and the sorted session ids, so a batch always yields the same id
    id              uuid primary key,
    user_id         text        not null,
    status          text        not null check (status in ('READY', 'OPTIMIZED', 'PUBLISHED', 'NO_CHANGE', 'PARKED')),
    trigger         text        not null check (trigger in ('FULL', 'MAX_WAIT', 'MANUAL')),
    session_ids     text        not null,
    base_version    bigint,
    -- the PersonaPatchProposed payload, stored before the first publication attempt and republished as is
    proposal        text,
    raw_output      text,
    problems        text,
    input_tokens    integer     not null default 0,
    output_tokens   integer     not null default 0,
    llm_calls       integer     not null default 0,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    claimed_until   timestamptz,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    published_at    timestamptz
);
create index optimizer_batches_due on optimizer_batches (next_attempt_at) where status in ('READY', 'OPTIMIZED');
create index optimizer_batches_by_user on optimizer_batches (user_id, created_at);
create index optimizer_batches_by_status on optimizer_batches (status, updated_at);

-- Every session seen, so redelivery is recognised; the conversation itself is dropped once its batch is done.
create table sessions (
    session_id  text primary key,
    user_id     text        not null,
    batch_id    uuid references optimizer_batches (id) on delete cascade,
    ended_at    timestamptz not null,
    received_at timestamptz not null,
    payload     text
);
create index sessions_buffered on sessions (user_id, ended_at, session_id) where batch_id is null;
create index sessions_by_batch on sessions (batch_id);
