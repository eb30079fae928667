package dev.slackmgr.manager.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/**
 * A row of {@code channel_processing_state}, every field of {@link ChannelProcessingState} as a column: the entity of
 * {@link ChannelStateRows}' upsert; the alert path reads the row with JDBC ({@link BatchWriter#channelState}).
 */
@Entity
@Immutable
@Table(name = "channel_processing_state")
class ChannelStateRow {
    @Id
    @Column(name = "channel_id")
    private String channelId;
    @Column(name = "created", nullable = false)
    private Instant created;
    @Column(name = "last_channel_activity", nullable = false)
    private Instant lastChannelActivity;
    @Column(name = "last_processed", nullable = false)
    private Instant lastProcessed;
    @Column(name = "open_issues", nullable = false)
    private int openIssues;

    protected ChannelStateRow() {
    }
}
