package dev.slackmgr.manager.issue;

import dev.slackmgr.manager.post.PostContent;

/**
 * A Slack call the caller must make, in list order. The engine's returned state already assumes every
 * effect succeeded; the caller reports a new post's ts and any failure through {@link PostOutcomes}
 * before persisting. {@code before} is the issue state just before the effect was recorded.
 */
public sealed interface SlackEffect {
    /** ID of the issue the effect belongs to ("" for a message that is no issue post). */
    String issueId();

    /** {@code chat.postMessage} of a new issue post; report the returned ts via {@link PostOutcomes#created}. */
    record PostMessage(String issueId, PostAction action, PostContent content, Issue before)
            implements SlackEffect {
    }

    /** {@code chat.update} of the issue's post {@code ts}. */
    record UpdateMessage(String issueId, String ts, PostAction action, PostContent content, Issue before)
            implements SlackEffect {
    }

    /**
     * Delete a message. With a {@code tombstone}, first check for thread replies
     * ({@code conversations.replies}); if there are any, {@code chat.update} the post to the tombstone
     * instead of deleting it. Without one, hard-delete. Tolerated errors: {@code channel_not_found},
     * {@code is_archived}, {@code message_not_found}, {@code cant_delete_message}.
     */
    record DeleteMessage(String issueId, String channelId, String ts, PostContent tombstone, Issue before)
            implements SlackEffect {
    }

    /**
     * Move an issue to another channel (issue-lifecycle.md §15). The caller locks the target channel,
     * performs {@code mappingOp}, then {@code deleteOldPost} (may be null) and {@code newPost} (may be null;
     * errors only logged), folds the outcomes into {@code moved} and calls the DB's
     * {@code moveIssue(moved, sourceChannelId, targetChannelId)}. If the move cannot be made (e.g. bot not in
     * the target), the caller saves {@code unmoved} instead.
     */
    record MoveIssue(String issueId, String sourceChannelId, String targetChannelId, StoreOp mappingOp,
                     DeleteMessage deleteOldPost, PostMessage newPost, Issue moved, Issue unmoved)
            implements SlackEffect {
    }
}
