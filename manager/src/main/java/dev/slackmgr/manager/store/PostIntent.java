package dev.slackmgr.manager.store;

import java.time.Instant;

/** A Slack post about to be made for an issue (see {@link IssueStore#savePostIntent}). */
public record PostIntent(String channelId, String correlationId, String issueId, Instant createdAt) {
}
