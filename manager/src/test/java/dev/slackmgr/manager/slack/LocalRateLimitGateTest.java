package dev.slackmgr.manager.slack;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class LocalRateLimitGateTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final LocalRateLimitGate gate = new LocalRateLimitGate(Clock.systemUTC(), new RateLimitGateMetrics(registry));

    @Test
    void openUntilSignalledThenBlocksUntilTheLatestDeadline() throws Exception {
        assertThat(gate.isBlocked()).isFalse();
        assertThat(gate.await(Duration.ZERO)).isTrue();

        gate.signal(Instant.now().plusMillis(300));
        gate.signal(Instant.now().plusMillis(100));
        assertThat(gate.isBlocked()).isTrue();
        assertThat(gate.await(Duration.ofMillis(50))).isFalse();

        long t0 = System.nanoTime();
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                return gate.await(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        gate.signal(Instant.now().plusMillis(500));
        assertThat(waiter.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        assertThat(gate.isBlocked()).isFalse();
        assertThat(registry.counter("slackmgr_rate_limit_gate_signals").count()).isEqualTo(3);
    }
}
