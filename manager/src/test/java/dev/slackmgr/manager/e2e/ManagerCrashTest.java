package dev.slackmgr.manager.e2e;

import dev.slackmgr.common.alert.Alert;
import dev.slackmgr.common.alert.AlertJson;
import dev.slackmgr.common.queue.QueueKeys;
import dev.slackmgr.common.queue.QueueOptions;
import dev.slackmgr.common.queue.RedisStreamQueueProducer;
import dev.slackmgr.common.queue.redis.QueueConnection;
import dev.slackmgr.common.queue.redis.RedisConnector;
import dev.slackmgr.common.testing.TestRedis;
import dev.slackmgr.common.testing.slack.FakeMessages.FakeMessage;
import dev.slackmgr.common.testing.slack.FakeSlack;
import dev.slackmgr.common.testing.slack.FakeWorkspace;
import dev.slackmgr.manager.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "No duplicate post, ever": a manager killed (SIGKILL) after Slack stored its post but before the issue was
 * committed, then replaced by another manager, still leaves exactly one post – the new manager finds the post
 * through its metadata and adopts it.
 */
class ManagerCrashTest {
    private static final String CHANNEL = "C0CRASH01";

    @Test
    void killedBetweenPostAndCommitStillLeavesExactlyOnePost() throws Exception {
        String prefix = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        TestPostgres.Database db = TestPostgres.createDatabase();
        AtomicReference<ManagerProcess> victim = new AtomicReference<>();
        try (FakeSlack slack = new FakeSlack(new FakeWorkspace("U0BOT").channel(CHANNEL, "crash"));
             RedisConnector redis = RedisConnector.standalone(TestRedis.url());
             QueueConnection connection = redis.connect()) {
            List<String> args = List.of("--spring.datasource.url=" + db.jdbcUrl(),
                    "--spring.datasource.username=" + db.user(), "--spring.datasource.password=" + db.password(),
                    "--spring.data.redis.url=" + TestRedis.url(), "--slackmgr.queue.key-prefix=" + prefix,
                    "--slackmgr.queue.lock-ttl=3s", "--slackmgr.queue.claim-min-idle-time=2s",
                    "--slackmgr.channel-lock-ttl=3s", "--slackmgr.lock-key-prefix=" + prefix + ":",
                    "--slackmgr.slack.api-url=" + slack.apiUrl(), "--slackmgr.slack.bot-token=xoxb-test",
                    "--slackmgr.slack.pacing.enabled=false");
            slack.observe("chat.postMessage", (params, answer) -> {
                ManagerProcess m = victim.getAndSet(null);
                if (m != null) {
                    m.kill();
                }
            });
            victim.set(ManagerProcess.start("a", args));

            new RedisStreamQueueProducer(connection, QueueKeys.ALERTS, QueueOptions.defaults().withKeyPrefix(prefix))
                    .send(CHANNEL, List.of(alert()));
            await("manager A posted and was killed", Duration.ofSeconds(60), () -> victim.get() == null);
            assertThat(posts(slack)).hasSize(1);
            assertThat(issueRows(db)).as("the issue was committed before its post was made").isEqualTo(1);
            assertThat(postTsOfIssue(db)).as("the crash happened before the post's ts was committed").isNull();
            assertThat(pendingPosts(db)).as("the post is still owed").isEqualTo(1);

            try (ManagerProcess b = ManagerProcess.start("b", args)) {
                await("manager B recorded the post", Duration.ofSeconds(60), () -> postTsOfIssueOrNull(db) != null);
                assertThat(pendingPosts(db)).isZero();
                assertThat(posts(slack)).as("still exactly one post").hasSize(1);
                assertThat(slack.callCount("chat.postMessage")).isEqualTo(1);
                assertThat(postTsOfIssue(db)).isEqualTo(posts(slack).get(0).ts());
            }
        } finally {
            ManagerProcess m = victim.get();
            if (m != null) {
                m.close();
            }
        }
    }

    private static String alert() {
        Alert.Builder b = Alert.builder();
        b.timestamp = OffsetDateTime.now(ZoneOffset.UTC);
        b.slackChannelId = CHANNEL;
        b.correlationId = "crash-1";
        b.header = ":status: Database down";
        b.severity = "error";
        b.issueFollowUpEnabled = true;
        b.autoResolveSeconds = 3600;
        return AlertJson.encode(b.build());
    }

    private static List<FakeMessage> posts(FakeSlack slack) {
        return slack.messages().of(CHANNEL).stream().filter(m -> m.threadTs() == null).toList();
    }

    private static int issueRows(TestPostgres.Database db) {
        return queryInt(db, "select count(*) from issues where channel_id = ?");
    }

    private static int pendingPosts(TestPostgres.Database db) {
        return queryInt(db, "select count(*) from pending_posts where channel_id = ?");
    }

    private static String postTsOfIssueOrNull(TestPostgres.Database db) {
        try {
            return postTsOfIssue(db);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String postTsOfIssue(TestPostgres.Database db) throws SQLException {
        try (Connection c = db.connect();
             PreparedStatement s = c.prepareStatement("select slack_post_id from issues where channel_id = ?")) {
            s.setString(1, CHANNEL);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    private static int queryInt(TestPostgres.Database db, String sql) {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, CHANNEL);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(String what, Duration max, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
