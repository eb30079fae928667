package dev.slackmgr.manager.slack;

import dev.slackmgr.common.queue.redis.QueueConnection;
import dev.slackmgr.common.queue.redis.RedisConnector;
import dev.slackmgr.common.testing.TestRedis;
import dev.slackmgr.common.testing.slack.FakeSlack;
import dev.slackmgr.common.testing.slack.FakeWorkspace;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared gate in a real Redis, signalled by one gateway's 429 and honoured by another. */
class RedisRateLimitGateTest {
    private static RedisConnector connector;
    private static QueueConnection redis;
    private String key;
    private SimpleMeterRegistry registry;

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
    void freshKey() {
        key = "test:" + UUID.randomUUID() + ":rate-limit-gate";
        registry = new SimpleMeterRegistry();
    }

    @AfterEach
    void cleanUp() {
        redis.sync().del(key);
    }

    private RedisRateLimitGate gate() {
        return new RedisRateLimitGate(redis, key, Duration.ofMillis(50), Clock.systemUTC(),
                new RateLimitGateMetrics(registry));
    }

    @Test
    void signalIsExtendOnlyAndExpiresWithTheWindow() {
        RedisRateLimitGate gate = gate();
        Instant later = Instant.now().plusMillis(1500);
        gate.signal(later);
        gate.signal(Instant.now().plusMillis(300));
        assertThat(redis.sync().get(key)).isEqualTo(Long.toString(later.toEpochMilli()));
        assertThat(redis.sync().pttl(key)).isBetween(1000L, 1500L);
        assertThat(gate.isBlocked()).isTrue();

        gate.signal(Instant.now().minusSeconds(1));
        assertThat(registry.counter("slackmgr_rate_limit_gate_signals").count()).isEqualTo(2);
    }

    @Test
    void awaitBlocksUntilTheDeadlineOrGivesUp() throws InterruptedException {
        RedisRateLimitGate gate = gate();
        assertThat(gate.await(Duration.ZERO)).isTrue();
        gate.signal(Instant.now().plusMillis(400));
        assertThat(gate.await(Duration.ofMillis(100))).isFalse();
        long t0 = System.nanoTime();
        assertThat(gate.await(Duration.ofSeconds(5))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
        assertThat(gate.isBlocked()).isFalse();
        assertThat(registry.timer("slackmgr_rate_limit_gate_blocked_duration").count()).isEqualTo(2);
    }

    @Test
    void unreachableRedisFailsOpen() throws InterruptedException {
        RedisRateLimitGate gate = new RedisRateLimitGate(closedConnection(), key, Duration.ofMillis(50),
                Clock.systemUTC(), new RateLimitGateMetrics(registry));
        gate.signal(Instant.now().plusSeconds(10));
        long t0 = System.nanoTime();
        assertThat(gate.await(Duration.ofSeconds(5))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
        assertThat(registry.counter("slackmgr_rate_limit_gate_signals").count()).isZero();
    }

    private static QueueConnection closedConnection() {
        QueueConnection c = connector.connect();
        c.close();
        return c;
    }

    @Test
    void a429SignalsTheGateInRedisAndASecondGatewayWaitsForIt() throws Exception {
        try (FakeSlack slack = new FakeSlack(new FakeWorkspace(GatewayFixture.BOT).channel("C1", "alerts"))) {
            SlackClientSettings settings = GatewayFixture.fast()
                    .withWaits(Duration.ofMillis(500), Duration.ZERO, Duration.ofMillis(50));
            GatewayFixture first = new GatewayFixture(slack, settings, gate());
            GatewayFixture second = new GatewayFixture(slack, settings, gate());
            slack.rateLimitNext("chat.postMessage", 1, 1);

            long t0 = System.nanoTime();
            CompletableFuture<String> posted = CompletableFuture.supplyAsync(
                    () -> first.gateway.postMessage(GatewayFixture.post("C1", "first", "i1", "c1")));
            while (redis.sync().get(key) == null && !posted.isDone()) {
                Thread.sleep(5);
            }
            long deadline = Long.parseLong(redis.sync().get(key));
            assertThat(deadline - System.currentTimeMillis()).isBetween(200L, 1500L);

            second.gateway.deleteMessage("C1", "1.000001");
            long deleteAnsweredAt = System.currentTimeMillis();
            assertThat(deleteAnsweredAt).isGreaterThanOrEqualTo(deadline);
            assertThat(posted.get(10, TimeUnit.SECONDS)).isNotEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(1400));
            assertThat(slack.callCount("chat.postMessage")).isEqualTo(2);
            assertThat(registry.counter("slackmgr_rate_limit_gate_signals").count()).isEqualTo(1);
        }
    }
}
