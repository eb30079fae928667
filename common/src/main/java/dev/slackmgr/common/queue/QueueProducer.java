package dev.slackmgr.common.queue;

import java.util.List;

/**
 * Write side of a per-channel FIFO queue (queue-and-locks.md §2, §3.4).
 *
 * <p>{@link #send} appends all bodies of one channel in one round trip and returns only after Redis
 * acknowledged the write, so a caller may answer 2xx afterwards.
 */
public interface QueueProducer {

    /** The queue name, e.g. {@code alerts} or {@code commands}. */
    String name();

    /**
     * Appends {@code bodies} to the stream of {@code channelId}, in order, atomically.
     *
     * @return the stream entry IDs, one per body
     * @throws QueueUnavailableException when the queue store cannot be reached or refused the write
     */
    List<String> send(String channelId, List<String> bodies);
}
