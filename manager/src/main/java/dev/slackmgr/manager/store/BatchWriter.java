package dev.slackmgr.manager.store;

import dev.slackmgr.common.alert.AlertIds;
import dev.slackmgr.manager.issue.IssueJson;
import dev.slackmgr.manager.issue.ManagedAlert;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JDBC batches for the high-volume writes of {@link JpaIssueStore#write} (alerts' audit copies, owed Slack
 * writes) and the {@code pending_posts} reads. Runs inside the caller's transaction.
 */
final class BatchWriter {
    private static final String UPSERT_ALERT = """
            INSERT INTO alerts (id, channel_id, correlation_id, attrs, expires_at)
            VALUES (?, ?, ?, CAST(? AS jsonb), now() + interval '1 second' * ?)
            ON CONFLICT (id) DO UPDATE SET
                channel_id = EXCLUDED.channel_id, correlation_id = EXCLUDED.correlation_id,
                attrs = EXCLUDED.attrs, expires_at = EXCLUDED.expires_at, updated_at = now()
            """;
    private static final String UPSERT_PENDING = """
            INSERT INTO pending_posts (issue_id, channel_id, ops, queued_at) VALUES (?, ?, CAST(? AS jsonb), ?)
            ON CONFLICT (issue_id) DO UPDATE SET
                channel_id = EXCLUDED.channel_id, ops = EXCLUDED.ops, queued_at = EXCLUDED.queued_at,
                updated_at = now()
            """;
    private static final String SELECT_PENDING = "SELECT issue_id, channel_id, ops, queued_at FROM pending_posts ";

    /**
     * The JSON of a pending post's {@code ops} column; {@code traceparent} is absent in rows of older versions (and
     * ignored by them).
     */
    record Ops(List<PendingPost.Delete> deletes, boolean write, String traceparent) {
    }

    private final JdbcTemplate jdbc;
    private final StoreProperties properties;

    BatchWriter(JdbcTemplate jdbc, StoreProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    void saveAlerts(List<ManagedAlert> alerts) {
        if (alerts.isEmpty()) {
            return;
        }
        long ttl = properties.alertsTtl().toSeconds();
        List<Object[]> rows = new ArrayList<>(alerts.size());
        for (ManagedAlert a : alerts) {
            String json = PostgresText.json(IssueJson.mapper().writeValueAsString(a));
            String correlationId = a.alert().correlationId() == null ? "" : a.alert().correlationId();
            rows.add(new Object[]{AlertIds.uniqueId(a.alert()), PostgresText.column(a.channelId()),
                    PostgresText.column(correlationId), json, ttl});
        }
        jdbc.batchUpdate(UPSERT_ALERT, rows);
    }

    /** Takes the transaction-scoped advisory lock of an issue ID (released at commit or rollback). */
    void lockIssue(String issueId) {
        jdbc.query("SELECT pg_advisory_xact_lock(hashtext(?))", rs -> { }, issueId);
    }

    void savePendingPosts(List<PendingPost> posts) {
        if (posts.isEmpty()) {
            return;
        }
        List<PendingPost> ordered = new ArrayList<>(posts);
        ordered.sort(java.util.Comparator.comparing(PendingPost::issueId));
        List<String> empty = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>(posts.size());
        for (PendingPost p : ordered) {
            if (p.isEmpty()) {
                empty.add(p.issueId());
                continue;
            }
            rows.add(new Object[]{PostgresText.column(p.issueId()), PostgresText.column(p.channelId()),
                    IssueJson.mapper().writeValueAsString(new Ops(p.deletes(), p.write(), p.traceparent())), timestamp(p.queuedAt())});
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(UPSERT_PENDING, rows);
        }
        deletePendingPosts(empty);
    }

    void deletePendingPosts(List<String> issueIds) {
        if (issueIds.isEmpty()) {
            return;
        }
        List<Object[]> rows = issueIds.stream().sorted().map(id -> new Object[]{PostgresText.column(id)}).toList();
        jdbc.batchUpdate("DELETE FROM pending_posts WHERE issue_id = ?", rows);
    }

    List<PendingPost> pendingPosts(String channelId, int limit) {
        return jdbc.query(SELECT_PENDING + "WHERE channel_id = ? ORDER BY queued_at, issue_id LIMIT ?",
                (rs, n) -> pendingPost(rs), channelId, limit);
    }

    Map<String, PendingPost> pendingPostsOf(Collection<String> issueIds) {
        List<String> ids = issueIds.stream().map(PostgresText::column).distinct().toList();
        String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
        Map<String, PendingPost> result = new LinkedHashMap<>();
        jdbc.query(SELECT_PENDING + "WHERE issue_id IN (" + marks + ")",
                rs -> {
                    PendingPost p = pendingPost(rs);
                    result.put(p.issueId(), p);
                }, ids.toArray());
        return result;
    }

    List<String> channelsWithPendingPosts() {
        return jdbc.queryForList("SELECT DISTINCT channel_id FROM pending_posts", String.class);
    }

    private static PendingPost pendingPost(java.sql.ResultSet rs) throws java.sql.SQLException {
        Ops ops = IssueJson.mapper().readValue(rs.getString("ops"), Ops.class);
        return new PendingPost(rs.getString("issue_id"), rs.getString("channel_id"),
                ops.deletes() == null ? List.of() : ops.deletes(), ops.write(),
                rs.getTimestamp("queued_at").toInstant(), ops.traceparent());
    }

    private static Timestamp timestamp(Instant t) {
        return Timestamp.from(t.truncatedTo(ChronoUnit.MICROS));
    }
}
