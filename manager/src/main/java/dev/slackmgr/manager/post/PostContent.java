package dev.slackmgr.manager.post;

import com.slack.api.model.block.LayoutBlock;

import java.util.List;
import java.util.Map;

/**
 * Everything a {@code chat.postMessage} / {@code chat.update} of an issue post needs
 * (slack-interactions.md §8.1). {@code text} is the notification fallback ("" = none); exactly one of
 * {@code iconEmoji} / {@code iconUrl} is non-empty at most.
 */
public record PostContent(String channelId, List<LayoutBlock> blocks, String text, String username,
                          String iconEmoji, String iconUrl, Metadata metadata) {

    /** Slack's limit of blocks per message. */
    public static final int MAX_BLOCKS = 50;

    public PostContent {
        blocks = List.copyOf(blocks);
    }

    /**
     * Message metadata identifying the issue a post belongs to (used to reconcile posts after a crash).
     *
     * @param eventType    always {@link #EVENT_TYPE}
     * @param eventPayload {@code issueId}, {@code correlationId}
     */
    public record Metadata(String eventType, Map<String, Object> eventPayload) {
        /** Event type of every issue post's metadata. */
        public static final String EVENT_TYPE = "slackmgr_issue";

        /** Metadata for the issue with this ID. */
        public static Metadata forIssue(String issueId, String correlationId) {
            return new Metadata(EVENT_TYPE, Map.of("issueId", issueId, "correlationId", correlationId));
        }
    }
}
