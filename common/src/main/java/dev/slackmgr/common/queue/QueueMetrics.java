package dev.slackmgr.common.queue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Micrometer meters of one queue, all tagged {@code queue=<name>}. Prometheus names (the registry appends
 * {@code _total} to counters and {@code _seconds} to timers):
 * <ul>
 *   <li>{@code slackmgr_queue_depth} – entries not yet acknowledged (undelivered + pending)</li>
 *   <li>{@code slackmgr_queue_pending} – delivered, not yet acknowledged</li>
 *   <li>{@code slackmgr_queue_oldest_pending_age_seconds} – age (since enqueue) of the oldest pending entry</li>
 *   <li>{@code slackmgr_queue_dead_letters} – entries in the dead-letter stream</li>
 *   <li>{@code slackmgr_queue_redeliveries_total} – deliveries of an entry that was delivered before (retries after
 *       a failure and entries taken over from stopped or crashed consumers)</li>
 *   <li>{@code slackmgr_queue_retries_total} – handler failures that will be retried</li>
 *   <li>{@code slackmgr_queue_dead_lettered_total{reason}} – entries moved to the dead-letter stream</li>
 *   <li>{@code slackmgr_queue_acked_total} – entries acknowledged after successful handling</li>
 *   <li>{@code slackmgr_queue_lock_contention_total} – lock attempts that found the channel locked elsewhere</li>
 *   <li>{@code slackmgr_queue_processing_duration_seconds} – handler time per attempt</li>
 * </ul>
 */
final class QueueMetrics {
    private final MeterRegistry registry;
    private final String queue;
    final AtomicLong depth = new AtomicLong();
    final AtomicLong pending = new AtomicLong();
    final AtomicLong oldestPendingAgeMillis = new AtomicLong();
    final AtomicLong deadLetters = new AtomicLong();
    final Counter redeliveries;
    final Counter retries;
    final Counter acked;
    final Counter lockContention;
    final Timer processing;

    QueueMetrics(MeterRegistry registry, String queue) {
        this.registry = registry;
        this.queue = queue;
        Gauge.builder("slackmgr_queue_depth", depth, AtomicLong::get).tag("queue", queue)
                .description("queue entries not yet acknowledged").register(registry);
        Gauge.builder("slackmgr_queue_pending", pending, AtomicLong::get).tag("queue", queue)
                .description("delivered, unacknowledged entries").register(registry);
        Gauge.builder("slackmgr_queue_oldest_pending_age_seconds", oldestPendingAgeMillis, a -> a.get() / 1000.0)
                .tag("queue", queue).description("age of the oldest pending entry").register(registry);
        Gauge.builder("slackmgr_queue_dead_letters", deadLetters, AtomicLong::get).tag("queue", queue)
                .description("entries in the dead-letter stream").register(registry);
        redeliveries = Counter.builder("slackmgr_queue_redeliveries").tag("queue", queue)
                .description("deliveries of entries delivered before").register(registry);
        retries = Counter.builder("slackmgr_queue_retries").tag("queue", queue)
                .description("handler failures that will be retried").register(registry);
        acked = Counter.builder("slackmgr_queue_acked").tag("queue", queue)
                .description("entries acknowledged after successful handling").register(registry);
        lockContention = Counter.builder("slackmgr_queue_lock_contention").tag("queue", queue)
                .description("channel lock attempts that found the lock taken").register(registry);
        processing = Timer.builder("slackmgr_queue_processing_duration").tag("queue", queue)
                .description("handler time per attempt")
                .serviceLevelObjectives(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
                        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(10),
                        Duration.ofSeconds(30))
                .register(registry);
    }

    void deadLettered(String reason) {
        Counter.builder("slackmgr_queue_dead_lettered").tag("queue", queue).tag("reason", reason)
                .description("entries moved to the dead-letter stream").register(registry).increment();
    }
}
