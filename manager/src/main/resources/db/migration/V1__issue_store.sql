-- Issue store schema (docs/storage.md). Entity JSON lives in jsonb "attrs"; the columns beside it are
-- written from the typed objects, never parsed out of the JSON.

CREATE TABLE issues (
    id             text        NOT NULL PRIMARY KEY,
    channel_id     text        NOT NULL CHECK (channel_id <> ''),
    correlation_id text        NOT NULL,
    is_open        boolean     NOT NULL,
    slack_post_id  text        CHECK (slack_post_id <> ''),
    archived_at    timestamptz,
    attrs          jsonb       NOT NULL,
    expires_at     timestamptz,
    quarantined_at timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
-- At most one open issue per (channel, correlation ID); archived issues do not count.
CREATE UNIQUE INDEX issues_open_channel_correlation_uq ON issues (channel_id, correlation_id) WHERE is_open;
-- At most one issue per Slack post; issues without a post (NULL) do not collide.
CREATE UNIQUE INDEX issues_channel_slack_post_uq ON issues (channel_id, slack_post_id) WHERE slack_post_id IS NOT NULL;
CREATE INDEX issues_open_channel_idx ON issues (channel_id) WHERE is_open;
CREATE INDEX issues_expires_at_idx ON issues (expires_at) WHERE expires_at IS NOT NULL;

CREATE TABLE alerts (
    id             text        NOT NULL PRIMARY KEY,
    channel_id     text        NOT NULL CHECK (channel_id <> ''),
    correlation_id text        NOT NULL,
    attrs          jsonb       NOT NULL,
    expires_at     timestamptz NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX alerts_expires_at_idx ON alerts (expires_at);

CREATE TABLE move_mappings (
    id                text        NOT NULL PRIMARY KEY,
    channel_id        text        NOT NULL CHECK (channel_id <> ''),
    correlation_id    text        NOT NULL CHECK (correlation_id <> ''),
    target_channel_id text        NOT NULL,
    attrs             jsonb       NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT move_mappings_channel_correlation_uq UNIQUE (channel_id, correlation_id)
);

CREATE TABLE channel_processing_state (
    channel_id            text        NOT NULL PRIMARY KEY CHECK (channel_id <> ''),
    created               timestamptz NOT NULL,
    last_channel_activity timestamptz NOT NULL,
    last_processed        timestamptz NOT NULL,
    open_issues           integer     NOT NULL,
    updated_at            timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE post_intents (
    channel_id     text        NOT NULL CHECK (channel_id <> ''),
    correlation_id text        NOT NULL CHECK (correlation_id <> ''),
    issue_id       text        NOT NULL,
    created_at     timestamptz NOT NULL,
    PRIMARY KEY (channel_id, correlation_id)
);
