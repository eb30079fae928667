package dev.slackmgr.common.queue.deadletter;

/** Why a message was dead-lettered; {@link #label()} is stored in the dead-letter entry and used as metric tag. */
public enum DeadLetterReason {
    /** The entry has no {@code body} field. */
    MISSING_BODY("missing_body"),
    /** The handler threw {@link dev.slackmgr.common.queue.UnprocessableMessageException}. */
    UNPROCESSABLE("unprocessable"),
    /** The handler failed {@code maxAttempts} times (deliveries to crashed consumers count). */
    MAX_ATTEMPTS("max_attempts");

    private final String label;

    DeadLetterReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
