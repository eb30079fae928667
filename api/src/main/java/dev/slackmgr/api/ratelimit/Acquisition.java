package dev.slackmgr.api.ratelimit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Outcome of taking tokens for one request: granted for every channel, or refused for one (nothing taken). */
public sealed interface Acquisition permits Acquisition.Granted, Acquisition.Refused {
    String RETRY_AFTER = "Retry-After";

    /** Response headers (rest-api.md §7.2 for a refusal, §7.3 for success). */
    Map<String, String> headers();

    /**
     * Tokens were taken from every channel's bucket.
     *
     * @param channels the buckets right after taking, in request order
     */
    record Granted(List<RateLimitStatus> channels) implements Acquisition {
        public Granted {
            channels = List.copyOf(channels);
        }

        /** The channel with the fewest tokens left; ties go to the first channel of the request. */
        public RateLimitStatus mostConstrained() {
            return RateLimitStatus.mostConstrained(channels).orElseThrow();
        }

        /** {@code Ratelimit-Limit/Remaining/Reset} of {@link #mostConstrained()}. */
        @Override
        public Map<String, String> headers() {
            return mostConstrained().headers();
        }
    }

    /**
     * The first channel (in request order) without enough tokens; no tokens were taken anywhere.
     *
     * @param channelId         the refused channel
     * @param alerts            tokens asked for that channel
     * @param status            its bucket now
     * @param retryAfterSeconds seconds until {@code alerts} tokens are available, rounded up, at least 1
     */
    record Refused(String channelId, int alerts, RateLimitStatus status, long retryAfterSeconds)
            implements Acquisition {

        /** {@code Retry-After}, {@code Ratelimit-Limit}, {@code Ratelimit-Remaining: 0}, {@code Ratelimit-Reset}. */
        @Override
        public Map<String, String> headers() {
            Map<String, String> h = new LinkedHashMap<>();
            h.put(RETRY_AFTER, Long.toString(retryAfterSeconds));
            h.put(RateLimitStatus.LIMIT, Integer.toString(status.limit()));
            h.put(RateLimitStatus.REMAINING, "0");
            h.put(RateLimitStatus.RESET, Long.toString(retryAfterSeconds));
            return h;
        }

        /** The reference's raw 429 text: {@code rate limit exceeded for <n> alerts in channel <id>}. */
        public String message() {
            return "rate limit exceeded for " + alerts + " alerts in channel " + channelId;
        }
    }
}
