package dev.slackmgr.manager.slack;

/** A Slack call that finally failed; see {@link SlackGateway}. */
public class SlackCallException extends RuntimeException {
    private final String errorCode;
    private final boolean transientFailure;

    public SlackCallException(String method, String errorCode, boolean transientFailure, Throwable cause) {
        super("Slack " + method + " failed: " + errorCode, cause);
        this.errorCode = errorCode;
        this.transientFailure = transientFailure;
    }

    /** Slack's error code ({@code channel_not_found}, …) or a label such as {@code timeout}. */
    public String errorCode() {
        return errorCode;
    }

    public boolean transientFailure() {
        return transientFailure;
    }
}
