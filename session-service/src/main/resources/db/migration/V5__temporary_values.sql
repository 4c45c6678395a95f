-- Temporary values (docs/persona-over-time.md). A version may now be made by the expiry job: source 'EXPIRY'.
alter table persona_history drop constraint persona_history_source_check;
alter table persona_history add constraint persona_history_source_check
    check (source in ('OPTIMIZER', 'USER_EDIT', 'IMPORT', 'ROLLBACK', 'EXPIRY'));

-- When each temporary value of a persona stops holding. Written with the version that set the value (an operation's
-- "until"), deleted with the version that replaces or removes it, whatever its source; the expiry job removes the due
-- ones through the same versioned path.
create table persona_expiries (
    id         bigserial primary key,
    user_id    text        not null references users (id) on delete cascade,
    path       text        not null,
    expires_at timestamptz not null,
    version    bigint      not null,
    unique (user_id, path)
);
-- the job looks for due values across users
create index persona_expiries_due on persona_expiries (expires_at);
