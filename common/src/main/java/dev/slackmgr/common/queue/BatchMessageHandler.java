package dev.slackmgr.common.queue;

import java.util.List;

/**
 * A {@link MessageHandler} that can also handle several consecutive messages of one channel together – e.g. apply
 * them in one database transaction. The consumer offers it each fresh batch (first delivery of every entry);
 * redeliveries and retries always go through {@link #handle} one at a time, so failure handling (retry with
 * backoff, dead-lettering after {@code maxAttempts}) is exactly that of single messages.
 */
public interface BatchMessageHandler extends MessageHandler {

    /**
     * Handles {@code messages} (in stream order). Returning normally acknowledges all of them; the returned
     * rejections are dead-lettered instead (as if {@link #handle} had thrown {@link UnprocessableMessageException}).
     * Throwing {@link PartialBatchException} acknowledges the first {@code completed} messages (minus its
     * rejections) and hands the rest to {@link #handle} one by one; any other exception means nothing was done and
     * the whole batch goes through {@link #handle} one by one.
     */
    List<Rejection> handleAll(List<QueueMessage> messages) throws Exception;

    /** A message that can never be processed. */
    record Rejection(String messageId, String reason) {
    }

    /** The first {@code completed} messages were handled (minus {@code rejections}); the rest were not. */
    final class PartialBatchException extends Exception {
        private final int completed;
        private final List<Rejection> rejections;

        public PartialBatchException(int completed, List<Rejection> rejections, Throwable cause) {
            super("batch stopped after " + completed + " messages", cause);
            this.completed = completed;
            this.rejections = List.copyOf(rejections);
        }

        public int completed() {
            return completed;
        }

        public List<Rejection> rejections() {
            return rejections;
        }
    }
}
