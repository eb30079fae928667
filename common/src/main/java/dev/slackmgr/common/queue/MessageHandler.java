package dev.slackmgr.common.queue;

/**
 * Processes one message. Returning normally acknowledges it; throwing marks the attempt as failed
 * (retried with backoff before any later message of the same channel, dead-lettered after
 * {@link QueueOptions#maxAttempts()} attempts); throwing {@link UnprocessableMessageException}
 * dead-letters it at once.
 */
@FunctionalInterface
public interface MessageHandler {
    void handle(QueueMessage message) throws Exception;
}
