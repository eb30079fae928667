package dev.slackmgr.manager.slack;

import com.slack.api.methods.SlackApiException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How one failed attempt of a Slack call is treated (observability-and-config.md §5.4): rate limited (HTTP 429,
 * wait {@code Retry-After}), transient (back off and retry) or permanent (fail at once).
 */
public sealed interface SlackFailure {

    /** Slack's error code or a label ({@code timeout}, {@code http_503}, …) for {@link SlackCallException}. */
    String code();

    /**
     * The {@code error_type} metric label: {@code rate_limited} for HTTP 429, the code when it looks like a
     * Slack error code ({@code ^[a-z_]+$}), else {@code unknown}.
     */
    default String metricLabel() {
        return SLACK_CODE.matcher(code()).matches() ? code() : "unknown";
    }

    /** HTTP 429 with {@code Retry-After}. */
    record RateLimited(Duration retryAfter) implements SlackFailure {
        @Override
        public String code() {
            return "rate_limited";
        }
    }

    /** Worth retrying after a back-off: 5xx, timeouts, I/O errors, Slack's {@code internal_error} and the like. */
    record Transient(String code) implements SlackFailure {
    }

    /** Slack's answer will not change on retry ({@code channel_not_found}, {@code invalid_blocks}, 4xx, …). */
    record Permanent(String code) implements SlackFailure {
    }

    Pattern SLACK_CODE = Pattern.compile("^[a-z_]+$");

    /** Slack error codes that are retried like transient errors (API-level, not HTTP 429: no gate signal). */
    Set<String> TRANSIENT_CODES = Set.of("internal_error", "fatal_error", "service_unavailable", "request_timeout",
            "ratelimited", "rate_limited");

    /** Classifies an {@code ok: false} answer by its error code. */
    static SlackFailure ofErrorCode(String code) {
        String c = code == null || code.isBlank() ? "unknown" : code;
        return TRANSIENT_CODES.contains(c) ? new Transient(c) : new Permanent(c);
    }

    /** Classifies an HTTP-level failure of the SDK: non-200 status, timeout or other I/O error. */
    static SlackFailure ofException(Exception e) {
        if (e instanceof SlackApiException api) {
            int status = api.getResponse() == null ? 0 : api.getResponse().code();
            if (status == 429) {
                return new RateLimited(retryAfter(api));
            }
            if (status >= 500) {
                return new Transient("http_" + status);
            }
            if (api.getError() != null && api.getError().getError() != null) {
                return ofErrorCode(api.getError().getError());
            }
            return new Permanent("http_" + status);
        }
        if (e instanceof InterruptedIOException) {
            return new Transient("timeout");
        }
        if (e instanceof IOException) {
            return new Transient("io_error");
        }
        return new Permanent("unknown");
    }

    private static Duration retryAfter(SlackApiException e) {
        String header = e.getResponse().header("Retry-After");
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header == null ? "" : header.trim())));
        } catch (NumberFormatException nfe) {
            return Duration.ofSeconds(1);
        }
    }
}
