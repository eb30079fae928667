package dev.slackmgr.manager.store;

import dev.slackmgr.common.alert.Alert;
import dev.slackmgr.manager.issue.Issue;
import dev.slackmgr.manager.issue.IssueJson;
import dev.slackmgr.manager.issue.ManagedAlert;
import dev.slackmgr.manager.issue.MoveMapping;
import dev.slackmgr.manager.issue.StoreOp;
import dev.slackmgr.manager.issue.Times;
import dev.slackmgr.manager.testing.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The DB conformance suite of the reference (storage.md §6.2, T1–T22) against {@link JpaIssueStore} on a real
 * PostgreSQL, adapted to typed objects (invalid arguments are {@link IllegalArgumentException}s), plus the
 * cases §6.3 adds, the Java-only behaviour (corrupt rows, post intents, TTL cleanup) and transactions.
 * Like the reference suite, most cases share channel C0ABABABAB and tolerate left-over rows.
 */
@SpringBootTest(classes = StoreTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "spring.jpa.properties.jakarta.persistence.query.timeout=2000")
@TestMethodOrder(MethodOrderer.MethodName.class)
class IssueStoreConformanceTest {
    static final String CH1 = "C0ABABABAB";
    static final String CH2 = "C0ABABABAC";
    static final String CH3 = "C0ABABABAD";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry);
    }

    @Autowired
    IssueStore store;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Flyway flyway;
    @Autowired
    DataSource dataSource;
    @Autowired
    ExpiredRowCleanup cleanup;

    /** The reference's "drop all + init": here an emptying of every store table. */
    private void dropAllData() {
        jdbc.execute("TRUNCATE issues, alerts, move_mappings, channel_processing_state, post_intents, pending_posts");
    }

    private static String uuid() {
        return UUID.randomUUID().toString();
    }

    private static ManagedAlert managed(String channelId, String correlationId) {
        return ManagedAlert.received(TestIssues.alert(channelId, correlationId));
    }

    private List<String> openIds(String channelId) {
        return store.loadOpenIssuesInChannel(channelId).stream().map(Issue::id).toList();
    }

    // ---- storage.md §6.2 -------------------------------------------------------------------------------

    @Test
    void t01_saveAlert() {
        ManagedAlert first = managed(CH1, uuid());
        ManagedAlert second = managed(CH1, uuid());
        store.saveAlert(first);
        store.saveAlert(second);
        store.saveAlert(first);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM alerts WHERE correlation_id IN (?, ?)", Long.class,
                first.alert().correlationId(), second.alert().correlationId())).isEqualTo(2);
        assertThatThrownBy(() -> store.saveAlert(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void t02_saveIssue() {
        assertThatThrownBy(() -> store.saveIssue(null)).isInstanceOf(IllegalArgumentException.class);
        Issue issue1 = TestIssues.issue(CH1, uuid());
        Issue issue2 = TestIssues.issue(CH1, uuid());

        store.saveIssue(issue1);
        Issue found1 = store.findOpenIssueByCorrelationId(CH1, issue1.correlationId()).orElseThrow();
        assertThat(found1.id()).isEqualTo(issue1.id());
        assertThat(found1.slackPostId()).isEqualTo(issue1.slackPostId());

        store.saveIssue(issue2);
        Issue found2 = store.findOpenIssueByCorrelationId(CH1, issue2.correlationId()).orElseThrow();
        assertThat(found2.id()).isEqualTo(issue2.id());
        assertThat(found2.slackPostId()).isEqualTo(issue2.slackPostId());

        Issue changed = TestIssues.withPostId(issue1, uuid());
        store.saveIssue(changed);
        Issue found = store.findOpenIssueByCorrelationId(CH1, issue1.correlationId()).orElseThrow();
        assertThat(found.id()).isEqualTo(issue1.id());
        assertThat(found.slackPostId()).isEqualTo(changed.slackPostId());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM issues WHERE correlation_id = ?", Long.class,
                issue1.correlationId())).isEqualTo(1);
    }

    @Test
    void t03_moveIssue() {
        dropAllData();
        Issue issue1 = TestIssues.issue(CH1, uuid());
        Issue issue2 = TestIssues.issue(CH1, uuid());
        store.saveIssues(List.of(issue1, issue2));
        assertThat(store.loadOpenIssuesInChannel(CH1)).hasSize(2);
        assertThat(store.loadOpenIssuesInChannel(CH2)).isEmpty();

        store.moveIssue(TestIssues.inChannel(issue1, CH2), CH1, CH2);

        assertThat(openIds(CH1)).containsExactly(issue2.id());
        assertThat(openIds(CH2)).containsExactly(issue1.id());
        assertThat(store.findOpenIssueByCorrelationId(CH1, issue1.correlationId())).isEmpty();
        assertThat(store.findOpenIssueByCorrelationId(CH2, issue1.correlationId())).get()
                .extracting(Issue::id).isEqualTo(issue1.id());
    }

    @Test
    void t04_findOpenIssueByCorrelationId() {
        assertThatThrownBy(() -> store.findOpenIssueByCorrelationId("", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.findOpenIssueByCorrelationId(CH1, ""))
                .isInstanceOf(IllegalArgumentException.class);
        Issue issue = TestIssues.issue(CH1, uuid());
        assertThat(store.findOpenIssueByCorrelationId(CH1, issue.correlationId())).isEmpty();

        store.saveIssue(issue);
        Issue found = store.findOpenIssueByCorrelationId(CH1, issue.correlationId()).orElseThrow();
        assertSameFields(found, issue);

        Issue archived = TestIssues.issue(CH1, uuid(), uuid(), true);
        store.saveIssue(archived);
        assertThat(store.findOpenIssueByCorrelationId(CH1, archived.correlationId())).isEmpty();
    }

    @Test
    void t05_findIssueBySlackPostId() {
        assertThatThrownBy(() -> store.findIssueBySlackPostId("", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.findIssueBySlackPostId(CH1, "")).isInstanceOf(IllegalArgumentException.class);
        Issue issue = TestIssues.issue(CH1, uuid());
        assertThat(store.findIssueBySlackPostId(CH1, issue.slackPostId())).isEmpty();

        store.saveIssue(issue);
        assertSameFields(store.findIssueBySlackPostId(CH1, issue.slackPostId()).orElseThrow(), issue);

        Issue reposted = TestIssues.withPostId(issue, uuid());
        store.saveIssue(reposted);
        assertThat(store.findIssueBySlackPostId(CH1, issue.slackPostId())).isEmpty();
        assertThat(store.findIssueBySlackPostId(CH1, reposted.slackPostId())).get()
                .extracting(Issue::slackPostId).isEqualTo(reposted.slackPostId());
    }

    @Test
    void t06_saveIssues() {
        dropAllData();
        store.saveIssues(List.of());
        store.saveIssues(List.of(TestIssues.issue(CH1, uuid()), TestIssues.issue(CH1, uuid()),
                TestIssues.issue(CH1, uuid())));
        assertThat(store.loadOpenIssuesInChannel(CH1)).hasSize(3);
    }

    @Test
    void t07_findActiveChannels() {
        dropAllData();
        Issue a = TestIssues.issue(CH1, uuid());
        Issue b = TestIssues.issue(CH2, uuid());
        Issue c = TestIssues.issue(CH2, uuid());
        store.saveIssues(List.of(a, b, c, TestIssues.issue(CH3, uuid(), uuid(), true), TestIssues.issue(CH3, uuid())));
        assertThat(store.findActiveChannels()).containsExactlyInAnyOrder(CH1, CH2, CH3);

        store.saveIssues(List.of(TestIssues.archived(a), TestIssues.archived(b), TestIssues.archived(c)));
        assertThat(store.findActiveChannels()).containsExactly(CH3);
    }

    @Test
    void t08_loadOpenIssuesInChannel() {
        dropAllData();
        Issue a = TestIssues.issue(CH1, uuid());
        Issue b = TestIssues.issue(CH1, uuid());
        Issue c = TestIssues.issue(CH2, uuid());
        store.saveIssues(List.of(a, b, c, TestIssues.issue(CH2, uuid(), uuid(), true)));
        assertThat(openIds(CH1)).containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(openIds(CH2)).containsExactly(c.id());

        store.saveIssue(TestIssues.archived(c));
        assertThat(store.loadOpenIssuesInChannel(CH2)).isEmpty();
    }

    @Test
    void t09_creatingAndFindingMoveMappings() {
        String correlationId = uuid();
        MoveMapping mapping = MoveMapping.of(CH1, correlationId, CH2, MoveMapping.USER_COMMAND, Instant.now());
        store.saveMoveMapping(mapping);
        MoveMapping found = store.findMoveMapping(CH1, correlationId).orElseThrow();
        assertThat(found).isEqualTo(mapping);
        assertThat(Times.rfc3339Nano(found.timestamp())).isEqualTo(Times.rfc3339Nano(mapping.timestamp()));

        MoveMapping retargeted = new MoveMapping(mapping.id(), mapping.timestamp(), correlationId, CH1, CH3,
                MoveMapping.USER_COMMAND);
        store.saveMoveMapping(retargeted);
        MoveMapping updated = store.findMoveMapping(CH1, correlationId).orElseThrow();
        assertThat(updated.targetChannelId()).isEqualTo(CH3);
        assertThat(updated.id()).isEqualTo(mapping.id());
        assertThat(updated.timestamp()).isEqualTo(mapping.timestamp());

        assertThatThrownBy(() -> store.saveMoveMapping(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.findMoveMapping("", correlationId)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.findMoveMapping(CH1, "")).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.findMoveMapping("foo", correlationId)).isEmpty();
        assertThat(store.findMoveMapping(CH1, "foo")).isEmpty();
    }

    @Test
    void t10_deletingMoveMappings() {
        String correlationId = uuid();
        store.saveMoveMapping(MoveMapping.of(CH1, correlationId, CH2, MoveMapping.ESCALATION, Instant.now()));
        assertThat(store.findMoveMapping(CH1, correlationId)).isPresent();

        store.deleteMoveMapping(CH1, correlationId);
        assertThat(store.findMoveMapping(CH1, correlationId)).isEmpty();
        assertThatCode(() -> store.deleteMoveMapping(CH1, correlationId)).doesNotThrowAnyException();
    }

    @Test
    void t11_creatingAndFindingChannelProcessingState() {
        // A channel of its own: "created" keeps its first value, so left-over rows of an earlier run would differ.
        String channel = "C" + uuid();
        Instant now = Instant.now();
        store.saveChannelProcessingState(new ChannelProcessingState(channel, now, now, now, 0));
        ChannelProcessingState found = store.findChannelProcessingState(channel).orElseThrow();
        assertThat(found.channelId()).isEqualTo(channel);
        assertThat(found.created()).isEqualTo(micros(now));
        assertThat(found.lastProcessed()).isEqualTo(micros(now));

        Instant later = now.plus(Duration.ofMinutes(5));
        store.saveChannelProcessingState(new ChannelProcessingState(channel, later, now, later, 0));
        ChannelProcessingState updated = store.findChannelProcessingState(channel).orElseThrow();
        assertThat(updated.channelId()).isEqualTo(channel);
        assertThat(updated.created()).isEqualTo(micros(now));
        assertThat(updated.lastProcessed()).isEqualTo(micros(later));
    }

    @Test
    void t12_init() throws Exception {
        assertThat(flyway.migrate().success).isTrue();
        assertThat(flyway.migrate().migrationsExecuted).isZero();

        TestPostgres.Database fresh = TestPostgres.createDatabase();
        Flyway freshFlyway = Flyway.configure().configuration(flyway.getConfiguration())
                .dataSource(fresh.jdbcUrl(), fresh.user(), fresh.password()).load();
        assertThat(freshFlyway.migrate().migrationsExecuted).isPositive();
        assertThat(freshFlyway.migrate().migrationsExecuted).isZero();
        try (Connection c = fresh.connect(); Statement s = c.createStatement()) {
            assertThat(s.executeQuery("SELECT count(*) FROM issues").next()).isTrue();
        }
    }

    @Test
    void t13_init_WithSchemaValidation() {
        Flyway recreating = Flyway.configure().configuration(flyway.getConfiguration()).cleanDisabled(false).load();
        recreating.clean();
        assertThat(jdbc.queryForObject("SELECT to_regclass('issues') IS NULL", Boolean.class)).isTrue();

        assertThat(recreating.migrate().migrationsExecuted).isPositive();
        assertThatCode(recreating::validate).doesNotThrowAnyException();
        ManagedAlert alert = managed(CH1, uuid());
        store.saveAlert(alert);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alerts WHERE correlation_id = ?", Long.class,
                alert.alert().correlationId())).isEqualTo(1);
    }

    @Test
    void t14_moveIssue_EdgeCases() {
        Issue a = TestIssues.issue(CH1, uuid());
        store.saveIssue(a);
        assertThatThrownBy(() -> store.moveIssue(a, CH1, CH1)).isInstanceOf(IllegalArgumentException.class);

        Issue b = TestIssues.issue(CH1, uuid());
        store.saveIssue(b);
        store.moveIssue(TestIssues.inChannel(b, CH2), CH1, CH2);
        assertThat(store.findOpenIssueByCorrelationId(CH2, b.correlationId())).isPresent();

        Issue neverSaved = TestIssues.issue(CH2, uuid());
        assertThatCode(() -> store.moveIssue(neverSaved, CH1, CH2)).doesNotThrowAnyException();
        assertThat(store.findOpenIssueByCorrelationId(CH2, neverSaved.correlationId())).isPresent();
    }

    @Test
    void t15_channelProcessingState_EdgeCases() {
        assertThatThrownBy(() -> store.saveChannelProcessingState(null)).isInstanceOf(IllegalArgumentException.class);

        String busy = "C" + uuid();
        Instant now = Instant.now();
        store.saveChannelProcessingState(new ChannelProcessingState(busy, now, now, Times.ZERO, 10_000));
        assertThat(store.findChannelProcessingState(busy).orElseThrow().openIssues()).isEqualTo(10_000);

        String precise = "C" + uuid();
        Instant processed = Instant.now();
        store.saveChannelProcessingState(new ChannelProcessingState(precise, processed, processed, processed, 0));
        assertThat(Times.rfc3339Nano(store.findChannelProcessingState(precise).orElseThrow().lastProcessed()))
                .isEqualTo(Times.rfc3339Nano(micros(processed)));
    }

    @Test
    void t16_saveIssue_ComplexAlert() {
        Alert full = TestIssues.fullAlert(CH1, uuid());
        Issue issue = TestIssues.issue(full, uuid(), false);
        store.saveIssue(issue);

        Issue found = store.findOpenIssueByCorrelationId(CH1, full.correlationId()).orElseThrow();
        Alert last = found.lastAlert().alert();
        assertThat(last.header()).isEqualTo(full.header());
        assertThat(last.text()).isEqualTo(full.text());
        assertThat(last.severity()).isEqualTo(full.severity());
        assertThat(last.fields()).hasSameSizeAs(full.fields());
        assertThat(found).isEqualTo(issue);
    }

    @Test
    void t17_specialCharactersInCorrelationId() {
        List<String> ids = List.of("alert-🚨-critical", "alert with spaces", "alert!@#$%^&*()",
                "alert \"double\" and 'single' quotes", "alert\\with\\backslashes", "alert\nwith newline",
                "alert\twith tab", "アラート-警告-错误", "'; DROP TABLE issues; --", "a".repeat(490));
        for (String raw : ids) {
            String correlationId = raw + " " + uuid();
            store.saveIssue(TestIssues.issue(CH1, correlationId));
            Issue found = store.findOpenIssueByCorrelationId(CH1, correlationId).orElseThrow();
            assertThat(found.correlationId()).isEqualTo(correlationId);
            assertThat(found.lastAlert().alert().correlationId()).isEqualTo(correlationId);
        }
        assertThat(jdbc.queryForObject("SELECT to_regclass('issues') IS NOT NULL", Boolean.class)).isTrue();
    }

    @Test
    void t18_concurrentSaveIssue() throws Exception {
        Issue issue = TestIssues.issue(CH1, uuid());
        store.saveIssue(issue);
        List<Callable<Void>> saves = IntStream.range(0, 10).<Callable<Void>>mapToObj(i -> () -> {
            store.saveIssue(TestIssues.withPostId(issue, uuid()));
            return null;
        }).toList();
        runAll(saves);
        assertThat(store.findOpenIssueByCorrelationId(CH1, issue.correlationId())).get()
                .extracting(Issue::id).isEqualTo(issue.id());
    }

    @Test
    void t19_concurrentMoveMapping() throws Exception {
        String correlationId = uuid();
        List<Callable<Void>> saves = IntStream.range(0, 5).<Callable<Void>>mapToObj(i -> () -> {
            store.saveMoveMapping(MoveMapping.of("C0ABABAB0" + i, correlationId, "C0ABABAC0" + i,
                    MoveMapping.ESCALATION, Instant.now()));
            return null;
        }).toList();
        runAll(saves);
        for (int i = 0; i < 5; i++) {
            assertThat(store.findMoveMapping("C0ABABAB0" + i, correlationId)).get()
                    .extracting(MoveMapping::targetChannelId).isEqualTo("C0ABABAC0" + i);
        }
    }

    @Test
    void t20_loadOpenIssuesInChannel_LargeDataset() {
        dropAllData();
        List<Issue> issues = IntStream.range(0, 100).mapToObj(i -> TestIssues.issue(CH1, uuid())).toList();
        store.saveIssues(issues);
        assertThat(openIds(CH1)).hasSize(100)
                .containsExactlyInAnyOrderElementsOf(issues.stream().map(Issue::id).toList());
    }

    @Test
    void t21_findActiveChannels_ManyChannels() {
        dropAllData();
        Set<String> channels = IntStream.range(0, 50).mapToObj(i -> String.format("C0ABABAB%02d", i))
                .collect(Collectors.toSet());
        channels.forEach(ch -> store.saveIssue(TestIssues.issue(ch, uuid())));
        assertThat(store.findActiveChannels()).hasSize(50).containsExactlyInAnyOrderElementsOf(channels);
    }

    /** Go's cancelled context becomes an interrupted thread: a graceful result or an error, never a broken store. */
    @Test
    void t22_contextCancellation() throws Exception {
        Issue issue = TestIssues.issue(CH1, uuid());
        store.saveIssue(issue);
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            Thread.currentThread().interrupt();
            try {
                outcome.set(store.findOpenIssueByCorrelationId(CH1, issue.correlationId()));
            } catch (RuntimeException e) {
                outcome.set(e);
            }
        });
        caller.start();
        caller.join(30_000);
        assertThat(outcome.get()).satisfiesAnyOf(
                o -> assertThat(o).isInstanceOf(StoreUnavailableException.class),
                o -> assertThat(o).isEqualTo(Optional.of(issue)));
        assertThat(store.findOpenIssueByCorrelationId(CH1, issue.correlationId())).contains(issue);
    }

    // ---- storage.md §6.3 and Java-only behaviour ----------------------------------------------------------

    @Test
    void expiredIssuesAreInvisibleToEveryRead() {
        String channel = "C" + uuid();
        Issue open = TestIssues.issue(channel, uuid());
        Issue archived = TestIssues.issue(channel, uuid(), uuid(), true);
        store.saveIssues(List.of(open, archived));
        assertThat(store.findIssueBySlackPostId(channel, archived.slackPostId())).isPresent();
        jdbc.update("UPDATE issues SET expires_at = now() - interval '1 second' WHERE channel_id = ?", channel);

        assertThat(store.findOpenIssueByCorrelationId(channel, open.correlationId())).isEmpty();
        assertThat(store.findIssueBySlackPostId(channel, open.slackPostId())).isEmpty();
        assertThat(store.findIssueBySlackPostId(channel, archived.slackPostId())).isEmpty();
        assertThat(store.loadOpenIssuesInChannel(channel)).isEmpty();
        assertThat(store.findActiveChannels()).doesNotContain(channel);
    }

    @Test
    void findIssueBySlackPostIdReturnsArchivedIssues() {
        Issue archived = TestIssues.issue(CH1, uuid(), uuid(), true);
        store.saveIssue(archived);
        assertThat(store.findIssueBySlackPostId(CH1, archived.slackPostId())).contains(archived);
    }

    @Test
    void secondOpenIssueWithSameCorrelationIdIsRejected() {
        String correlationId = uuid();
        Issue first = TestIssues.issue(CH1, correlationId);
        store.saveIssue(first);
        assertThatThrownBy(() -> store.saveIssue(TestIssues.issue(CH1, correlationId)))
                .isInstanceOf(DataIntegrityViolationException.class);

        store.saveIssue(TestIssues.archived(first));
        Issue next = TestIssues.issue(CH1, correlationId);
        store.saveIssue(next);
        assertThat(store.findOpenIssueByCorrelationId(CH1, correlationId)).contains(next);
    }

    @Test
    void emptyPostIdIsStoredAsNull() {
        String channel = "C" + uuid();
        store.saveIssues(List.of(TestIssues.issue(channel, uuid(), "", false),
                TestIssues.issue(channel, uuid(), "", false)));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM issues WHERE channel_id = ? AND slack_post_id IS NULL",
                Long.class, channel)).isEqualTo(2);
        assertThat(store.loadOpenIssuesInChannel(channel)).hasSize(2);
    }

    @Test
    void archivingSetsExpiryAndReopeningClearsIt() {
        Issue issue = TestIssues.issue(CH1, uuid());
        store.saveIssue(issue);
        assertThat(expiresAt(issue)).isNull();

        store.saveIssue(TestIssues.archived(issue));
        assertThat(expiresAt(issue)).isCloseTo(Instant.now().plus(Duration.ofDays(180)), within(1, ChronoUnit.MINUTES));
        assertThat(jdbc.queryForObject("SELECT archived_at IS NOT NULL FROM issues WHERE id = ?", Boolean.class,
                issue.id())).isTrue();

        store.saveIssue(issue);
        assertThat(expiresAt(issue)).isNull();
        assertThat(store.findOpenIssueByCorrelationId(CH1, issue.correlationId())).contains(issue);
    }

    @Test
    void alertsAreUpsertedWithExpiry() {
        ManagedAlert alert = managed(CH1, uuid());
        store.saveAlert(alert);
        store.saveAlert(alert);
        Instant expires = jdbc.queryForObject("SELECT expires_at FROM alerts WHERE correlation_id = ?",
                OffsetDateTime.class, alert.alert().correlationId()).toInstant();
        assertThat(expires).isCloseTo(Instant.now().plus(Duration.ofDays(30)), within(1, ChronoUnit.MINUTES));
        assertThatThrownBy(() -> store.saveAlert(managed("", uuid()))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void channelProcessingStateKeepsEveryField() {
        String channel = "C" + uuid();
        Instant created = Instant.parse("2025-01-02T03:04:05.123456789Z");
        Instant activity = Instant.parse("2025-01-02T03:05:00.000001Z");
        ChannelProcessingState fresh = new ChannelProcessingState(channel, created, activity, Times.ZERO, 0);
        store.saveChannelProcessingState(fresh);
        assertThat(store.findChannelProcessingState(channel)).contains(
                new ChannelProcessingState(channel, micros(created), activity, Times.ZERO, 0));

        Instant processed = Instant.parse("2025-01-02T03:06:00Z");
        store.saveChannelProcessingState(new ChannelProcessingState(channel, processed, processed, processed, 7));
        assertThat(store.findChannelProcessingState(channel)).contains(
                new ChannelProcessingState(channel, micros(created), processed, processed, 7));
        assertThat(store.findChannelProcessingState("C" + uuid())).isEmpty();
    }

    @Test
    void moveIssueValidatesItsArguments() {
        Issue issue = TestIssues.issue(CH2, uuid());
        assertThatThrownBy(() -> store.moveIssue(issue, "", CH2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.moveIssue(issue, CH1, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.moveIssue(issue, CH2, CH3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.moveIssue(null, CH1, CH2)).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.findOpenIssueByCorrelationId(CH2, issue.correlationId())).isEmpty();
    }

    @Test
    void saveIssuesValidatesEveryIssueBeforeWriting() {
        Issue valid = TestIssues.issue(CH1, uuid());
        List<Issue> batch = new ArrayList<>();
        batch.add(valid);
        batch.add(null);
        assertThatThrownBy(() -> store.saveIssues(batch)).isInstanceOf(IllegalArgumentException.class);
        Issue withoutChannel = TestIssues.inChannel(TestIssues.issue(CH1, uuid()), "");
        assertThatThrownBy(() -> store.saveIssues(List.of(valid, withoutChannel)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.findOpenIssueByCorrelationId(CH1, valid.correlationId())).isEmpty();
    }

    @Test
    void saveIssuesIsOneTransaction() {
        String correlationId = uuid();
        store.saveIssue(TestIssues.issue(CH1, correlationId));
        Issue innocent = TestIssues.issue(CH1, uuid());
        Issue duplicate = TestIssues.issue(CH1, correlationId);

        assertThatThrownBy(() -> store.saveIssues(List.of(innocent, duplicate)))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(store.findOpenIssueByCorrelationId(CH1, innocent.correlationId())).isEmpty();
    }

    @Test
    void storedJsonIsTheSerialisedIssue() {
        Issue issue = TestIssues.issue(TestIssues.fullAlert(CH1, uuid()), uuid(), false);
        store.saveIssue(issue);
        assertThat(jdbc.queryForObject("SELECT attrs = CAST(? AS jsonb) FROM issues WHERE id = ?", Boolean.class,
                IssueJson.write(issue), issue.id())).isTrue();
    }

    @Test
    void corruptIssueIsQuarantinedAndDoesNotBlock() {
        String channel = "C" + uuid();
        String correlationId = uuid();
        String postId = uuid();
        jdbc.update("INSERT INTO issues (id, channel_id, correlation_id, is_open, slack_post_id, attrs) "
                + "VALUES (?, ?, ?, true, ?, CAST(? AS jsonb))", uuid(), channel, correlationId, postId,
                "{\"id\":\"x\",\"correlationId\":\"" + correlationId + "\"}");
        assertThat(store.findActiveChannels()).contains(channel);

        assertThat(store.findOpenIssueByCorrelationId(channel, correlationId)).isEmpty();
        assertThat(store.findActiveChannels()).doesNotContain(channel);
        assertThat(store.findIssueBySlackPostId(channel, postId)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT quarantined_at IS NOT NULL AND NOT is_open AND expires_at IS NOT NULL"
                + " FROM issues WHERE channel_id = ?", Boolean.class, channel)).isTrue();
        jdbc.update("UPDATE issues SET is_open = true WHERE channel_id = ?", channel);
        assertThat(store.findActiveChannels()).as("quarantined rows stay hidden").doesNotContain(channel);
        assertThat(store.loadOpenIssuesInChannel(channel)).isEmpty();
        jdbc.update("UPDATE issues SET is_open = false WHERE channel_id = ?", channel);

        Issue replacement = TestIssues.issue(channel, correlationId);
        store.saveIssue(replacement);
        assertThat(store.findOpenIssueByCorrelationId(channel, correlationId)).contains(replacement);
    }

    @Test
    void loadOpenIssuesInChannelSkipsCorruptIssues() {
        String channel = "C" + uuid();
        Issue good = TestIssues.issue(channel, uuid());
        store.saveIssue(good);
        jdbc.update("INSERT INTO issues (id, channel_id, correlation_id, is_open, attrs) "
                + "VALUES (?, ?, ?, true, CAST('[1, 2]' AS jsonb))", uuid(), channel, uuid());
        assertThat(store.loadOpenIssuesInChannel(channel)).containsExactly(good);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM issues WHERE channel_id = ? AND is_open", Long.class,
                channel)).isEqualTo(1);
    }

    @Test
    void corruptMoveMappingIsDeletedAndReportedAbsent() {
        String correlationId = uuid();
        jdbc.update("INSERT INTO move_mappings (id, channel_id, correlation_id, target_channel_id, attrs) "
                + "VALUES (?, ?, ?, ?, CAST('{\"timestamp\": \"not a time\"}' AS jsonb))", uuid(), CH1,
                correlationId, CH2);
        assertThat(store.findMoveMapping(CH1, correlationId)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM move_mappings WHERE correlation_id = ?", Long.class,
                correlationId)).isZero();
    }

    @Test
    void postIntentsAreSavedFoundReplacedAndDeleted() {
        String correlationId = uuid();
        assertThat(store.findPostIntent(CH1, correlationId)).isEmpty();
        Instant started = Instant.parse("2026-11-23T10:00:00.123456789Z");
        store.savePostIntent(new PostIntent(CH1, correlationId, "issue-1", started));
        assertThat(store.findPostIntent(CH1, correlationId))
                .contains(new PostIntent(CH1, correlationId, "issue-1", micros(started)));
        assertThat(store.findPostIntent(CH2, correlationId)).isEmpty();

        Instant again = started.plusSeconds(5);
        store.savePostIntent(new PostIntent(CH1, correlationId, "issue-2", again));
        assertThat(store.findPostIntent(CH1, correlationId))
                .contains(new PostIntent(CH1, correlationId, "issue-2", micros(again)));

        store.deletePostIntent(CH1, correlationId);
        assertThat(store.findPostIntent(CH1, correlationId)).isEmpty();
        assertThatCode(() -> store.deletePostIntent(CH1, correlationId)).doesNotThrowAnyException();
    }

    @Test
    void postIntentOperationsValidateTheirArguments() {
        assertThatThrownBy(() -> store.savePostIntent(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.savePostIntent(new PostIntent("", "c", "i", Instant.now())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.savePostIntent(new PostIntent(CH1, "c", "", Instant.now())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.savePostIntent(new PostIntent(CH1, "c", "i", null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.findPostIntent(CH1, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.deletePostIntent("", "c")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void expiredRowCleanupDeletesOnlyExpiredRows() {
        Issue expired = TestIssues.issue(CH1, uuid(), uuid(), true);
        Issue archived = TestIssues.issue(CH1, uuid(), uuid(), true);
        Issue open = TestIssues.issue(CH1, uuid());
        store.saveIssues(List.of(expired, archived, open));
        ManagedAlert oldAlert = managed(CH1, uuid());
        ManagedAlert newAlert = managed(CH1, uuid());
        store.saveAlert(oldAlert);
        store.saveAlert(newAlert);
        jdbc.update("UPDATE issues SET expires_at = now() - interval '1 minute' WHERE id = ?", expired.id());
        jdbc.update("UPDATE alerts SET expires_at = now() - interval '1 minute' WHERE correlation_id = ?",
                oldAlert.alert().correlationId());

        assertThat(cleanup.deleteExpired()).isGreaterThanOrEqualTo(2);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM issues WHERE id IN (?, ?, ?)", Long.class,
                expired.id(), archived.id(), open.id())).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alerts WHERE correlation_id IN (?, ?)", Long.class,
                oldAlert.alert().correlationId(), newAlert.alert().correlationId())).isEqualTo(1);
    }

    @Test
    void nulCharactersAreStoredAsReplacementCharacters() {
        String correlationId = "nul\0inside " + uuid();
        Alert.Builder b = TestIssues.alert(CH1, correlationId).toBuilder();
        b.text = "text with \0 and a literal \\u0000";
        Issue issue = TestIssues.issue(b.build(), uuid(), false);
        store.saveIssue(issue);
        store.saveAlert(issue.lastAlert());
        store.saveMoveMapping(MoveMapping.of(CH1, correlationId, CH2, MoveMapping.USER_COMMAND, Instant.now()));
        store.savePostIntent(new PostIntent(CH1, correlationId, issue.id(), Instant.now()));

        Issue found = store.findOpenIssueByCorrelationId(CH1, correlationId).orElseThrow();
        assertThat(found.id()).isEqualTo(issue.id().replace('\0', '\uFFFD')); // the test ID embeds the correlation ID
        assertThat(found.correlationId()).isEqualTo(correlationId.replace('\0', '\uFFFD'));
        assertThat(found.lastAlert().alert().text()).isEqualTo("text with \uFFFD and a literal \\u0000");
        assertThat(store.findMoveMapping(CH1, correlationId)).get().extracting(MoveMapping::targetChannelId)
                .isEqualTo(CH2);
        assertThat(store.findPostIntent(CH1, correlationId)).isPresent();
    }

    @Test
    void statementBlockedByALockTimesOutAsStoreUnavailable() throws Exception {
        Issue issue = TestIssues.issue(CH1, uuid());
        store.saveIssue(issue);
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.executeQuery("SELECT id FROM issues WHERE id = '" + issue.id().replace("'", "''") + "' FOR UPDATE");
                long started = System.nanoTime();
                assertThatThrownBy(() -> store.saveIssue(TestIssues.withPostId(issue, uuid())))
                        .isInstanceOf(StoreUnavailableException.class);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            } finally {
                holder.rollback();
            }
        }
        assertThat(store.findOpenIssueByCorrelationId(CH1, issue.correlationId())).contains(issue);
    }

    // ---- write(ChannelWrite) and owed Slack writes (pending_posts) ----------------------------------------

    private static PendingPost pending(String issueId, String channelId, Instant queuedAt, boolean write,
                                       PendingPost.Delete... deletes) {
        return new PendingPost(issueId, channelId, List.of(deletes), write, queuedAt);
    }

    private static ChannelWrite pendingOnly(PendingPost... posts) {
        return new ChannelWrite(List.of(), List.of(), List.of(), List.of(posts), List.of(), List.of());
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    @Test
    void writeCommitsEveryPartOfAChannelWrite() {
        String channel = "C" + uuid();
        Issue doneIssue = TestIssues.issue(channel, uuid());
        store.saveIssue(doneIssue);
        store.write(pendingOnly(pending(doneIssue.id(), channel, Instant.now(), true)));
        MoveMapping stale = MoveMapping.of(channel, uuid(), CH2, MoveMapping.ESCALATION, Instant.now());
        store.saveMoveMapping(stale);
        PostIntent intent = new PostIntent(channel, doneIssue.correlationId(), doneIssue.id(), Instant.now());
        store.savePostIntent(intent);

        ManagedAlert direct = managed(channel, uuid());
        ManagedAlert viaOp = managed(channel, uuid());
        Issue i1 = TestIssues.issue(channel, uuid());
        Issue i2 = TestIssues.issue(channel, uuid(), uuid(), true);
        MoveMapping fresh = MoveMapping.of(channel, uuid(), CH3, MoveMapping.USER_COMMAND, Instant.now());
        Instant queued = Instant.parse("2026-11-23T10:00:00.123456789Z");
        PendingPost owed = pending(i1.id(), channel, queued, true, new PendingPost.Delete("1.000001", true),
                new PendingPost.Delete("1.000002", false));
        store.write(new ChannelWrite(List.of(direct), List.of(i2, i1),
                List.of(new StoreOp.SaveAlert(viaOp), new StoreOp.SaveMoveMapping(fresh),
                        new StoreOp.DeleteMoveMapping(channel, stale.correlationId())),
                List.of(owed), List.of(doneIssue.id()), List.of(intent)));

        assertThat(count("SELECT count(*) FROM alerts WHERE correlation_id IN (?, ?)",
                direct.alert().correlationId(), viaOp.alert().correlationId())).isEqualTo(2);
        assertThat(store.findIssue(i1.id())).contains(i1);
        assertThat(store.findIssue(i2.id())).contains(i2);
        assertThat(store.findMoveMapping(channel, fresh.correlationId())).isPresent();
        assertThat(store.findMoveMapping(channel, stale.correlationId())).isEmpty();
        assertThat(store.findPendingPosts(channel, 10)).containsExactly(
                new PendingPost(i1.id(), channel, owed.deletes(), true, micros(queued)));
        assertThat(store.findPendingPostsOfIssues(List.of(doneIssue.id()))).isEmpty();
        assertThat(store.findPostIntent(channel, doneIssue.correlationId())).isEmpty();
        assertThat(store.findIssue(doneIssue.id())).contains(doneIssue);
    }

    @Test
    void owedWritesKeepTheirTraceContextAndRowsWithoutOneStillRead() {
        String channel = "C" + uuid();
        Issue traced = TestIssues.issue(channel, uuid());
        Issue old = TestIssues.issue(channel, uuid());
        Instant queued = Instant.parse("2026-11-23T10:00:00Z");
        String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        store.write(new ChannelWrite(List.of(), List.of(traced, old), List.of(),
                List.of(new PendingPost(traced.id(), channel, List.of(), true, queued, traceparent),
                        new PendingPost(old.id(), channel, List.of(), true, queued.plusSeconds(1))),
                List.of(), List.of()));
        // a row as an older version wrote it: no traceparent member
        jdbc.update("UPDATE pending_posts SET ops = CAST(? AS jsonb) WHERE issue_id = ?",
                "{\"deletes\":[],\"write\":true}", old.id());

        assertThat(store.findPendingPosts(channel, 10)).containsExactly(
                new PendingPost(traced.id(), channel, List.of(), true, queued, traceparent),
                new PendingPost(old.id(), channel, List.of(), true, queued.plusSeconds(1), null));
    }

    @Test
    void writeValidatesEverythingBeforeWritingAnything() {
        String channel = "C" + uuid();
        ManagedAlert alert = managed(channel, uuid());
        Issue valid = TestIssues.issue(channel, uuid());
        Issue withoutChannel = TestIssues.inChannel(TestIssues.issue(channel, uuid()), "");
        PendingPost owed = pending(valid.id(), channel, Instant.now(), true);

        assertThatThrownBy(() -> store.write(new ChannelWrite(List.of(alert), List.of(valid, withoutChannel),
                List.of(), List.of(owed), List.of(), List.of()))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.write(new ChannelWrite(List.of(alert), List.of(valid), List.of(),
                List.of(owed, pending(uuid(), "", Instant.now(), true)), List.of(), List.of())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.write(new ChannelWrite(List.of(managed("", uuid())), List.of(valid),
                List.of(), List.of(owed), List.of(), List.of()))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.write(null)).isInstanceOf(IllegalArgumentException.class);

        assertThat(count("SELECT count(*) FROM alerts WHERE correlation_id = ?", alert.alert().correlationId()))
                .isZero();
        assertThat(store.findIssue(valid.id())).isEmpty();
        assertThat(store.findPendingPosts(channel, 10)).isEmpty();
    }

    @Test
    void writeIsAllOrNothingWhenAConstraintFailsHalfWay() {
        String channel = "C" + uuid();
        Issue existing = TestIssues.issue(channel, uuid());
        store.saveIssue(existing);
        store.write(pendingOnly(pending(existing.id(), channel, Instant.now(), true)));
        MoveMapping taken = MoveMapping.of(channel, uuid(), CH2, MoveMapping.ESCALATION, Instant.now());
        store.saveMoveMapping(taken);
        PostIntent intent = new PostIntent(channel, existing.correlationId(), existing.id(), Instant.now());
        store.savePostIntent(intent);

        ManagedAlert alert = managed(channel, uuid());
        Issue fresh = TestIssues.issue(channel, uuid());
        Issue changed = TestIssues.withPostId(existing, "1.000009");
        // same primary key as `taken` for another (channel, correlation ID): fails after alerts and issues are written
        MoveMapping clash = new MoveMapping(taken.id(), Instant.now(), uuid(), channel, CH3, MoveMapping.ESCALATION);
        ChannelWrite write = new ChannelWrite(List.of(alert), List.of(fresh, changed),
                List.of(new StoreOp.SaveMoveMapping(clash)), List.of(pending(fresh.id(), channel, Instant.now(), true)),
                List.of(existing.id()), List.of(intent));
        assertThatThrownBy(() -> store.write(write)).isInstanceOf(DataIntegrityViolationException.class);

        assertThat(count("SELECT count(*) FROM alerts WHERE correlation_id = ?", alert.alert().correlationId()))
                .isZero();
        assertThat(store.findIssue(fresh.id())).isEmpty();
        assertThat(store.findIssue(existing.id())).contains(existing);
        assertThat(store.findPendingPosts(channel, 10)).extracting(PendingPost::issueId).containsExactly(existing.id());
        assertThat(store.findPostIntent(channel, existing.correlationId())).isPresent();
        assertThat(store.findMoveMapping(channel, taken.correlationId())).contains(taken);

        // a second open issue for the same correlation ID: nothing of the write is kept either
        Issue duplicate = TestIssues.issue(channel, existing.correlationId());
        assertThatThrownBy(() -> store.write(new ChannelWrite(List.of(alert), List.of(fresh, duplicate), List.of(),
                List.of(pending(fresh.id(), channel, Instant.now(), true)), List.of(existing.id()), List.of(intent))))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(store.findIssue(fresh.id())).isEmpty();
        assertThat(store.findPendingPosts(channel, 10)).extracting(PendingPost::issueId).containsExactly(existing.id());
        assertThat(store.findPostIntent(channel, existing.correlationId())).isPresent();
    }

    @Test
    void pendingPostIsReplacedByTheNextWriteOfItsIssueAndRemovedWhenEmpty() {
        String channel = "C" + uuid();
        String other = "C" + uuid();
        String issueId = uuid();
        Instant t0 = Instant.parse("2026-11-23T10:00:00Z");
        store.write(pendingOnly(pending(issueId, channel, t0, true)));
        store.write(pendingOnly(pending(issueId, other, t0.plusSeconds(1), false,
                new PendingPost.Delete("1.000001", false))));

        assertThat(store.findPendingPosts(channel, 10)).isEmpty();
        assertThat(store.findPendingPosts(other, 10)).containsExactly(pending(issueId, other, t0.plusSeconds(1), false,
                new PendingPost.Delete("1.000001", false)));

        store.write(pendingOnly(PendingPost.none(issueId, other, t0.plusSeconds(2))));
        assertThat(store.findPendingPosts(other, 10)).isEmpty();
        assertThat(count("SELECT count(*) FROM pending_posts WHERE issue_id = ?", issueId)).isZero();
        assertThatCode(() -> store.write(new ChannelWrite(List.of(), List.of(), List.of(), List.of(),
                List.of(issueId), List.of()))).doesNotThrowAnyException();
    }

    @Test
    void findPendingPostsIsOldestFirstPerChannelWithALimit() {
        String channel = "C" + uuid();
        String other = "C" + uuid();
        Instant t0 = Instant.parse("2026-11-23T10:00:00Z");
        PendingPost newest = pending("i-c", channel, t0.plusSeconds(2), true);
        PendingPost oldest = pending("i-b", channel, t0, true);
        PendingPost tieLater = pending("i-d", channel, t0.plusSeconds(1), true);
        PendingPost tieFirst = pending("i-a", channel, t0.plusSeconds(1), false, new PendingPost.Delete("1.1", true));
        store.write(pendingOnly(newest, oldest, tieLater, tieFirst,
                pending("i-e", other, t0.minusSeconds(60), true)));

        assertThat(store.findPendingPosts(channel, 10)).containsExactly(oldest, tieFirst, tieLater, newest);
        assertThat(store.findPendingPosts(channel, 2)).containsExactly(oldest, tieFirst);
        assertThat(store.findPendingPosts(other, 10)).extracting(PendingPost::issueId).containsExactly("i-e");
        assertThat(store.findPendingPosts("C" + uuid(), 10)).isEmpty();
        assertThatThrownBy(() -> store.findPendingPosts("", 10)).isInstanceOf(IllegalArgumentException.class);
        jdbc.update("DELETE FROM pending_posts WHERE channel_id IN (?, ?)", channel, other);
    }

    @Test
    void findPendingPostsOfIssuesReturnsTheOnesThatExistByIssueId() {
        String channel = "C" + uuid();
        String a = uuid();
        String b = uuid();
        Instant t0 = Instant.parse("2026-11-23T10:00:00Z");
        store.write(pendingOnly(pending(a, channel, t0, true), pending(b, channel, t0, false,
                new PendingPost.Delete("1.1", false))));

        var found = store.findPendingPostsOfIssues(List.of(a, b, uuid(), a));
        assertThat(found).containsOnlyKeys(a, b);
        assertThat(found.get(a)).isEqualTo(pending(a, channel, t0, true));
        assertThat(found.get(b).deletes()).containsExactly(new PendingPost.Delete("1.1", false));
        assertThat(store.findPendingPostsOfIssues(List.of())).isEmpty();
        assertThat(store.findPendingPostsOfIssues(List.of(uuid()))).isEmpty();
    }

    @Test
    void findChannelsWithPendingPostsListsEachChannelOnceUntilItsWritesAreDone() {
        String channel = "C" + uuid();
        String other = "C" + uuid();
        Instant now = Instant.now();
        store.write(pendingOnly(pending("x-" + channel, channel, now, true), pending("y-" + channel, channel, now, true),
                pending("z-" + other, other, now, true)));

        List<String> channels = store.findChannelsWithPendingPosts();
        assertThat(channels).contains(channel, other).doesNotHaveDuplicates();

        store.write(new ChannelWrite(List.of(), List.of(), List.of(), List.of(), List.of("x-" + channel,
                "y-" + channel), List.of()));
        assertThat(store.findChannelsWithPendingPosts()).contains(other).doesNotContain(channel);
        jdbc.update("DELETE FROM pending_posts WHERE channel_id = ?", other);
    }

    @Test
    void findIssueFindsOpenAndArchivedIssuesButNotExpiredOnes() {
        Issue open = TestIssues.issue(CH1, uuid());
        Issue archived = TestIssues.issue(CH1, uuid(), uuid(), true);
        Issue expired = TestIssues.issue(CH1, uuid(), uuid(), true);
        store.saveIssues(List.of(open, archived, expired));
        jdbc.update("UPDATE issues SET expires_at = now() - interval '1 second' WHERE id = ?", expired.id());

        assertThat(store.findIssue(open.id())).contains(open);
        assertThat(store.findIssue(archived.id())).contains(archived);
        assertThat(store.findIssue(expired.id())).isEmpty();
        assertThat(store.findIssue(uuid())).isEmpty();
        assertThatThrownBy(() -> store.findIssue("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findOpenIssuesByCorrelationIdsReturnsOnlyOpenIssuesOfThatChannel() {
        String channel = "C" + uuid();
        String other = "C" + uuid();
        String shared = uuid();
        Issue a = TestIssues.issue(channel, uuid());
        Issue b = TestIssues.issue(channel, shared);
        Issue archived = TestIssues.issue(channel, uuid(), uuid(), true);
        Issue elsewhere = TestIssues.issue(other, shared);
        Issue notAsked = TestIssues.issue(channel, uuid());
        store.saveIssues(List.of(a, b, archived, elsewhere, notAsked));

        assertThat(store.findOpenIssuesByCorrelationIds(channel, List.of(a.correlationId(), shared,
                archived.correlationId(), a.correlationId(), uuid()))).containsExactlyInAnyOrder(a, b);
        assertThat(store.findOpenIssuesByCorrelationIds(other, List.of(shared, a.correlationId())))
                .containsExactly(elsewhere);
        assertThat(store.findOpenIssuesByCorrelationIds(channel, List.of())).isEmpty();
        assertThatThrownBy(() -> store.findOpenIssuesByCorrelationIds("", List.of(shared)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findMoveMappingsReturnsTheMappingsOfThatChannelByCorrelationId() {
        String channel = "C" + uuid();
        String other = "C" + uuid();
        String c1 = uuid();
        String c2 = uuid();
        MoveMapping m1 = MoveMapping.of(channel, c1, CH2, MoveMapping.ESCALATION, Instant.now());
        MoveMapping m2 = MoveMapping.of(channel, c2, CH3, MoveMapping.USER_COMMAND, Instant.now());
        MoveMapping otherChannel = MoveMapping.of(other, c1, CH3, MoveMapping.USER_COMMAND, Instant.now());
        store.saveMoveMapping(m1);
        store.saveMoveMapping(m2);
        store.saveMoveMapping(otherChannel);

        var found = store.findMoveMappings(channel, List.of(c1, c2, uuid()));
        assertThat(found).containsOnlyKeys(c1, c2);
        assertThat(found.get(c1).targetChannelId()).isEqualTo(CH2);
        assertThat(found.get(c2).targetChannelId()).isEqualTo(CH3);
        assertThat(found.get(c2).reason()).isEqualTo(MoveMapping.USER_COMMAND);
        assertThat(store.findMoveMappings(channel, List.of(c2))).containsOnlyKeys(c2);
        assertThat(store.findMoveMappings(other, List.of(c1, c2))).containsOnlyKeys(c1);
        assertThat(store.findMoveMappings(channel, List.of())).isEmpty();
        assertThat(store.findMoveMappings("C" + uuid(), List.of(c1))).isEmpty();
    }

    private Instant expiresAt(Issue issue) {
        OffsetDateTime t = jdbc.queryForObject("SELECT expires_at FROM issues WHERE id = ?", OffsetDateTime.class,
                issue.id());
        return t == null ? null : t.toInstant();
    }

    private static void assertSameFields(Issue found, Issue expected) {
        assertThat(found.id()).isEqualTo(expected.id());
        assertThat(found.lastAlert().channelId()).isEqualTo(expected.lastAlert().channelId());
        assertThat(found.lastAlert().alert().correlationId()).isEqualTo(expected.lastAlert().alert().correlationId());
        assertThat(found.lastAlert().alert().header()).isEqualTo(expected.lastAlert().alert().header());
        assertThat(found.lastAlert().alert().text()).isEqualTo(expected.lastAlert().alert().text());
        assertThat(found.archived()).isEqualTo(expected.archived());
        assertThat(found.slackPostId()).isEqualTo(expected.slackPostId());
        assertThat(found).isEqualTo(expected);
    }

    private static Instant micros(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    private static void runAll(List<Callable<Void>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
