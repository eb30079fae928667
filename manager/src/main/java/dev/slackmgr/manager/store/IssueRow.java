package dev.slackmgr.manager.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** A row of {@code issues}: the issue JSON plus the columns it is found by. Written only by native upserts. */
@Entity
@Immutable
@Table(name = "issues")
class IssueRow {
    @Id
    private String id;
    @Column(name = "channel_id", nullable = false)
    private String channelId;
    @Column(name = "correlation_id", nullable = false)
    private String correlationId;
    @Column(name = "is_open", nullable = false)
    private boolean open;
    @Column(name = "slack_post_id")
    private String slackPostId;
    @Column(name = "archived_at")
    private Instant archivedAt;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "attrs", nullable = false, columnDefinition = "jsonb")
    private String attrs;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "quarantined_at")
    private Instant quarantinedAt;

    protected IssueRow() {
    }

    String id() {
        return id;
    }

    String channelId() {
        return channelId;
    }

    String attrs() {
        return attrs;
    }
}
