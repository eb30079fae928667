package dev.slackmgr.manager.slack;

import dev.slackmgr.common.testing.slack.FakeSlack;
import dev.slackmgr.common.testing.slack.FakeWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A storm of posts to one channel against the fake Slack enforcing a per-channel limit: with pacing no call is
 * answered 429; without it the same storm is.
 */
class SlackPacingTest {
    private static final int POSTS = 100;
    private FakeSlack slack;
    private ExecutorService pool;

    @BeforeEach
    void setUp() {
        slack = new FakeSlack(new FakeWorkspace(GatewayFixture.BOT).channel("C1", "alerts"));
        slack.limitPerChannelPerSecond("chat.postMessage", 60);
        pool = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
        slack.close();
    }

    private int storm(GatewayFixture fx) throws Exception {
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int i = 0; i < POSTS; i++) {
            int n = i;
            all.add(CompletableFuture.runAsync(() -> {
                try {
                    fx.gateway.postMessage(GatewayFixture.post("C1", "alert " + n, "i" + n, "c" + n));
                } catch (SlackCallException e) {
                    failed.incrementAndGet();
                }
            }, pool));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        return failed.get();
    }

    @Test
    void pacedBurstStaysUnderTheEnforcedLimit() throws Exception {
        GatewayFixture fx = new GatewayFixture(slack, GatewayFixture.fast()
                .withPacing(SlackClientSettings.Pacing.uniform(new SlackClientSettings.Rate(40, 5))));
        long t0 = System.nanoTime();
        assertThat(storm(fx)).isZero();

        assertThat(slack.rejectedCount("chat.postMessage", 429)).isZero();
        assertThat(slack.messages().of("C1")).hasSize(POSTS);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThan(Duration.ofMillis(1500));
        assertThat(fx.registry.find("slackmgr_slack_api_pacing_wait_duration").timer().count()).isPositive();
    }

    @Test
    void unpacedBurstIsRateLimitedBySlack() throws Exception {
        // a limit far below what 8 threads send even on a loaded machine (with 60/s a slow CI run sent fewer)
        slack.limitPerChannelPerSecond("chat.postMessage", 5);
        GatewayFixture fx = new GatewayFixture(slack, GatewayFixture.fast()
                .withRetries(1, Duration.ofSeconds(30), 5, Duration.ofSeconds(30)));
        int failed = storm(fx);

        assertThat(slack.rejectedCount("chat.postMessage", 429)).isPositive().isEqualTo(failed);
        assertThat(slack.messages().of("C1")).hasSize(POSTS - failed);
    }
}
