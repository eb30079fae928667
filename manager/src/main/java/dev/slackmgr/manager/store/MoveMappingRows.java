package dev.slackmgr.manager.store;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/** Spring Data access to {@code move_mappings}; one mapping per (original channel, correlation ID). */
interface MoveMappingRows extends Repository<MoveMappingRow, String> {

    @Modifying
    @Transactional
    @Query(nativeQuery = true, value = """
            INSERT INTO move_mappings (id, channel_id, correlation_id, target_channel_id, attrs)
            VALUES (:id, :channelId, :correlationId, :targetChannelId, CAST(:attrs AS jsonb))
            ON CONFLICT (channel_id, correlation_id) DO UPDATE SET
                id = EXCLUDED.id, target_channel_id = EXCLUDED.target_channel_id, attrs = EXCLUDED.attrs,
                updated_at = now()
            """)
    int upsert(@Param("id") String id, @Param("channelId") String channelId,
               @Param("correlationId") String correlationId, @Param("targetChannelId") String targetChannelId,
               @Param("attrs") String attrs);

    Optional<MoveMappingRow> findByChannelIdAndCorrelationId(String channelId, String correlationId);

    @Modifying
    @Transactional
    @Query("delete from MoveMappingRow m where m.channelId = :channelId and m.correlationId = :correlationId")
    int deleteByKey(@Param("channelId") String channelId, @Param("correlationId") String correlationId);
}
