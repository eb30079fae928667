package dev.slackmgr.api.ratelimit;

/**
 * A token bucket with fractional tokens and continuous refill, starting full. Thread-safe.
 * Times are {@link System#nanoTime()}-style readings supplied by the caller.
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

    /** A bucket with new parameters and this bucket's current level (capped at the new capacity). */
    synchronized TokenBucket withConfig(RateLimitConfig newConfig, long nowNanos) {
        refill(nowNanos);
        return new TokenBucket(newConfig, tokens, nowNanos);
    }

    /** Takes {@code n} tokens if at least {@code n} are available; otherwise takes nothing. */
    synchronized boolean tryTake(int n, long nowNanos) {
        refill(nowNanos);
        if (tokens >= n) {
            tokens -= n;
            return true;
        }
        return false;
    }

    /** Tokens available now. */
    synchronized double tokens(long nowNanos) {
        refill(nowNanos);
        return tokens;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - lastNanos;
        if (elapsed > 0) {
            tokens = Math.min(config.allowedBurst(), tokens + elapsed / NANOS_PER_SECOND * config.alertsPerSecond());
            lastNanos = nowNanos;
        }
    }
}
