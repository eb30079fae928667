package dev.slackmgr.manager.store;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Optional;

/** Spring Data access to {@code post_intents}. */
interface PostIntentRows extends Repository<PostIntentRow, PostIntentKey> {

    @Modifying
    @Transactional
    @Query(nativeQuery = true, value = """
            INSERT INTO post_intents (channel_id, correlation_id, issue_id, created_at)
            VALUES (:channelId, :correlationId, :issueId, :createdAt)
            ON CONFLICT (channel_id, correlation_id) DO UPDATE SET
                issue_id = EXCLUDED.issue_id, created_at = EXCLUDED.created_at
            """)
    int upsert(@Param("channelId") String channelId, @Param("correlationId") String correlationId,
               @Param("issueId") String issueId, @Param("createdAt") Instant createdAt);

    Optional<PostIntentRow> findById(PostIntentKey id);
}
