package dev.slackmgr.manager.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code move_mappings}: the mapping JSON, keyed by original channel and correlation ID. */
@Entity
@Immutable
@Table(name = "move_mappings")
class MoveMappingRow {
    @Id
    private String id;
    @Column(name = "channel_id", nullable = false)
    private String channelId;
    @Column(name = "correlation_id", nullable = false)
    private String correlationId;
    @Column(name = "target_channel_id", nullable = false)
    private String targetChannelId;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "attrs", nullable = false, columnDefinition = "jsonb")
    private String attrs;

    protected MoveMappingRow() {
    }

    String attrs() {
        return attrs;
    }
}
