package dev.slackmgr.api.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Outcome of taking {@code requested} tokens from one channel's bucket.
 *
 * @param allowed           whether the tokens were taken
 * @param requested         number of tokens asked for
 * @param status            the bucket right after the attempt
 * @param retryAfterSeconds when refused: seconds until {@code requested} tokens are available,
 *                          rounded up (at least 1); 0 when allowed
 */
public record RateLimitDecision(boolean allowed, int requested, RateLimitStatus status, long retryAfterSeconds) {
    public static final String RETRY_AFTER = "Retry-After";

    /**
     * Response headers: on success those of {@link RateLimitStatus#headers()}; on refusal
     * (429, rest-api.md §7.2) {@code Retry-After}, {@code Ratelimit-Limit}, {@code Ratelimit-Remaining: 0}
     * and {@code Ratelimit-Reset} equal to {@code Retry-After}.
     */
    public Map<String, String> headers() {
        if (allowed) {
            return status.headers();
        }
        Map<String, String> h = new LinkedHashMap<>();
        h.put(RETRY_AFTER, Long.toString(retryAfterSeconds));
        h.put(RateLimitStatus.LIMIT, Integer.toString(status.limit()));
        h.put(RateLimitStatus.REMAINING, "0");
        h.put(RateLimitStatus.RESET, Long.toString(retryAfterSeconds));
        return h;
    }

    /** The reference's 429 message: {@code Rate limit exceeded for <n> alerts in channel <id>}. */
    public String refusalMessage() {
        return "Rate limit exceeded for " + requested + " alerts in channel " + status.channelId();
    }
}
