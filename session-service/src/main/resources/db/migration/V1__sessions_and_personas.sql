-- Everything a user owns hangs off users(id) with ON DELETE CASCADE, so deleting a user is one statement and leaves no row.

create table users (
    id         text primary key,
    created_at timestamptz not null
);

create table sessions (
    id               text primary key,
    user_id          text        not null references users (id) on delete cascade,
    started_at       timestamptz not null,
    last_activity_at timestamptz not null,
    ended_at         timestamptz,
    end_reason       text,
    published_at     timestamptz,
    message_count    integer     not null default 0
);
create index sessions_by_user on sessions (user_id, started_at desc, id);
-- the gateway's sweeper asks for completed sessions whose completion event was not yet acknowledged
create index sessions_unpublished on sessions (ended_at) where ended_at is not null and published_at is null;

create table messages (
    id           bigserial primary key,
    session_id   text        not null references sessions (id) on delete cascade,
    seq          integer     not null,
    role         text        not null check (role in ('SYSTEM', 'USER', 'ASSISTANT', 'TOOL')),
    content      text,
    created_at   timestamptz not null,
    tool_calls   jsonb,
    tool_call_id text,
    unique (session_id, seq)
);

create table personas (
    user_id    text primary key references users (id) on delete cascade,
    version    bigint      not null,
    document   jsonb       not null,
    updated_at timestamptz not null
);

create table persona_history (
    id                 bigserial primary key,
    user_id            text        not null references users (id) on delete cascade,
    version            bigint      not null,
    document           jsonb       not null,
    patch              jsonb       not null,
    operations         jsonb,
    source             text        not null check (source in ('OPTIMIZER', 'USER_EDIT', 'IMPORT', 'ROLLBACK')),
    patch_id           text,
    source_session_ids jsonb       not null,
    model              text,
    created_at         timestamptz not null,
    unique (user_id, version)
);

create table processed_patches (
    patch_id     text primary key,
    user_id      text        not null references users (id) on delete cascade,
    outcome      text        not null check (outcome in ('APPLIED', 'REJECTED')),
    version      bigint,
    processed_at timestamptz not null
);

create table rejected_patches (
    patch_id        text primary key,
    user_id         text        not null references users (id) on delete cascade,
    base_version    bigint      not null,
    current_version bigint      not null,
    reasons         jsonb       not null,
    patch           jsonb       not null,
    rejected_at     timestamptz not null
);
create index rejected_patches_by_user on rejected_patches (user_id, rejected_at desc);

-- Transactional outbox of PersonaChanged events: written in the same transaction as the change, relayed to Kafka in id
-- order. No foreign key: a deleted user's tombstone (null payload) must outlive their rows.
create table persona_outbox (
    id         bigserial primary key,
    user_id    text        not null,
    payload    text,
    created_at timestamptz not null
);
