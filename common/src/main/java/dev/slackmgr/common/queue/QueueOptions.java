package dev.slackmgr.common.queue;

import java.time.Duration;
import java.util.Objects;

/**
 * Queue settings (queue-and-locks.md §3.2 plus the additions of this implementation). Start from
 * {@link #defaults()} and change values with the {@code with…} methods; the constructor validates.
 *
 * @param keyPrefix               prefix of every key ({@code slack-manager:queue})
 * @param consumerGroup           consumer group shared by all instances ({@code slack-manager})
 * @param maxStreamLength         stream length above which acknowledged entries are trimmed (10 000)
 * @param lockTtl                 TTL of a channel lock, extended while its holder is alive (140 s)
 * @param claimMinIdleTime        idle time after which a pending entry of another consumer is claimed (120 s),
 *                                must be below {@code lockTtl}
 * @param batchSize               entries read per lock hold, handled one after the other (50)
 * @param concurrency             channels handled in parallel by one consumer instance (8)
 * @param blockTimeout            how long one blocking read of the notification stream waits (2 s)
 * @param sweepInterval           how often every known channel is re-checked, covering lost wake-ups
 *                                and crashed lock holders (5 s)
 * @param streamRefreshInterval   how often the stream index is re-read (30 s)
 * @param streamInactivityTimeout streams without a send for this long are deleted when fully acknowledged;
 *                                {@link Duration#ZERO} disables cleanup (48 h)
 * @param maxAttempts             failed attempts after which a message is dead-lettered (5)
 * @param retryBackoff            wait before the first retry; doubles per retry (1 s)
 * @param maxRetryBackoff         upper bound of the retry wait (30 s)
 * @param deadLetterMaxLength     approximate cap of the dead-letter stream (10 000)
 * @param notifyMaxLength         approximate cap of the notification stream (10 000)
 * @param metricsInterval         how often depth/pending gauges are refreshed (15 s)
 * @param registerInterval        how often a producer re-registers a channel in index and activity zset (60 s),
 *                                must be below {@code streamInactivityTimeout}
 * @param idleConsumerTimeout     consumers (of any instance) idle this long without pending entries are removed
 *                                from the group (1 h)
 */
