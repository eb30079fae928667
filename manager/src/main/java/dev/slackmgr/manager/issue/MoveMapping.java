package dev.slackmgr.manager.issue;

import dev.slackmgr.common.alert.Hashes;

import java.time.Instant;

/**
 * "Alerts addressed to {@code originalChannelId} with this correlation ID belong in
 * {@code targetChannelId}" (issue-lifecycle.md §2.4). {@code reason} is {@link #ESCALATION} or
 * {@link #USER_COMMAND}.
 */
public record MoveMapping(String id, Instant timestamp, String correlationId, String originalChannelId,
                          String targetChannelId, String reason) {
    public static final String ESCALATION = "ESCALATION";
    public static final String USER_COMMAND = "USER_COMMAND";

    /** A new mapping with the reference's ID: base64url(SHA-256(originalChannelId ‖ correlationId)). */
    public static MoveMapping of(String originalChannelId, String correlationId, String targetChannelId,
                                 String reason, Instant now) {
        return new MoveMapping(Hashes.hc(originalChannelId, correlationId), now, correlationId, originalChannelId,
                targetChannelId, reason);
    }
}
