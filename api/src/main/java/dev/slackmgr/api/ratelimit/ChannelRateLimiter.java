package dev.slackmgr.api.ratelimit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * One token bucket per alert channel (rest-api.md §7.1): capacity {@code allowedBurst}, continuous
 * refill of {@code alertsPerSecond} fractional tokens per second, created full on first use.
 * Per process, thread-safe.
 *
 * <p>A request takes tokens from all its channels or from none ({@link #acquire(Map)}); the reference
 * is all-or-nothing per channel only, so a request refused for its second channel has already spent
 * the first channel's tokens there.
 *
 * <p>resilience4j 2.4.0 has no refill (token-bucket) limiter: its {@code AtomicRateLimiter} hands out
 * {@code limitForPeriod} whole permits per fixed, clock-aligned cycle and never holds more than one
 * cycle's worth, so a capacity of {@code allowedBurst} with a refill of {@code alertsPerSecond} cannot
 * be expressed (with the defaults a drained channel would wait 30 s instead of 1 s), and it has no
 * fractional tokens. Hence this small bucket of our own.
 *
 * <p>{@link #reconfigure} applies new parameters to new buckets and, unlike the reference (which keeps
 * a bucket's parameters for the process lifetime), also to existing ones on their next use, keeping
 * their current level capped at the new capacity.
 */
public final class ChannelRateLimiter {
    private final LongSupplier nanoTime;
    private final Map<String, TokenBucket> buckets = new HashMap<>();
    private RateLimitConfig config;

    public ChannelRateLimiter(RateLimitConfig config) {
        this(config, System::nanoTime);
    }

    /** With an injectable monotonic clock in nanoseconds (tests). */
    public ChannelRateLimiter(RateLimitConfig config, LongSupplier nanoTime) {
        this.config = Objects.requireNonNull(config, "config");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** The parameters in force. */
    public synchronized RateLimitConfig config() {
        return config;
    }

    /** Bucket capacity in force: also the most alerts one request may carry for one channel. */
    public synchronized int allowedBurst() {
        return config.allowedBurst();
    }

    /** Forgets every bucket: each channel starts again with a full bucket (admin and test use). */
    public synchronized void reset() {
        buckets.clear();
    }

    /** Switches to new parameters (e.g. from a settings listener). */
    public synchronized void reconfigure(RateLimitConfig newConfig) {
        this.config = Objects.requireNonNull(newConfig, "newConfig");
    }

    /** {@link #acquire(Map)} for a single channel. */
    public Acquisition acquire(String channelId, int alerts) {
        return acquire(Map.of(channelId, alerts));
    }

    /**
     * Takes {@code alerts} tokens from each channel's bucket if every bucket has enough, else none.
     *
     * @param alertsByChannel resolved channel ID (upper-cased here) → number of alerts (≥ 1), in
     *                        request order (use an ordered map for deterministic tie-breaks)
     */
    public synchronized Acquisition acquire(Map<String, Integer> alertsByChannel) {
        if (alertsByChannel.isEmpty()) {
            throw new IllegalArgumentException("no channels to acquire tokens for");
        }
        long now = nanoTime.getAsLong();
        Map<String, Integer> wanted = new LinkedHashMap<>();
        alertsByChannel.forEach((channel, n) -> {
            if (n == null || n < 1) {
                throw new IllegalArgumentException("alerts for channel " + channel + " must be at least 1");
            }
            wanted.merge(key(channel), n, Integer::sum);
        });
        for (Map.Entry<String, Integer> e : wanted.entrySet()) {
            TokenBucket bucket = bucket(e.getKey(), now);
            double tokens = bucket.tokens(now);
            if (tokens < e.getValue()) {
                RateLimitStatus status = new RateLimitStatus(e.getKey(), bucket.config(), tokens);
                long retryAfter = Math.max(1,
                        Seconds.ceil((e.getValue() - tokens) / bucket.config().alertsPerSecond()));
                return new Acquisition.Refused(e.getKey(), e.getValue(), status, retryAfter);
            }
        }
        List<RateLimitStatus> taken = new ArrayList<>(wanted.size());
        for (Map.Entry<String, Integer> e : wanted.entrySet()) {
            TokenBucket bucket = buckets.get(e.getKey());
            bucket.take(e.getValue(), now);
            taken.add(new RateLimitStatus(e.getKey(), bucket.config(), bucket.tokens(now)));
        }
        return new Acquisition.Granted(taken);
    }

    /** The channel's bucket now, without taking anything (a full bucket for an unseen channel). */
    public synchronized RateLimitStatus status(String channelId) {
        String id = key(channelId);
        TokenBucket bucket = buckets.get(id);
        if (bucket == null) {
            return new RateLimitStatus(id, config, config.allowedBurst());
        }
        return new RateLimitStatus(id, bucket.config(), bucket.tokens(nanoTime.getAsLong()));
    }

    private TokenBucket bucket(String id, long now) {
        TokenBucket bucket = buckets.get(id);
        if (bucket == null) {
            bucket = new TokenBucket(config, now);
        } else if (!bucket.config().equals(config)) {
            bucket = bucket.withConfig(config, now);
        } else {
            return bucket;
        }
        buckets.put(id, bucket);
        return bucket;
    }

    private static String key(String channelId) {
        return Objects.requireNonNull(channelId, "channelId").toUpperCase(Locale.ROOT);
    }
}
