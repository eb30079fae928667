package dev.slackmgr.manager.store;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;

/**
 * Spring Data access to {@code issues} for the less frequent reads (the alert path's statements are in
 * {@link BatchWriter}). Reads skip rows whose TTL has passed (storage.md §5.5) and rows
 * quarantined as unreadable.
 */
interface IssueRows extends Repository<IssueRow, String> {

    String LIVE = "(i.expiresAt is null or i.expiresAt > current_timestamp) and i.quarantinedAt is null";

    @Query("select i from IssueRow i where i.channelId = :channelId and i.correlationId = :correlationId"
            + " and i.open = true and " + LIVE)
    List<IssueRow> findOpen(@Param("channelId") String channelId, @Param("correlationId") String correlationId);

    @Query("select i from IssueRow i where i.channelId = :channelId and i.slackPostId = :postId and " + LIVE)
    List<IssueRow> findByPost(@Param("channelId") String channelId, @Param("postId") String postId);

    @Query("select distinct i.channelId from IssueRow i where i.open = true and " + LIVE)
    List<String> findActiveChannelIds();

    @Query("select i from IssueRow i where i.channelId = :channelId and i.open = true and " + LIVE)
    List<IssueRow> findOpenInChannel(@Param("channelId") String channelId);

    /**
     * Takes an unreadable issue out of circulation: no longer open (so it neither blocks a new issue with the
     * same correlation ID nor keeps its channel active) and expiring like an archived issue.
     */
    @Modifying
    @Transactional
    @Query(nativeQuery = true, value = """
            UPDATE issues SET is_open = false, quarantined_at = now(), updated_at = now(),
                expires_at = now() + interval '1 second' * :ttlSeconds
            WHERE id = :id
            """)
    int quarantine(@Param("id") String id, @Param("ttlSeconds") long ttlSeconds);

    @Modifying
    @Transactional
    @Query(nativeQuery = true, value = "DELETE FROM issues WHERE expires_at < now()")
    int deleteExpired();
}
