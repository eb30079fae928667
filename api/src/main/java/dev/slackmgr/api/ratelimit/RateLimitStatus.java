package dev.slackmgr.api.ratelimit;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The state of one channel's bucket at one moment, and the {@code Ratelimit-*} headers it yields
 * on success (rest-api.md §7.3).
 *
 * @param channelId channel the bucket belongs to
 * @param config    the bucket's parameters
 * @param tokens    tokens available (fractional)
 */
public record RateLimitStatus(String channelId, RateLimitConfig config, double tokens) {
    public static final String LIMIT = "Ratelimit-Limit";
    public static final String REMAINING = "Ratelimit-Remaining";
    public static final String RESET = "Ratelimit-Reset";

    /** Bucket capacity ({@code allowedBurst}). */
    public int limit() {
        return config.allowedBurst();
    }

    /** Whole tokens available, never negative. */
    public long remaining() {
        return Math.max(0, (long) Math.floor(tokens));
    }

    /** Seconds until the bucket is full again, rounded up; 0 when full. */
    public long resetSeconds() {
        if (tokens >= config.allowedBurst()) {
            return 0;
        }
        return Seconds.ceil((config.allowedBurst() - tokens) / config.alertsPerSecond());
    }

    /** {@code Ratelimit-Limit}, {@code Ratelimit-Remaining}, {@code Ratelimit-Reset} for a 202 response. */
    public Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put(LIMIT, Integer.toString(limit()));
        h.put(REMAINING, Long.toString(remaining()));
        h.put(RESET, Long.toString(resetSeconds()));
        return h;
    }

    /** The status with the fewest tokens; ties go to the first in iteration order. Empty for no statuses. */
    public static Optional<RateLimitStatus> mostConstrained(Collection<RateLimitStatus> statuses) {
        RateLimitStatus best = null;
        for (RateLimitStatus s : statuses) {
            if (best == null || s.tokens < best.tokens) {
                best = s;
            }
        }
        return Optional.ofNullable(best);
    }
}
