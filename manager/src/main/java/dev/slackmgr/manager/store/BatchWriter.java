package dev.slackmgr.manager.store;

import dev.slackmgr.common.alert.AlertIds;
import dev.slackmgr.manager.issue.IssueJson;
import dev.slackmgr.manager.issue.ManagedAlert;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;

/**
 * Plain JDBC for the statements of the alert path (every batch of {@link JpaIssueStore#write} and the reads before
 * it): issue upserts and their locks, alerts' audit copies, owed Slack writes, post intent deletes, and the lookups
 * of open issues, move mappings by correlation ID and the channel's processing state. Spring Data's query layer
 * cost more CPU than the statements themselves in the storm-drain profiles (docs/benchmarks.md). Writes run inside
 * the caller's transaction, if there is one.
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
    private static final String UPSERT_ISSUE = """
            INSERT INTO issues (id, channel_id, correlation_id, is_open, slack_post_id, archived_at, attrs, expires_at)
            VALUES (?, ?, ?, ?, NULLIF(?, ''), CAST(? AS timestamptz), CAST(? AS jsonb),
                    now() + interval '1 second' * CAST(? AS bigint))
            ON CONFLICT (id) DO UPDATE SET
                channel_id = EXCLUDED.channel_id, correlation_id = EXCLUDED.correlation_id,
                is_open = EXCLUDED.is_open, slack_post_id = EXCLUDED.slack_post_id,
                archived_at = EXCLUDED.archived_at, attrs = EXCLUDED.attrs, expires_at = EXCLUDED.expires_at,
                quarantined_at = NULL, updated_at = now()
            """;
    private static final int[] UPSERT_ISSUE_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BOOLEAN,
            Types.VARCHAR, Types.TIMESTAMP, Types.VARCHAR, Types.BIGINT};
    /** Rows a read may use: not past their TTL (storage.md §5.5) and not quarantined. */
    private static final String LIVE = " AND (expires_at IS NULL OR expires_at > now()) AND quarantined_at IS NULL";
    private static final String SELECT_ISSUE = "SELECT id, channel_id, attrs FROM issues ";
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

    /** An issue row as the alert path reads it. */
    record StoredIssue(String id, String channelId, String attrs) {
    }

    /** A row of {@link #upsertIssues}: {@code archivedAt} and {@code ttlSeconds} are null for an open issue. */
    record IssueUpsert(String id, String channelId, String correlationId, boolean open, String postId,
                       Instant archivedAt, String attrs, Long ttlSeconds) {
    }

    /**
     * Takes the transaction-scoped advisory locks of the issue IDs in the given order (one statement; the VALUES
     * list is scanned in order), released at commit or rollback.
     */
    void lockIssues(List<String> issueIds) {
        if (issueIds.isEmpty()) {
            return;
        }
        String values = String.join(",", java.util.Collections.nCopies(issueIds.size(), "(?)"));
        jdbc.query("SELECT count(pg_advisory_xact_lock(hashtext(v.id))) FROM (VALUES " + values + ") AS v(id)",
                rs -> { }, issueIds.toArray());
    }

    /** Inserts or replaces issues by ID in one batch (storage.md §5.4–5.5); the caller holds their locks. */
    void upsertIssues(List<IssueUpsert> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Object[]> args = new ArrayList<>(rows.size());
        for (IssueUpsert r : rows) {
            args.add(new Object[]{r.id(), r.channelId(), r.correlationId(), r.open(), r.postId(),
                    r.archivedAt() == null ? null : Timestamp.from(r.archivedAt()), r.attrs(), r.ttlSeconds()});
        }
        jdbc.batchUpdate(UPSERT_ISSUE, args, UPSERT_ISSUE_TYPES);
    }

    /** Live open issues of a channel with one of the correlation IDs (already in column form). */
    List<StoredIssue> openIssues(String channelId, List<String> correlationIds) {
        List<Object> args = new ArrayList<>(correlationIds.size() + 1);
        args.add(channelId);
        args.addAll(correlationIds);
        return jdbc.query(SELECT_ISSUE + "WHERE channel_id = ? AND correlation_id IN (" + marks(correlationIds.size())
                + ") AND is_open" + LIVE, (rs, n) -> storedIssue(rs), args.toArray());
    }

    /** The live issue with this ID (column form), if any. */
    List<StoredIssue> liveIssue(String id) {
        return jdbc.query(SELECT_ISSUE + "WHERE id = ?" + LIVE, (rs, n) -> storedIssue(rs), id);
    }

    /** The JSON of the move mappings of a channel with one of the correlation IDs (already in column form). */
    List<String> moveMappingJson(String channelId, List<String> correlationIds) {
        List<Object> args = new ArrayList<>(correlationIds.size() + 1);
        args.add(channelId);
        args.addAll(correlationIds);
        return jdbc.queryForList("SELECT attrs FROM move_mappings WHERE channel_id = ? AND correlation_id IN ("
                + marks(correlationIds.size()) + ")", String.class, args.toArray());
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

    /** The processing state of a channel, if it has one. */
    Optional<ChannelProcessingState> channelState(String channelId) {
        return jdbc.query("SELECT channel_id, created, last_channel_activity, last_processed, open_issues"
                        + " FROM channel_processing_state WHERE channel_id = ?",
                (rs, n) -> new ChannelProcessingState(rs.getString("channel_id"), instant(rs, "created"),
                        instant(rs, "last_channel_activity"), instant(rs, "last_processed"), rs.getInt("open_issues")),
                channelId).stream().findFirst();
    }

    /** Deletes the post intents with these keys (already in column form), in key order, in one batch. */
    void deletePostIntents(List<PostIntentKey> keys) {
        if (keys.isEmpty()) {
            return;
        }
        List<Object[]> rows = keys.stream()
                .sorted(Comparator.comparing(PostIntentKey::channelId).thenComparing(PostIntentKey::correlationId))
                .map(k -> new Object[]{k.channelId(), k.correlationId()})
                .toList();
        jdbc.batchUpdate("DELETE FROM post_intents WHERE channel_id = ? AND correlation_id = ?", rows);
    }

    void savePendingPosts(List<PendingPost> posts) {
        if (posts.isEmpty()) {
            return;
        }
        List<PendingPost> ordered = new ArrayList<>(posts);
        ordered.sort(Comparator.comparing(PendingPost::issueId));
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
        Map<String, PendingPost> result = new LinkedHashMap<>();
        jdbc.query(SELECT_PENDING + "WHERE issue_id IN (" + marks(ids.size()) + ")",
                rs -> {
                    PendingPost p = pendingPost(rs);
                    result.put(p.issueId(), p);
                }, ids.toArray());
        return result;
    }

    List<String> channelsWithPendingPosts() {
        return jdbc.queryForList("SELECT DISTINCT channel_id FROM pending_posts", String.class);
    }

    private static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    private static StoredIssue storedIssue(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StoredIssue(rs.getString("id"), rs.getString("channel_id"), rs.getString("attrs"));
    }

    private static PendingPost pendingPost(java.sql.ResultSet rs) throws java.sql.SQLException {
        Ops ops = IssueJson.mapper().readValue(rs.getString("ops"), Ops.class);
        return new PendingPost(rs.getString("issue_id"), rs.getString("channel_id"),
                ops.deletes() == null ? List.of() : ops.deletes(), ops.write(),
                rs.getTimestamp("queued_at").toInstant(), ops.traceparent());
    }

    /**
     * A {@code timestamptz} column as Hibernate reads the {@code Instant}s it wrote (the row's upsert binds them through
     * Hibernate): a {@code Timestamp} in UTC. Both sides use {@code java.sql.Timestamp}'s calendar, so dates before 1582
     * (the Go zero time, year 1) come back as they went in.
     */
    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        return rs.getTimestamp(column, Calendar.getInstance(TimeZone.getTimeZone("UTC"))).toInstant();
    }

    private static Timestamp timestamp(Instant t) {
        return Timestamp.from(t.truncatedTo(ChronoUnit.MICROS));
    }
}
