package dev.slackmgr.manager.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** A row of {@code alerts}, the audit copy of a processed alert; the manager never reads it back. */
@Entity
@Immutable
@Table(name = "alerts")
class AlertRow {
    @Id
    private String id;
    @Column(name = "channel_id", nullable = false)
    private String channelId;
    @Column(name = "correlation_id", nullable = false)
    private String correlationId;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "attrs", nullable = false, columnDefinition = "jsonb")
    private String attrs;
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected AlertRow() {
    }

    String attrs() {
        return attrs;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
