package dev.slackmgr.common.alert;

/**
 * A request or queue body that is not a valid alert JSON document. The message is a human-readable
 * detail naming the field path and position (the API prefixes it with
 * {@code Failed to parse POST body: failed to json unmarshal input: }).
 */
public class AlertDecodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AlertDecodeException(String message) {
        super(message);
    }

    public AlertDecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
