package dev.slackmgr.manager.store;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;

/** Spring Data access to {@code channel_processing_state}. */
interface ChannelStateRows extends Repository<ChannelStateRow, String> {

    /** Inserts or replaces by channel; {@code created} keeps the value of the first insert (storage.md §5.6). */
    @Modifying
    @Transactional
    @Query(nativeQuery = true, value = """
            INSERT INTO channel_processing_state
                (channel_id, created, last_channel_activity, last_processed, open_issues)
            VALUES (:channelId, :created, :lastChannelActivity, :lastProcessed, :openIssues)
            ON CONFLICT (channel_id) DO UPDATE SET
                last_channel_activity = EXCLUDED.last_channel_activity, last_processed = EXCLUDED.last_processed,
                open_issues = EXCLUDED.open_issues, updated_at = now()
            """)
    int upsert(@Param("channelId") String channelId, @Param("created") Instant created,
               @Param("lastChannelActivity") Instant lastChannelActivity,
               @Param("lastProcessed") Instant lastProcessed, @Param("openIssues") int openIssues);
}
