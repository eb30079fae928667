package dev.slackmgr.api.channel;

/** A Slack lookup failed for a reason other than "not found" (network, 5xx, rate limit, auth). */
public class SlackLookupException extends RuntimeException {
    public SlackLookupException(String message, Throwable cause) {
        super(message, cause);
    }

    public SlackLookupException(String message) {
        super(message);
    }
}
