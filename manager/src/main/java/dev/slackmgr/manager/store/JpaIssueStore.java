package dev.slackmgr.manager.store;

import dev.slackmgr.common.alert.AlertIds;
import dev.slackmgr.manager.issue.Issue;
import dev.slackmgr.manager.issue.IssueJson;
import dev.slackmgr.manager.issue.ManagedAlert;
import dev.slackmgr.manager.issue.MoveMapping;
import dev.slackmgr.manager.issue.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link IssueStore} on PostgreSQL through Spring Data JPA (storage.md §2, schema in docs/storage.md).
 *
 * <p>Documents are serialised here with {@link IssueJson#mapper()} and stored as {@code jsonb}; the indexed
 * columns come from the typed objects. A stored issue that can no longer be read is logged and quarantined
 * (no longer open) so it never blocks its correlation ID or channel (queue-and-locks.md §4.2). A second open
 * issue for the same (channel, correlation ID) violates a unique index and surfaces as Spring's
 * {@code DataIntegrityViolationException}. Timestamps in columns are kept at microsecond precision; NUL
 * characters, which PostgreSQL cannot store, become U+FFFD ({@link PostgresText}).
 */
@Component
public class JpaIssueStore implements IssueStore {
    private static final Logger log = LoggerFactory.getLogger(JpaIssueStore.class);

    private final IssueRows issues;
    private final AlertRows alerts;
    private final MoveMappingRows moveMappings;
    private final ChannelStateRows channelStates;
    private final PostIntentRows postIntents;
    private final TransactionTemplate tx;
    private final StoreProperties properties;
    private final BatchWriter batches;

    JpaIssueStore(IssueRows issues, AlertRows alerts, MoveMappingRows moveMappings, ChannelStateRows channelStates,
                  PostIntentRows postIntents, PlatformTransactionManager transactionManager,
                  StoreProperties properties, DataSource dataSource,
                  @Value("${spring.jpa.properties.jakarta.persistence.query.timeout:30000}") long queryTimeoutMillis) {
        // The JDBC statements get the JPA queries' timeout: a statement blocked on a lock fails as
        // StoreUnavailableException instead of stalling its channel.
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.setQueryTimeout((int) Math.max(1, (queryTimeoutMillis + 999) / 1000));
        this.batches = new BatchWriter(jdbc, properties);
        this.issues = issues;
        this.alerts = alerts;
        this.moveMappings = moveMappings;
        this.channelStates = channelStates;
        this.postIntents = postIntents;
        this.tx = new TransactionTemplate(transactionManager);
        this.properties = properties;
    }

    @Override
    public void saveAlert(ManagedAlert alert) {
        if (alert == null || alert.alert() == null) {
            throw new IllegalArgumentException("alert is null");
        }
        String channelId = requireText(alert.channelId(), "alert channel ID");
        String id = AlertIds.uniqueId(alert.alert());
        String json = PostgresText.json(IssueJson.mapper().writeValueAsString(alert));
        StoreFailures.run("saveAlert", () -> alerts.upsert(id, column(channelId),
                column(nullToEmpty(alert.alert().correlationId())), json, properties.alertsTtl().toSeconds()));
    }

    @Override
    public void saveIssue(Issue issue) {
        validate(issue);
        StoreFailures.run("saveIssue", () -> tx.executeWithoutResult(s -> upsert(List.of(issue))));
    }

    @Override
    public void saveIssues(List<Issue> issues) {
        if (issues == null) {
            throw new IllegalArgumentException("issues is null");
        }
        issues.forEach(JpaIssueStore::validate);
        if (issues.isEmpty()) {
            return;
        }
        // A fixed row order keeps two concurrent batches from deadlocking on each other.
        List<Issue> ordered = new ArrayList<>(issues);
        ordered.sort(Comparator.comparing(Issue::id));
        StoreFailures.run("saveIssues", () -> tx.executeWithoutResult(s -> upsert(ordered)));
    }

    @Override
    public void moveIssue(Issue issue, String sourceChannelId, String targetChannelId) {
        validate(issue);
        requireText(sourceChannelId, "source channel ID");
        requireText(targetChannelId, "target channel ID");
        if (sourceChannelId.equals(targetChannelId)) {
            throw new IllegalArgumentException("source and target channel are both " + sourceChannelId);
        }
        if (!channelOf(issue).equals(targetChannelId)) {
            throw new IllegalArgumentException("issue " + issue.id() + " is in channel " + channelOf(issue)
                    + ", not in the target channel " + targetChannelId);
        }
        StoreFailures.run("moveIssue", () -> tx.executeWithoutResult(s -> upsert(List.of(issue))));
    }

    @Override
    public Optional<Issue> findOpenIssueByCorrelationId(String channelId, String correlationId) {
        requireText(channelId, "channel ID");
        requireText(correlationId, "correlation ID");
        return first(StoreFailures.call("findOpenIssueByCorrelationId",
                () -> issues.findOpen(column(channelId), column(correlationId))));
    }

    @Override
    public Optional<Issue> findIssueBySlackPostId(String channelId, String postId) {
        requireText(channelId, "channel ID");
        requireText(postId, "post ID");
        return first(StoreFailures.call("findIssueBySlackPostId",
                () -> issues.findByPost(column(channelId), column(postId))));
    }

    @Override
    public List<String> findActiveChannels() {
        return List.copyOf(StoreFailures.call("findActiveChannels", issues::findActiveChannelIds));
    }

    @Override
    public List<Issue> loadOpenIssuesInChannel(String channelId) {
        requireText(channelId, "channel ID");
        List<IssueRow> rows = StoreFailures.call("loadOpenIssuesInChannel",
                () -> issues.findOpenInChannel(column(channelId)));
        List<Issue> result = new ArrayList<>(rows.size());
        for (IssueRow row : rows) {
            readable(row).ifPresent(result::add);
        }
        return result;
    }

    @Override
    public void saveMoveMapping(MoveMapping mapping) {
        if (mapping == null) {
            throw new IllegalArgumentException("move mapping is null");
        }
        requireText(mapping.id(), "move mapping ID");
        requireText(mapping.originalChannelId(), "original channel ID");
        requireText(mapping.correlationId(), "correlation ID");
        requireText(mapping.targetChannelId(), "target channel ID");
        String json = PostgresText.json(IssueJson.mapper().writeValueAsString(mapping));
        StoreFailures.run("saveMoveMapping", () -> moveMappings.upsert(column(mapping.id()),
                column(mapping.originalChannelId()), column(mapping.correlationId()),
                column(mapping.targetChannelId()), json));
    }

    @Override
    public Optional<MoveMapping> findMoveMapping(String originalChannelId, String correlationId) {
        requireText(originalChannelId, "original channel ID");
        requireText(correlationId, "correlation ID");
        Optional<MoveMappingRow> row = StoreFailures.call("findMoveMapping",
                () -> moveMappings.findByChannelIdAndCorrelationId(column(originalChannelId), column(correlationId)));
        if (row.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(IssueJson.mapper().readValue(row.get().attrs(), MoveMapping.class));
        } catch (JacksonException e) {
            log.warn("Deleting unreadable move mapping for channel {} and correlation ID {}: {}",
                    originalChannelId, correlationId, e.getOriginalMessage());
            deleteMoveMapping(originalChannelId, correlationId);
            return Optional.empty();
        }
    }

    @Override
    public void deleteMoveMapping(String originalChannelId, String correlationId) {
        requireText(originalChannelId, "original channel ID");
        requireText(correlationId, "correlation ID");
        StoreFailures.run("deleteMoveMapping", () -> moveMappings.deleteByKey(column(originalChannelId),
                column(correlationId)));
    }

    @Override
    public void saveChannelProcessingState(ChannelProcessingState state) {
        if (state == null) {
            throw new IllegalArgumentException("channel processing state is null");
        }
        requireText(state.channelId(), "channel ID");
        StoreFailures.run("saveChannelProcessingState", () -> channelStates.upsert(column(state.channelId()),
                micros(state.created()), micros(state.lastChannelActivity()), micros(state.lastProcessed()),
                state.openIssues()));
    }

    @Override
    public Optional<ChannelProcessingState> findChannelProcessingState(String channelId) {
        requireText(channelId, "channel ID");
        return StoreFailures.call("findChannelProcessingState", () -> batches.channelState(column(channelId)));
    }

    @Override
    public void savePostIntent(PostIntent intent) {
        if (intent == null) {
            throw new IllegalArgumentException("post intent is null");
        }
        requireText(intent.channelId(), "channel ID");
        requireText(intent.correlationId(), "correlation ID");
        requireText(intent.issueId(), "issue ID");
        if (intent.createdAt() == null) {
            throw new IllegalArgumentException("post intent has no creation time");
        }
        StoreFailures.run("savePostIntent", () -> postIntents.upsert(column(intent.channelId()),
                column(intent.correlationId()), column(intent.issueId()), micros(intent.createdAt())));
    }

    @Override
    public Optional<PostIntent> findPostIntent(String channelId, String correlationId) {
        requireText(channelId, "channel ID");
        requireText(correlationId, "correlation ID");
        return StoreFailures.call("findPostIntent",
                () -> postIntents.findById(new PostIntentKey(column(channelId), column(correlationId))))
                .map(PostIntentRow::toIntent);
    }

    @Override
    public void deletePostIntent(String channelId, String correlationId) {
        requireText(channelId, "channel ID");
        requireText(correlationId, "correlation ID");
        StoreFailures.run("deletePostIntent", () -> batches.deletePostIntents(
                List.of(new PostIntentKey(column(channelId), column(correlationId)))));
    }

    @Override
    public Optional<Issue> findIssue(String issueId) {
        requireText(issueId, "issue ID");
        for (BatchWriter.StoredIssue row : StoreFailures.call("findIssue", () -> batches.liveIssue(column(issueId)))) {
            Optional<Issue> issue = readable(row);
            if (issue.isPresent()) {
                return issue;
            }
        }
        return Optional.empty();
    }

    @Override
    public List<Issue> findOpenIssuesByCorrelationIds(String channelId, Collection<String> correlationIds) {
        requireText(channelId, "channel ID");
        if (correlationIds.isEmpty()) {
            return List.of();
        }
        List<String> ids = correlationIds.stream().map(JpaIssueStore::column).distinct().toList();
        List<BatchWriter.StoredIssue> rows = StoreFailures.call("findOpenIssuesByCorrelationIds",
                () -> batches.openIssues(column(channelId), ids));
        List<Issue> result = new ArrayList<>(rows.size());
        for (BatchWriter.StoredIssue row : rows) {
            readable(row).ifPresent(result::add);
        }
        return result;
    }

    @Override
    public Map<String, MoveMapping> findMoveMappings(String originalChannelId, Collection<String> correlationIds) {
        requireText(originalChannelId, "original channel ID");
        if (correlationIds.isEmpty()) {
            return Map.of();
        }
        List<String> ids = correlationIds.stream().map(JpaIssueStore::column).distinct().toList();
        List<String> rows = StoreFailures.call("findMoveMappings",
                () -> batches.moveMappingJson(column(originalChannelId), ids));
        Map<String, MoveMapping> result = new LinkedHashMap<>();
        for (String json : rows) {
            try {
                MoveMapping m = IssueJson.mapper().readValue(json, MoveMapping.class);
                result.put(m.correlationId(), m);
            } catch (JacksonException e) {
                log.warn("Unreadable move mapping in channel {}: {}", originalChannelId, e.getOriginalMessage());
            }
        }
        return result;
    }

    @Override
    public void write(ChannelWrite write) {
        if (write == null) {
            throw new IllegalArgumentException("write is null");
        }
        write.issues().forEach(JpaIssueStore::validate);
        write.alerts().forEach(a -> {
            if (a == null || a.alert() == null) {
                throw new IllegalArgumentException("alert is null");
            }
            requireText(a.channelId(), "alert channel ID");
        });
        write.pendingPosts().forEach(p -> {
            requireText(p.issueId(), "pending post issue ID");
            requireText(p.channelId(), "pending post channel ID");
        });
        if (write.isEmpty()) {
            return;
        }
        List<Issue> ordered = new ArrayList<>(write.issues());
        ordered.sort(Comparator.comparing(Issue::id));
        StoreFailures.run("write", () -> tx.executeWithoutResult(s -> {
            List<ManagedAlert> alertCopies = new ArrayList<>(write.alerts());
            write.storeOps().stream().filter(op -> op instanceof dev.slackmgr.manager.issue.StoreOp.SaveAlert)
                    .map(op -> ((dev.slackmgr.manager.issue.StoreOp.SaveAlert) op).alert()).forEach(alertCopies::add);
            batches.saveAlerts(alertCopies);
            upsert(ordered);
            for (var op : write.storeOps()) {
                if (op instanceof dev.slackmgr.manager.issue.StoreOp.SaveMoveMapping m) {
                    saveMoveMapping(m.mapping());
                } else if (op instanceof dev.slackmgr.manager.issue.StoreOp.DeleteMoveMapping d) {
                    deleteMoveMapping(d.originalChannelId(), d.correlationId());
                }
            }
            batches.savePendingPosts(write.pendingPosts());
            batches.deletePendingPosts(write.donePendingPosts());
            batches.deletePostIntents(write.settledIntents().stream()
                    .map(i -> new PostIntentKey(column(i.channelId()), column(i.correlationId()))).toList());
        }));
    }

    @Override
    public List<PendingPost> findPendingPosts(String channelId, int limit) {
        requireText(channelId, "channel ID");
        return StoreFailures.call("findPendingPosts", () -> batches.pendingPosts(column(channelId), limit));
    }

    @Override
    public Map<String, PendingPost> findPendingPostsOfIssues(Collection<String> issueIds) {
        if (issueIds.isEmpty()) {
            return Map.of();
        }
        return StoreFailures.call("findPendingPostsOfIssues", () -> batches.pendingPostsOf(issueIds));
    }

    @Override
    public List<String> findChannelsWithPendingPosts() {
        return StoreFailures.call("findChannelsWithPendingPosts", batches::channelsWithPendingPosts);
    }

    /** Upserts issues already sorted by ID (a fixed lock order keeps concurrent batches from deadlocking). */
    private void upsert(List<Issue> ordered) {
        // Concurrent upserts of one issue can trip the partial unique index on (channel, correlation ID) instead of
        // taking the ON CONFLICT (id) path; a transaction-scoped lock per issue ID serialises them.
        batches.lockIssues(ordered.stream().map(i -> column(i.id())).toList());
        List<BatchWriter.IssueUpsert> rows = new ArrayList<>(ordered.size());
        for (Issue issue : ordered) {
            boolean open = !issue.archived();
            Instant archivedAt = Times.isZero(issue.archiveTime()) ? Instant.now() : issue.archiveTime();
            rows.add(new BatchWriter.IssueUpsert(column(issue.id()), column(channelOf(issue)),
                    column(issue.correlationId()), open, column(issue.slackPostId()), open ? null : micros(archivedAt),
                    PostgresText.json(IssueJson.write(issue)), open ? null : properties.issuesTtl().toSeconds()));
        }
        batches.upsertIssues(rows);
    }

    private Optional<Issue> first(List<IssueRow> rows) {
        for (IssueRow row : rows) {
            Optional<Issue> issue = readable(row);
            if (issue.isPresent()) {
                return issue;
            }
        }
        return Optional.empty();
    }

    private Optional<Issue> readable(IssueRow row) {
        return readable(new BatchWriter.StoredIssue(row.id(), row.channelId(), row.attrs()));
    }

    /** The row's issue, or empty after quarantining a row whose JSON cannot be read. */
    private Optional<Issue> readable(BatchWriter.StoredIssue row) {
        try {
            return Optional.of(IssueJson.read(row.attrs()));
        } catch (IssueJson.CorruptIssueException e) {
            log.warn("Quarantining unreadable issue {} in channel {}: {}", row.id(), row.channelId(), e.getMessage());
            StoreFailures.run("quarantineIssue",
                    () -> issues.quarantine(row.id(), properties.issuesTtl().toSeconds()));
            return Optional.empty();
        }
    }

    private static void validate(Issue issue) {
        if (issue == null) {
            throw new IllegalArgumentException("issue is null");
        }
        if (issue.lastAlert() == null || issue.lastAlert().alert() == null) {
            throw new IllegalArgumentException("issue " + issue.id() + " has no last alert");
        }
        requireText(issue.id(), "issue ID");
        requireText(issue.correlationId(), "issue correlation ID");
        requireText(channelOf(issue), "issue channel ID");
    }

    private static String channelOf(Issue issue) {
        return nullToEmpty(issue.lastAlert().channelId());
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        return value;
    }

    private static String column(String value) {
        return PostgresText.column(value);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** PostgreSQL keeps microseconds; truncating here makes the stored value predictable (no rounding). */
    private static Instant micros(Instant t) {
        return (t == null ? Times.ZERO : t).truncatedTo(ChronoUnit.MICROS);
    }
}
