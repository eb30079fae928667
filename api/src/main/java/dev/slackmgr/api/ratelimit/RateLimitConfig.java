package dev.slackmgr.api.ratelimit;

/**
 * Token-bucket parameters for one alert channel (rest-api.md §7.1).
 *
 * @param alertsPerSecond refill rate in tokens per second (0.001–1000 when configured through settings)
 * @param allowedBurst    bucket capacity, also the per-request cap per channel (1–10000)
 */
public record RateLimitConfig(double alertsPerSecond, int allowedBurst) {
    /** The reference defaults: 1 alert per second, burst 30. */
    public static final RateLimitConfig DEFAULT = new RateLimitConfig(1, 30);

    public RateLimitConfig {
        if (!(alertsPerSecond > 0) || Double.isInfinite(alertsPerSecond)) {
            throw new IllegalArgumentException("alerts per second must be a positive number");
        }
        if (allowedBurst < 1) {
            throw new IllegalArgumentException("allowed burst must be at least 1");
        }
    }
}
