package dev.slackmgr.manager.slack;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of the Slack Web API client ({@code slackmgr.slack.*}; observability-and-config.md §6.1). Like the
 * reference's {@code setDefaults()}, every missing or non-positive value is replaced by its default, so
 * {@link #defaults()} and partially bound properties are always complete.
 *
 * @param botToken                     bot token ({@code xoxb-…}); never defaulted
 * @param apiUrl                       Web API base URL ending in {@code /} (default {@code https://slack.com/api/})
 * @param httpTimeout                  per-HTTP-call timeout (20 s)
 * @param concurrency                  concurrent HTTP calls per process (3)
 * @param maxAttemptsForRateLimitError total attempts of a call answered 429 (10)
 * @param maxAttemptsForTransientError total attempts of a call with transient errors (5)
 * @param maxRateLimitErrorWait        429 budget from the first attempt (120 s)
 * @param maxTransientErrorWait        transient-error budget from the first attempt (60 s)
 * @param rateLimitExtraWait           added to {@code Retry-After} for the wait and the gate (2 s)
 * @param maxJitter                    random extra wait after a 429, {@code [0, maxJitter)} (500 ms)
 * @param transientBackoff             first back-off after a transient error, doubled per attempt (1 s)
 * @param channelCacheTtl              how long {@code conversations.info} answers are cached (30 s)
 * @param gateKey                      Redis key of the shared rate-limit gate ({@code slack-manager:rate-limit-gate})
 * @param gatePollInterval             how often a blocked gate is re-read (500 ms)
 * @param pacing                       proactive per-method token buckets
 */
@ConfigurationProperties("slackmgr.slack")
public record SlackClientSettings(String botToken, String apiUrl, Duration httpTimeout, Integer concurrency,
                                  Integer maxAttemptsForRateLimitError, Integer maxAttemptsForTransientError,
                                  Duration maxRateLimitErrorWait, Duration maxTransientErrorWait,
                                  Duration rateLimitExtraWait, Duration maxJitter, Duration transientBackoff,
                                  Duration channelCacheTtl, String gateKey, Duration gatePollInterval,
                                  Pacing pacing) {

    /** Default Web API base URL. */
    public static final String DEFAULT_API_URL = "https://slack.com/api/";
    /** Default Redis key of the rate-limit gate (queue-and-locks.md §1.1). */
    public static final String DEFAULT_GATE_KEY = "slack-manager:rate-limit-gate";

    public SlackClientSettings {
        botToken = botToken == null ? "" : botToken;
        apiUrl = apiUrl == null || apiUrl.isBlank() ? DEFAULT_API_URL : apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
        httpTimeout = positive(httpTimeout, Duration.ofSeconds(20));
        concurrency = positive(concurrency, 3);
        maxAttemptsForRateLimitError = positive(maxAttemptsForRateLimitError, 10);
        maxAttemptsForTransientError = positive(maxAttemptsForTransientError, 5);
        maxRateLimitErrorWait = positive(maxRateLimitErrorWait, Duration.ofSeconds(120));
        maxTransientErrorWait = positive(maxTransientErrorWait, Duration.ofSeconds(60));
        rateLimitExtraWait = rateLimitExtraWait == null || rateLimitExtraWait.isNegative()
                ? Duration.ofSeconds(2) : rateLimitExtraWait;
        maxJitter = maxJitter == null || maxJitter.isNegative() ? Duration.ofMillis(500) : maxJitter;
        transientBackoff = positive(transientBackoff, Duration.ofSeconds(1));
        channelCacheTtl = positive(channelCacheTtl, Duration.ofSeconds(30));
        gateKey = gateKey == null || gateKey.isBlank() ? DEFAULT_GATE_KEY : gateKey;
        gatePollInterval = positive(gatePollInterval, Duration.ofMillis(500));
        pacing = pacing == null ? Pacing.defaults() : pacing;
    }

    /** All defaults, no token. */
    public static SlackClientSettings defaults() {
        return new SlackClientSettings(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    /** A copy pointing at another base URL with another token. */
    public SlackClientSettings withApi(String apiUrl, String botToken) {
        return new SlackClientSettings(botToken, apiUrl, httpTimeout, concurrency, maxAttemptsForRateLimitError,
                maxAttemptsForTransientError, maxRateLimitErrorWait, maxTransientErrorWait, rateLimitExtraWait,
                maxJitter, transientBackoff, channelCacheTtl, gateKey, gatePollInterval, pacing);
    }

    /** A copy with another HTTP timeout. */
    public SlackClientSettings withHttpTimeout(Duration httpTimeout) {
        return new SlackClientSettings(botToken, apiUrl, httpTimeout, concurrency, maxAttemptsForRateLimitError,
                maxAttemptsForTransientError, maxRateLimitErrorWait, maxTransientErrorWait, rateLimitExtraWait,
                maxJitter, transientBackoff, channelCacheTtl, gateKey, gatePollInterval, pacing);
    }

    /** A copy with other retry attempts and budgets. */
    public SlackClientSettings withRetries(int rateLimitAttempts, Duration rateLimitBudget, int transientAttempts,
                                           Duration transientBudget) {
        return new SlackClientSettings(botToken, apiUrl, httpTimeout, concurrency, rateLimitAttempts,
                transientAttempts, rateLimitBudget, transientBudget, rateLimitExtraWait, maxJitter, transientBackoff,
                channelCacheTtl, gateKey, gatePollInterval, pacing);
    }

    /** A copy with other waits around retries. */
    public SlackClientSettings withWaits(Duration rateLimitExtraWait, Duration maxJitter, Duration transientBackoff) {
        return new SlackClientSettings(botToken, apiUrl, httpTimeout, concurrency, maxAttemptsForRateLimitError,
                maxAttemptsForTransientError, maxRateLimitErrorWait, maxTransientErrorWait, rateLimitExtraWait,
                maxJitter, transientBackoff, channelCacheTtl, gateKey, gatePollInterval, pacing);
    }

    /** A copy with another pacing. */
    public SlackClientSettings withPacing(Pacing pacing) {
        return new SlackClientSettings(botToken, apiUrl, httpTimeout, concurrency, maxAttemptsForRateLimitError,
                maxAttemptsForTransientError, maxRateLimitErrorWait, maxTransientErrorWait, rateLimitExtraWait,
                maxJitter, transientBackoff, channelCacheTtl, gateKey, gatePollInterval, pacing);
    }

    /** A copy with another gate key and poll interval. */
    public SlackClientSettings withGate(String gateKey, Duration gatePollInterval) {
        return new SlackClientSettings(botToken, apiUrl, httpTimeout, concurrency, maxAttemptsForRateLimitError,
                maxAttemptsForTransientError, maxRateLimitErrorWait, maxTransientErrorWait, rateLimitExtraWait,
                maxJitter, transientBackoff, channelCacheTtl, gateKey, gatePollInterval, pacing);
    }

    /**
     * Proactive pacing: token buckets per Slack method so a storm stays under Slack's published limits instead
     * of provoking 429s. {@code chatPostMessage} is per channel (Slack: about 1 message per second per channel,
     * short bursts allowed); the others are per process (Tier 3: about 50 per minute). A bucket lets at most
     * {@code burst + rate × t} calls start in any interval {@code t}, so the defaults keep that within the limit
     * for a sliding window too: 2 + 1 per second ≤ 3, and 5 + 45 per minute ≤ 50.
     *
     * @param enabled              pacing on (default true)
     * @param chatPostMessage      per channel (1/s, burst 2)
     * @param chatUpdate           per process (45/min, burst 5)
     * @param chatDelete           per process (45/min, burst 5)
     * @param conversationsHistory per process (45/min, burst 5)
     * @param conversationsReplies per process (45/min, burst 5)
     * @param conversationsInfo    per process (45/min, burst 5)
     */
    public record Pacing(Boolean enabled, Rate chatPostMessage, Rate chatUpdate, Rate chatDelete,
                         Rate conversationsHistory, Rate conversationsReplies, Rate conversationsInfo) {
        private static final Rate TIER3 = new Rate(45.0 / 60.0, 5);

        public Pacing {
            enabled = enabled == null || enabled;
            chatPostMessage = chatPostMessage == null ? new Rate(1.0, 2) : chatPostMessage;
            chatUpdate = chatUpdate == null ? TIER3 : chatUpdate;
            chatDelete = chatDelete == null ? TIER3 : chatDelete;
            conversationsHistory = conversationsHistory == null ? TIER3 : conversationsHistory;
            conversationsReplies = conversationsReplies == null ? TIER3 : conversationsReplies;
            conversationsInfo = conversationsInfo == null ? TIER3 : conversationsInfo;
        }

        public static Pacing defaults() {
            return new Pacing(null, null, null, null, null, null, null);
        }

        /** No pacing at all. */
        public static Pacing off() {
            return new Pacing(false, null, null, null, null, null, null);
        }

        /** The same rate for every method (tests). */
        public static Pacing uniform(Rate rate) {
            return new Pacing(true, rate, rate, rate, rate, rate, rate);
        }
    }

    /**
     * A token bucket: {@code perSecond} tokens refill per second up to {@code burst}.
     *
     * @param perSecond sustained rate (> 0)
     * @param burst     bucket size (>= 1)
     */
    public record Rate(double perSecond, int burst) {
        public Rate {
            if (!(perSecond > 0) || burst < 1) {
                throw new IllegalArgumentException("rate needs perSecond > 0 and burst >= 1");
            }
        }
    }

    private static Duration positive(Duration d, Duration fallback) {
        return d == null || d.isZero() || d.isNegative() ? fallback : d;
    }

    private static Integer positive(Integer i, int fallback) {
        return i == null || i <= 0 ? fallback : i;
    }
}
