package dev.slackmgr.api.ratelimit;

/**
 * A token bucket with fractional tokens and continuous refill, starting full. Not thread-safe:
 * {@link ChannelRateLimiter} guards it. Times are {@link System#nanoTime()}-style readings.
 */
final class TokenBucket {
    private static final double NANOS_PER_SECOND = 1e9;

    private final RateLimitConfig config;
    private double tokens;
    private long lastNanos;

    TokenBucket(RateLimitConfig config, long nowNanos) {
        this(config, config.allowedBurst(), nowNanos);
    }

    private TokenBucket(RateLimitConfig config, double tokens, long nowNanos) {
        this.config = config;
        this.tokens = Math.min(tokens, config.allowedBurst());
        this.lastNanos = nowNanos;
    }

    RateLimitConfig config() {
        return config;
    }

    /** A bucket with new parameters and this bucket's current level, capped at the new capacity. */
    TokenBucket withConfig(RateLimitConfig newConfig, long nowNanos) {
        return new TokenBucket(newConfig, tokens(nowNanos), nowNanos);
    }

    /** Tokens available now. */
    double tokens(long nowNanos) {
        long elapsed = nowNanos - lastNanos;
        if (elapsed > 0) {
            tokens = Math.min(config.allowedBurst(), tokens + elapsed / NANOS_PER_SECOND * config.alertsPerSecond());
            lastNanos = nowNanos;
        }
        return tokens;
    }

    /** Takes {@code n} tokens; the caller has checked that they are available. */
    void take(int n, long nowNanos) {
        tokens = tokens(nowNanos) - n;
    }
}
