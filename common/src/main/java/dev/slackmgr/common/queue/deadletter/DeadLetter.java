package dev.slackmgr.common.queue.deadletter;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of a queue's dead-letter stream.
 *
 * @param id             id of the dead-letter entry
 * @param queue          queue name
 * @param channelId      channel of the original message
 * @param reason         why it was dead-lettered (see {@link DeadLetterReason})
 * @param failures       failed attempts before it was dead-lettered
 * @param error          last error message, empty when none
 * @param originalStream stream key of the original message
 * @param originalId     entry id of the original message
 * @param originalFields all fields of the original entry
 * @param deadLetteredAt when it was dead-lettered
 */
public record DeadLetter(String id, String queue, String channelId, String reason, int failures, String error,
                         String originalStream, String originalId, Map<String, String> originalFields,
                         Instant deadLetteredAt) {
    public DeadLetter {
        originalFields = Map.copyOf(originalFields);
    }

    /** The original {@code body} field, or {@code null} when the entry had none. */
    public String body() {
        return originalFields.get("body");
    }
}
