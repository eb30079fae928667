package dev.slackmgr.common.queue;

/** The queue store could not take a write (Redis down, timeout, refused). Callers answer 503. */
public class QueueUnavailableException extends RuntimeException {
    public QueueUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
