package dev.slackmgr.manager.slack;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;

/**
 * Meters of the rate-limit gate (queue-and-locks.md §6): {@code slackmgr_rate_limit_gate_signals_total} (gate
 * signalled after a 429) and {@code slackmgr_rate_limit_gate_blocked_duration_seconds} (time spent waiting,
 * observed only when the gate was closed at the first check).
 */
public final class RateLimitGateMetrics {
    private final Counter signals;
    private final Timer blocked;

    public RateLimitGateMetrics(MeterRegistry registry) {
        signals = Counter.builder("slackmgr_rate_limit_gate_signals")
                .description("rate-limit gate signalled after a Slack 429").register(registry);
        blocked = Timer.builder("slackmgr_rate_limit_gate_blocked_duration")
                .description("time spent waiting for a closed rate-limit gate")
                .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1),
                        Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60),
                        Duration.ofSeconds(120))
                .register(registry);
    }

    void signalled() {
        signals.increment();
    }

    void blocked(Duration d) {
        blocked.record(d);
    }
}
