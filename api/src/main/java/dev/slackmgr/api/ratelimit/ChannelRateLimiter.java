package dev.slackmgr.api.ratelimit;

import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per alert channel (rest-api.md §7.1): capacity {@code allowedBurst}, continuous
 * refill of {@code alertsPerSecond} fractional tokens per second, created full on first use, taken
 * from all-or-nothing. Per process, thread-safe.
 *
 * <p>resilience4j 2.4.0 has no refill (token-bucket) limiter: its {@code AtomicRateLimiter} hands out
 * {@code limitForPeriod} whole permits per fixed, clock-aligned cycle and never accumulates more than
 * one cycle's worth, so a burst of {@code allowedBurst} with a refill of {@code alertsPerSecond}
 * cannot be expressed (with defaults it would make a drained channel wait 30 s instead of 1 s).
 * Hence this small bucket of our own.
 *
 * <p>{@link #reconfigure} applies new parameters to new buckets and, unlike the reference (which keeps
 * a bucket's parameters for the process lifetime), also to existing ones on their next use, keeping
 * their current level capped at the new capacity.
 */
public final class ChannelRateLimiter {
    private final LongSupplier nanoTime;
    private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private volatile RateLimitConfig config;

    public ChannelRateLimiter(RateLimitConfig config) {
        this(config, System::nanoTime);
    }

    /** With an injectable monotonic clock in nanoseconds (tests). */
    public ChannelRateLimiter(RateLimitConfig config, LongSupplier nanoTime) {
        this.config = Objects.requireNonNull(config, "config");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** The parameters in force. */
    public RateLimitConfig config() {
        return config;
    }

    /** Switches to new parameters (e.g. after a settings reload). */
    public void reconfigure(RateLimitConfig newConfig) {
        this.config = Objects.requireNonNull(newConfig, "newConfig");
    }

    /**
     * Takes {@code n} tokens from the channel's bucket if all are available, else none.
     *
     * @param channelId resolved channel ID (upper-cased here)
     * @param n         number of alerts, at least 1
     */
    public RateLimitDecision tryAcquire(String channelId, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1");
        }
        String id = key(channelId);
        long now = nanoTime.getAsLong();
        RateLimitConfig current = config;
        boolean[] allowed = new boolean[1];
        RateLimitStatus[] status = new RateLimitStatus[1];
        // Taking inside compute() keeps the take atomic with a concurrent bucket replacement.
        buckets.compute(id, (k, b) -> {
            TokenBucket bucket = b == null ? new TokenBucket(current, now)
                    : b.config().equals(current) ? b : b.withConfig(current, now);
            allowed[0] = bucket.tryTake(n, now);
            status[0] = new RateLimitStatus(id, bucket.config(), bucket.tokens(now));
            return bucket;
        });
        long retryAfter = 0;
        if (!allowed[0]) {
            double missing = n - status[0].tokens();
            retryAfter = Math.max(1, Seconds.ceil(missing / status[0].config().alertsPerSecond()));
        }
        return new RateLimitDecision(allowed[0], n, status[0], retryAfter);
    }

    /** The channel's bucket now, without taking anything (a fresh, full bucket for an unseen channel). */
    public RateLimitStatus status(String channelId) {
        String id = key(channelId);
        long now = nanoTime.getAsLong();
        TokenBucket bucket = buckets.get(id);
        if (bucket == null) {
            return new RateLimitStatus(id, config, config.allowedBurst());
        }
        return new RateLimitStatus(id, bucket.config(), bucket.tokens(now));
    }

    private static String key(String channelId) {
        return Objects.requireNonNull(channelId, "channelId").toUpperCase(Locale.ROOT);
    }
}
