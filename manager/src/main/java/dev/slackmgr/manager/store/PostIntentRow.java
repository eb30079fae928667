package dev.slackmgr.manager.store;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/** A row of {@code post_intents}: a Slack post started for (channel, correlation ID) and not yet recorded. */
@Entity
@Immutable
@Table(name = "post_intents")
class PostIntentRow {
    @EmbeddedId
    private PostIntentKey key;
    @Column(name = "issue_id", nullable = false)
    private String issueId;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PostIntentRow() {
    }

    PostIntent toIntent() {
        return new PostIntent(key.channelId(), key.correlationId(), issueId, createdAt);
    }
}
