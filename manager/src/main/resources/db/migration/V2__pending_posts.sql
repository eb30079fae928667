-- Slack writes the manager still owes an issue post (docs/storage.md): written in the same transaction as the
-- issue state that needs them, executed and removed by the post syncer. One row per issue, coalesced.
CREATE TABLE pending_posts (
    issue_id   text        NOT NULL PRIMARY KEY,
    channel_id text        NOT NULL CHECK (channel_id <> ''),
    ops        jsonb       NOT NULL,
    queued_at  timestamptz NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pending_posts_channel_idx ON pending_posts (channel_id, queued_at);
