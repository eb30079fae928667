package dev.slackmgr.manager.slack;

import dev.slackmgr.common.queue.redis.QueueConnection;
import dev.slackmgr.common.queue.redis.RedisConnector;
import dev.slackmgr.common.testing.TestRedis;
import dev.slackmgr.common.testing.slack.FakeSlack;
import dev.slackmgr.common.testing.slack.FakeWorkspace;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Pacing budgets shared by several managers through a real Redis. */
class RedisTokenBucketTest {
    private static RedisConnector connector;
    private static QueueConnection redis;

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

    private static String freshKey() {
        return "test:" + UUID.randomUUID() + ":pace";
    }

    @Test
    void twoInstancesShareOneBudget() {
        String key = freshKey();
        SlackClientSettings.Rate rate = new SlackClientSettings.Rate(4, 2);
        Pace a = new RedisTokenBucket(redis, key, rate);
        Pace b = new RedisTokenBucket(redis, key, rate);
        assertThat(a.reserve(Duration.ofSeconds(5))).as("burst 1").isZero();
        assertThat(b.reserve(Duration.ofSeconds(5))).as("burst 2, from the other instance").isZero();
        assertThat(a.waitTime()).as("next slot 250 ms away").isBetween(Duration.ofMillis(150), Duration.ofMillis(250));
        assertThat(a.reserve(Duration.ZERO)).as("not within max wait: nothing reserved").isNull();
        assertThat(b.reserve(Duration.ofSeconds(5))).isBetween(Duration.ofMillis(150), Duration.ofMillis(250));
        assertThat(a.reserve(Duration.ofSeconds(5))).isBetween(Duration.ofMillis(400), Duration.ofMillis(500));
    }

    @Test
    void withoutRedisTheCallIsPacedLocally() {
        QueueConnection closed = connector.connect();
        closed.close();
        Pace p = new RedisTokenBucket(closed, freshKey(), new SlackClientSettings.Rate(1, 1));
        assertThat(p.reserve(Duration.ofSeconds(5))).isZero();
        assertThat(p.reserve(Duration.ofSeconds(5))).as("the local bucket's second slot")
                .isBetween(Duration.ofMillis(900), Duration.ofMillis(1000));
    }

    /**
     * Two gateways (two manager pods) each paced at 3 posts per second per channel against a fake Slack that allows 5:
     * with local budgets they send up to 6 per second together and get 429s; with the shared budget none.
     */
    @Test
    void twoGatewaysWithSharedPacingStayWithinTheLimitTogether() throws Exception {
        assertThat(storm(Pace.Factory.local())).as("local budgets: 429s").isPositive();
        String prefix = freshKey() + ":";
        assertThat(storm(RedisTokenBucket.factory(redis, prefix))).as("shared budget: no 429").isZero();
    }

    private int storm(Pace.Factory pacing) throws Exception {
        try (FakeSlack slack = new FakeSlack(new FakeWorkspace(GatewayFixture.BOT).channel("C1", "alerts"))) {
            slack.limitPerChannelPerSecond("chat.postMessage", 5);
            SlackClientSettings settings = GatewayFixture.fast()
                    .withRetries(1, Duration.ofSeconds(30), 5, Duration.ofSeconds(30))
                    .withPacing(SlackClientSettings.Pacing.uniform(new SlackClientSettings.Rate(3, 1)));
            List<GatewayFixture> pods = List.of(
                    new GatewayFixture(slack, settings, new LocalRateLimitGate(Clock.systemUTC(),
                            new RateLimitGateMetrics(new SimpleMeterRegistry())), pacing),
                    new GatewayFixture(slack, settings, new LocalRateLimitGate(Clock.systemUTC(),
                            new RateLimitGateMetrics(new SimpleMeterRegistry())), pacing));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            AtomicInteger n = new AtomicInteger();
            List<CompletableFuture<Void>> all = new ArrayList<>();
            try {
                for (int i = 0; i < 24; i++) {
                    GatewayFixture pod = pods.get(i % 2);
                    all.add(CompletableFuture.runAsync(() -> {
                        int k = n.incrementAndGet();
                        try {
                            pod.gateway.postMessage(GatewayFixture.post("C1", "alert " + k, "i" + k, "c" + k));
                        } catch (SlackCallException e) {
                            // counted by the fake as a 429
                        }
                    }, pool));
                }
                CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
            return slack.rejectedCount("chat.postMessage", 429);
        }
    }
}
