-- Deletion that stays done. A deleted user leaves one row that does not name them: a SHA-256 of their id and the time
-- of their latest deletion. Whatever was made from before that time (a late session event, the completion of a session
-- recreated by one, a patch learned from their old sessions) is refused, also after the user comes back.
create table forgotten_users (
    user_hash    text primary key,
    forgotten_at timestamptz not null
);

-- Processed patch ids outlive the user, so an old patch replayed after the user comes back is a duplicate. The ids are
-- kept as they are: the updater's are name-based UUIDs (already a one-way hash of user and session ids), others random;
-- the row no longer names the user. 'FORGOTTEN': refused as learned from sessions from before the user's deletion.
alter table processed_patches drop column user_id;
alter table processed_patches drop constraint processed_patches_outcome_check;
alter table processed_patches add constraint processed_patches_outcome_check
    check (outcome in ('APPLIED', 'REJECTED', 'FORGOTTEN'));
