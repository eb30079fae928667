package dev.slackmgr.common.crypto;

/**
 * The serialised webhook payload is larger than the reference's limit. A client error: the API
 * answers 400 naming the problem (the Go reference answers a generic 500, which clients retry).
 */
public class PayloadTooLargeException extends PayloadCipherException {
    private final int size;
    private final int limit;

    public PayloadTooLargeException(int size, int limit) {
        super("webhook payload " + reason(size, limit));
        this.size = size;
        this.limit = limit;
    }

    private static String reason(int size, int limit) {
        return "is too large: " + size + " bytes of JSON (limit: " + limit + ")";
    }

    /** The message without its subject, to follow a name such as {@code webhook[0].payload }. */
    public String reason() {
        return reason(size, limit);
    }

    /** Size of the serialised payload in bytes. */
    public int size() {
        return size;
    }

    /** The limit in bytes. */
    public int limit() {
        return limit;
    }
}
