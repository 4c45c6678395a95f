-- "Conversations RAG": a user may have the gateway add their most similar past session to the prompt
alter table user_settings add column retrieval text not null default 'none'
    check (retrieval in ('none', 'similar-session'));

-- One embedding per ended session, computed once (all-MiniLM-L6-v2, 384 floats); derived from the session's text,
-- which stays in session-service. Deleted with the user.
create table session_embeddings (
    user_id    text        not null,
    session_id text        not null,
    embedding  real[]      not null,
    created_at timestamptz not null,
    primary key (user_id, session_id)
);
