package dev.slackmgr.manager.store;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/** Spring Data access to {@code alerts}. */
interface AlertRows extends Repository<AlertRow, String> {

    /** Inserts or replaces by unique alert ID; every write pushes the expiry to {@code now + ttl}. */
    @Modifying
    @Transactional
    @Query(nativeQuery = true, value = """
            INSERT INTO alerts (id, channel_id, correlation_id, attrs, expires_at)
            VALUES (:id, :channelId, :correlationId, CAST(:attrs AS jsonb), now() + interval '1 second' * :ttlSeconds)
            ON CONFLICT (id) DO UPDATE SET
                channel_id = EXCLUDED.channel_id, correlation_id = EXCLUDED.correlation_id,
                attrs = EXCLUDED.attrs, expires_at = EXCLUDED.expires_at, updated_at = now()
            """)
    int upsert(@Param("id") String id, @Param("channelId") String channelId,
               @Param("correlationId") String correlationId, @Param("attrs") String attrs,
               @Param("ttlSeconds") long ttlSeconds);

    @Modifying
    @Transactional
    @Query(nativeQuery = true, value = "DELETE FROM alerts WHERE expires_at < now()")
    int deleteExpired();
}
