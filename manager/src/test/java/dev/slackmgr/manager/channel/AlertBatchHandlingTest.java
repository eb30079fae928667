package dev.slackmgr.manager.channel;

import dev.slackmgr.common.queue.BatchMessageHandler;
import dev.slackmgr.common.queue.QueueMessage;
import dev.slackmgr.common.queue.redis.QueueConnection;
import dev.slackmgr.common.queue.redis.RedisConnector;
import dev.slackmgr.common.testing.TestRedis;
import dev.slackmgr.common.testing.slack.FakeSlack;
import dev.slackmgr.common.testing.slack.FakeWorkspace;
import dev.slackmgr.manager.issue.MoveMapping;
import dev.slackmgr.manager.slack.TestSlackGateways;
import dev.slackmgr.manager.store.IssueStore;
import dev.slackmgr.manager.store.StoreTestApplication;
import dev.slackmgr.manager.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link AlertMessageHandler#handleAll}: a fresh batch is applied in one step unless one of its alerts belongs to
 * an issue moved to another channel; then one by one, and a failure ends the batch there
 * ({@link BatchMessageHandler.PartialBatchException}). Real store, Redis locks, SDK gateway against the fake Slack.
 */
@SpringBootTest(classes = StoreTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class AlertBatchHandlingTest {
    private static RedisConnector connector;
    private static QueueConnection redis;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry);
    }

    @Autowired
    IssueStore store;
    @Autowired
    JdbcTemplate jdbc;

    private FakeSlack slack;
    private SyncHarness h;
    private AlertMessageHandler handler;
    private TickScheduler ticks;
    private String ch;
    private String target;
    private int ids;

    @BeforeAll
    static void connect() {
        connector = RedisConnector.standalone(TestRedis.url());
        redis = connector.connect();
    }

    @AfterAll
    static void disconnect() {
        redis.close();
        connector.close();
    }

    @BeforeEach
    void setUp() {
        ch = channelId();
        target = channelId();
        slack = new FakeSlack(new FakeWorkspace("U0BOT").channel(ch, "batch").channel(target, "escalated"));
        h = new SyncHarness(store, redis, slack, TestSlackGateways.fast());
        ticks = new TickScheduler(h.processor, store, () -> Duration.ofMinutes(1), c -> { });
        handler = new AlertMessageHandler(h.processor, new InfraRetry(Duration.ofMillis(10), Duration.ofMillis(50)),
                ticks, h.metrics);
    }

    @AfterEach
    void tearDown() {
        ticks.close();
        slack.close();
    }

    private static String channelId() {
        return "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    private QueueMessage message(String body) {
        return new QueueMessage("alerts", ch, "1-" + (++ids), body, Map.of("body", body), 1, Instant.now());
    }

    private QueueMessage alert(String correlationId) {
        return message(h.body(ch, correlationId, "error", "text of " + correlationId));
    }

    @Test
    void batchWithoutMovedIssuesIsAppliedInOneStepAndRejectsUndecodableBodies() throws Exception {
        QueueMessage garbage = message("{not json");
        List<BatchMessageHandler.Rejection> rejections = handler.handleAll(List.of(alert("a"), garbage, alert("b"),
                alert("a")));

        assertThat(rejections).extracting(BatchMessageHandler.Rejection::messageId).containsExactly(garbage.id());
        assertThat(store.findOpenIssueByCorrelationId(ch, "a").orElseThrow().alertCount()).isEqualTo(2);
        assertThat(store.findOpenIssueByCorrelationId(ch, "b")).isPresent();
        assertThat(h.syncRequests).as("one commit").containsExactly(ch);
        assertThat(store.findPendingPosts(ch, 10)).hasSize(2);
    }

    @Test
    void batchWithAMovedIssueGoesOneByOneFollowingTheMapping() throws Exception {
        store.saveMoveMapping(MoveMapping.of(ch, "moved", target, MoveMapping.USER_COMMAND, Instant.now()));

        assertThat(handler.handleAll(List.of(alert("stay"), alert("moved"), alert("stay")))).isEmpty();

        assertThat(store.findOpenIssueByCorrelationId(target, "moved")).isPresent();
        assertThat(store.findOpenIssueByCorrelationId(ch, "moved")).isEmpty();
        assertThat(store.findOpenIssueByCorrelationId(ch, "stay").orElseThrow().alertCount()).isEqualTo(2);
        assertThat(h.syncRequests).as("one commit per alert, each in its channel").containsExactly(ch, target, ch);
    }

    @Test
    void failureInAOneByOneBatchEndsItThereWithTheRejectionsBefore() throws Exception {
        store.saveMoveMapping(MoveMapping.of(ch, "moved", target, MoveMapping.USER_COMMAND, Instant.now()));
        // an open issue row no read sees (expired) still holds the unique (channel, correlation ID) index:
        // creating the issue for "blocked" fails with a constraint violation, which is not retried
        jdbc.update("INSERT INTO issues (id, channel_id, correlation_id, is_open, attrs, expires_at) "
                + "VALUES (?, ?, 'blocked', true, CAST('{}' AS jsonb), now() - interval '1 minute')", UUID.randomUUID()
                .toString(), ch);
        QueueMessage garbage = message("{not json");
        QueueMessage blocked = alert("blocked");
        QueueMessage after = message("also not json");
        List<QueueMessage> batch = List.of(garbage, alert("moved"), blocked, after, alert("later"));

        assertThatThrownBy(() -> handler.handleAll(batch))
                .isInstanceOfSatisfying(BatchMessageHandler.PartialBatchException.class, e -> {
                    assertThat(e.completed()).isEqualTo(2);
                    assertThat(e.rejections()).extracting(BatchMessageHandler.Rejection::messageId)
                            .containsExactly(garbage.id());
                    assertThat(e.getCause()).isInstanceOf(DataIntegrityViolationException.class);
                });
        assertThat(store.findOpenIssueByCorrelationId(target, "moved")).as("applied before the failure").isPresent();
        assertThat(store.findOpenIssueByCorrelationId(ch, "later")).as("left for one-by-one handling").isEmpty();
        assertThat(h.syncRequests).containsExactly(target);
    }
}
