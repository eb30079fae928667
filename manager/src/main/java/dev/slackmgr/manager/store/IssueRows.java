package dev.slackmgr.manager.store;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;

/**
 * Spring Data access to {@code issues}. Reads skip rows whose TTL has passed (storage.md §5.5) and rows
 * quarantined as unreadable.
 */
interface IssueRows extends Repository<IssueRow, String> {

    String LIVE = "(i.expiresAt is null or i.expiresAt > current_timestamp) and i.quarantinedAt is null";

    /**
     * Inserts or replaces by ID. An empty post ID is stored as NULL; archived issues get
     * {@code expires_at = now + ttl}, open ones none (storage.md §5.4–5.5).
     */
    @Modifying
    @Transactional
    @Query(nativeQuery = true, value = """
            INSERT INTO issues (id, channel_id, correlation_id, is_open, slack_post_id, archived_at, attrs, expires_at)
            VALUES (:id, :channelId, :correlationId, :open, NULLIF(:postId, ''),
                    CASE WHEN :open THEN NULL ELSE CAST(:archivedAt AS timestamptz) END, CAST(:attrs AS jsonb),
                    CASE WHEN :open THEN NULL ELSE now() + interval '1 second' * :ttlSeconds END)
            ON CONFLICT (id) DO UPDATE SET
                channel_id = EXCLUDED.channel_id, correlation_id = EXCLUDED.correlation_id,
                is_open = EXCLUDED.is_open, slack_post_id = EXCLUDED.slack_post_id,
                archived_at = EXCLUDED.archived_at, attrs = EXCLUDED.attrs, expires_at = EXCLUDED.expires_at,
                quarantined_at = NULL, updated_at = now()
            """)
    int upsert(@Param("id") String id, @Param("channelId") String channelId,
               @Param("correlationId") String correlationId, @Param("open") boolean open,
               @Param("postId") String postId, @Param("archivedAt") Instant archivedAt,
               @Param("attrs") String attrs, @Param("ttlSeconds") long ttlSeconds);

    @Query("select i from IssueRow i where i.channelId = :channelId and i.correlationId = :correlationId"
            + " and i.open = true and " + LIVE)
    List<IssueRow> findOpen(@Param("channelId") String channelId, @Param("correlationId") String correlationId);

    @Query("select i from IssueRow i where i.channelId = :channelId and i.slackPostId = :postId and " + LIVE)
    List<IssueRow> findByPost(@Param("channelId") String channelId, @Param("postId") String postId);

    @Query("select i from IssueRow i where i.channelId = :channelId and i.correlationId in :correlationIds"
            + " and i.open = true and " + LIVE)
    List<IssueRow> findOpenByCorrelationIds(@Param("channelId") String channelId,
                                            @Param("correlationIds") java.util.Collection<String> correlationIds);

    @Query("select i from IssueRow i where i.id = :id and " + LIVE)
    List<IssueRow> findLive(@Param("id") String id);

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
