package dev.slackmgr.manager.store;

import java.time.Instant;

/**
 * Per-channel bookkeeping of periodic processing (storage.md §1.4, queue-and-locks.md §5.5): when the channel
 * was last processed (so several manager pods do not all process it each interval) and how many issues
 * were open then.
 */
public record ChannelProcessingState(String channelId, Instant created, Instant lastChannelActivity,
                                     Instant lastProcessed, int openIssues) {
}
