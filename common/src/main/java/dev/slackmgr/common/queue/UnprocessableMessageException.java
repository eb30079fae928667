package dev.slackmgr.common.queue;

/** Thrown by a {@link MessageHandler} when a message can never succeed (e.g. its body cannot be decoded). */
public class UnprocessableMessageException extends RuntimeException {
    public UnprocessableMessageException(String message) {
        super(message);
    }

    public UnprocessableMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