public record QueueOptions(String keyPrefix, String consumerGroup, long maxStreamLength, Duration lockTtl,
                           Duration claimMinIdleTime, int batchSize, int concurrency, Duration blockTimeout,
                           Duration sweepInterval, Duration streamRefreshInterval, Duration streamInactivityTimeout,
                           int maxAttempts, Duration retryBackoff, Duration maxRetryBackoff, long deadLetterMaxLength,
                           long notifyMaxLength, Duration metricsInterval, Duration registerInterval,
                           Duration idleConsumerTimeout) {

    public QueueOptions {
        require(keyPrefix != null && !keyPrefix.isBlank(), "keyPrefix must not be blank");
        require(consumerGroup != null && !consumerGroup.isBlank(), "consumerGroup must not be blank");
        require(maxStreamLength >= 1, "maxStreamLength must be >= 1");
        positive(lockTtl, "lockTtl");
        positive(claimMinIdleTime, "claimMinIdleTime");
        require(claimMinIdleTime.compareTo(lockTtl) < 0, "claimMinIdleTime must be shorter than lockTtl");
        require(batchSize >= 1 && batchSize <= 1000, "batchSize must be 1..1000");
        require(concurrency >= 1 && concurrency <= 1024, "concurrency must be 1..1024");
        positive(blockTimeout, "blockTimeout");
        positive(sweepInterval, "sweepInterval");
        positive(streamRefreshInterval, "streamRefreshInterval");
        Objects.requireNonNull(streamInactivityTimeout, "streamInactivityTimeout");
        require(!streamInactivityTimeout.isNegative(), "streamInactivityTimeout must not be negative");
        require(maxAttempts >= 1, "maxAttempts must be >= 1");
        require(retryBackoff != null && !retryBackoff.isNegative(), "retryBackoff must not be negative");
        require(maxRetryBackoff != null && maxRetryBackoff.compareTo(retryBackoff) >= 0,
                "maxRetryBackoff must be >= retryBackoff");
        require(deadLetterMaxLength >= 1, "deadLetterMaxLength must be >= 1");
        require(notifyMaxLength >= 1, "notifyMaxLength must be >= 1");
        positive(metricsInterval, "metricsInterval");
        positive(registerInterval, "registerInterval");
        positive(idleConsumerTimeout, "idleConsumerTimeout");
        require(streamInactivityTimeout.isZero() || registerInterval.compareTo(streamInactivityTimeout) < 0,
                "registerInterval must be shorter than streamInactivityTimeout");
    }

    /** The defaults listed on the record components. */
    public static QueueOptions defaults() {
        return new QueueOptions(QueueKeys.DEFAULT_PREFIX, QueueKeys.DEFAULT_GROUP, 10_000, Duration.ofSeconds(140),
                Duration.ofSeconds(120), 50, 8, Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofHours(48), 5, Duration.ofSeconds(1), Duration.ofSeconds(30), 10_000, 10_000,
                Duration.ofSeconds(15), Duration.ofSeconds(60), Duration.ofHours(1));
    }

    /** The key layout of queue {@code queue} under {@link #keyPrefix()}. */
    public QueueKeys keys(String queue) {
        return new QueueKeys(keyPrefix, queue);
    }

    /** Backoff before retry number {@code retry} (1-based): {@code retryBackoff * 2^(retry-1)}, capped. */
    public Duration backoff(int retry) {
        Duration d = retryBackoff;
        for (int i = 1; i < retry && d.compareTo(maxRetryBackoff) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxRetryBackoff) > 0 ? maxRetryBackoff : d;
    }

    public QueueOptions withKeyPrefix(String v) {
        return new QueueOptions(v, consumerGroup, maxStreamLength, lockTtl, claimMinIdleTime, batchSize, concurrency,
                blockTimeout, sweepInterval, streamRefreshInterval, streamInactivityTimeout, maxAttempts, retryBackoff,
                maxRetryBackoff, deadLetterMaxLength, notifyMaxLength, metricsInterval, registerInterval, idleConsumerTimeout);
    }

    public QueueOptions withConsumerGroup(String v) {
        return new QueueOptions(keyPrefix, v, maxStreamLength, lockTtl, claimMinIdleTime, batchSize, concurrency,
                blockTimeout, sweepInterval, streamRefreshInterval, streamInactivityTimeout, maxAttempts, retryBackoff,
                maxRetryBackoff, deadLetterMaxLength, notifyMaxLength, metricsInterval, registerInterval, idleConsumerTimeout);
    }

    public QueueOptions withMaxStreamLength(long v) {
        return new QueueOptions(keyPrefix, consumerGroup, v, lockTtl, claimMinIdleTime, batchSize, concurrency,
                blockTimeout, sweepInterval, streamRefreshInterval, streamInactivityTimeout, maxAttempts, retryBackoff,
                maxRetryBackoff, deadLetterMaxLength, notifyMaxLength, metricsInterval, registerInterval, idleConsumerTimeout);
    }

    /** Sets lock TTL and claim idle time together (they are validated against each other). */
    public QueueOptions withLockTiming(Duration lockTtl, Duration claimMinIdleTime) {
        return new QueueOptions(keyPrefix, consumerGroup, maxStreamLength, lockTtl, claimMinIdleTime, batchSize,
                concurrency, blockTimeout, sweepInterval, streamRefreshInterval, streamInactivityTimeout, maxAttempts,
                retryBackoff, maxRetryBackoff, deadLetterMaxLength, notifyMaxLength, metricsInterval, registerInterval, idleConsumerTimeout);
    }

    public QueueOptions withBatchSize(int v) {
        return new QueueOptions(keyPrefix, consumerGroup, maxStreamLength, lockTtl, claimMinIdleTime, v, concurrency,
                blockTimeout, sweepInterval, streamRefreshInterval, streamInactivityTimeout, maxAttempts, retryBackoff,
                maxRetryBackoff, deadLetterMaxLength, notifyMaxLength, metricsInterval, registerInterval, idleConsumerTimeout);
    }

    public QueueOptions withConcurrency(int v) {
        return new QueueOptions(keyPrefix, consumerGroup, maxStreamLength, lockTtl, claimMinIdleTime, batchSize, v,
                blockTimeout, sweepInterval, streamRefreshInterval, streamInactivityTimeout, maxAttempts, retryBackoff,
                maxRetryBackoff, deadLetterMaxLength, notifyMaxLength, metricsInterval, registerInterval, idleConsumerTimeout);
    }

    public QueueOptions withBlockTimeout(Duration v) {
        return new QueueOptions(keyPrefix, consumerGroup, maxStreamLength, lockTtl, claimMinIdleTime, batchSize,
                concurrency, v, sweepInterval, streamRefreshInterval, streamInactivityTimeout, maxAttempts, retryBackoff,
                maxRetryBackoff, deadLetterMaxLength, notifyMaxLength, metricsInterval, registerInterval, idleConsumerTimeout);
    }

    public QueueOptions withSweepInterval(Duration v) {
        return new QueueOptions(keyPrefix, consumerGroup, maxStreamLength, lockTtl, claimMinIdleTime, batchSize,
                concurrency, blockTimeout, v, streamRefreshInterval, streamInactivityTimeout, maxAttempts, retryBackoff,
                maxRetryBackoff, deadLetterMaxLength, notifyMaxLength, metricsInterval, registerInterval, idleConsumerTimeout);
    }

    public QueueOptions withStreamRefreshInterval(Duration v) {
        return new QueueOptions(keyPrefix, consumerGroup, maxStreamLength, lockTtl, claimMinIdleTime, batchSize,
                concurrency, blockTimeout, sweepInterval, v, streamInactivityTimeout, maxAttempts, retryBackoff,
                maxRetryBackoff, deadLetterMaxLength, notifyMaxLength, metricsInterval, registerInterval, idleConsumerTimeout);
    }

    public QueueOptions withStreamInactivityTimeout(Duration v) {
        return new QueueOptions(keyPrefix, consumerGroup, maxStreamLength, lockTtl, claimMinIdleTime, batchSize,
                concurrency, blockTimeout, sweepInterval, streamRefreshInterval, v, maxAttempts, retryBackoff,
                maxRetryBackoff, deadLetterMaxLength, notifyMaxLength, metricsInterval, registerInterval, idleConsumerTimeout);
    }

    /** Sets the attempt limit and the retry backoff bounds. */
    public QueueOptions withRetries(int maxAttempts, Duration retryBackoff, Duration maxRetryBackoff) {
        return new QueueOptions(keyPrefix, consumerGroup, maxStreamLength, lockTtl, claimMinIdleTime, batchSize,
                concurrency, blockTimeout, sweepInterval, streamRefreshInterval, streamInactivityTimeout, maxAttempts,
                retryBackoff, maxRetryBackoff, deadLetterMaxLength, notifyMaxLength, metricsInterval, registerInterval, idleConsumerTimeout);
    }

    public QueueOptions withMetricsInterval(Duration v) {
        return new QueueOptions(keyPrefix, consumerGroup, maxStreamLength, lockTtl, claimMinIdleTime, batchSize,
                concurrency, blockTimeout, sweepInterval, streamRefreshInterval, streamInactivityTimeout, maxAttempts,
                retryBackoff, maxRetryBackoff, deadLetterMaxLength, notifyMaxLength, v, registerInterval, idleConsumerTimeout);
    }

    public QueueOptions withRegisterInterval(Duration v) {
        return new QueueOptions(keyPrefix, consumerGroup, maxStreamLength, lockTtl, claimMinIdleTime, batchSize,
                concurrency, blockTimeout, sweepInterval, streamRefreshInterval, streamInactivityTimeout, maxAttempts,
                retryBackoff, maxRetryBackoff, deadLetterMaxLength, notifyMaxLength, metricsInterval, v, idleConsumerTimeout);
    }

    public QueueOptions withIdleConsumerTimeout(Duration v) {
        return new QueueOptions(keyPrefix, consumerGroup, maxStreamLength, lockTtl, claimMinIdleTime, batchSize,
                concurrency, blockTimeout, sweepInterval, streamRefreshInterval, streamInactivityTimeout, maxAttempts,
                retryBackoff, maxRetryBackoff, deadLetterMaxLength, notifyMaxLength, metricsInterval, registerInterval,
                v);
    }

    private static void positive(Duration d, String name) {
        require(d != null && !d.isNegative() && !d.isZero(), name + " must be positive");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
