package dev.slackmgr.manager.issue;

import java.util.Set;

/**
 * Folds the result of executing a {@link SlackEffect} back into the issue (slack-interactions.md §10.3).
 * Callers apply these before persisting the issue.
 */
public final class PostOutcomes {
    private static final Set<String> CHANNEL_GONE = Set.of("channel_not_found", "is_archived");
    private static final Set<String> DELETE_TOLERATED =
            Set.of("channel_not_found", "is_archived", "message_not_found", "cant_delete_message");

    private PostOutcomes() {
    }

    /** {@code chat.postMessage} succeeded with {@code ts}. */
    public static Issue created(Issue issue, String ts) {
        Issue.Builder b = issue.toBuilder();
        b.slackPostId = ts;
        return b.build();
    }

    /**
     * The effect failed with this Slack error code (or any non-Slack error: pass "" ), or was not executed
     * because an earlier effect of the same batch failed (pass "not_executed").
     */
    public static Issue failed(Issue issue, SlackEffect effect, String errorCode) {
        Issue.Builder b = issue.toBuilder();
        if (effect instanceof SlackEffect.DeleteMessage d) {
            if (!DELETE_TOLERATED.contains(errorCode) && d.before() != null) {
                restorePost(b, d.before());
                b.slackPostNeedsDelete = d.before().slackPostNeedsDelete();
                b.slackPostNeedsUpdate = d.before().slackPostNeedsUpdate();
            }
            return b.build();
        }
        Issue before = effect instanceof SlackEffect.PostMessage p ? p.before()
                : effect instanceof SlackEffect.UpdateMessage u ? u.before() : null;
        if (before == null) {
            return issue;
        }
        restorePost(b, before);
        if (CHANNEL_GONE.contains(errorCode)) {
            Issue.Builder done = issue.toBuilder();
            done.slackPostId = IssueView.INVALID_CHANNEL_ID;
            return done.build();
        }
        switch (errorCode) {
            case "invalid_blocks" -> {
                Writes.clearPost(b);
                b.slackPostNeedsUpdate = false;
            }
            case "not_in_channel", "message_not_found", "cant_update_message" -> {
                Writes.clearPost(b);
                b.slackPostNeedsUpdate = true;
            }
            default -> b.slackPostNeedsUpdate = true;
        }
        return b.build();
    }

    /**
     * A deferred write of the issue's current state (post or update, made by the post syncer) was refused with this
     * Slack error code: the same rules as {@link #failed}, applied to the issue as it is now.
     */
    public static Issue writeFailed(Issue issue, String errorCode) {
        Issue.Builder b = issue.toBuilder();
        if (CHANNEL_GONE.contains(errorCode)) {
            b.slackPostId = IssueView.INVALID_CHANNEL_ID;
            return b.build();
        }
        switch (errorCode) {
            case "invalid_blocks" -> {
                Writes.clearPost(b);
                b.slackPostNeedsUpdate = false;
            }
            case "not_in_channel", "message_not_found", "cant_update_message" -> {
                Writes.clearPost(b);
                b.slackPostNeedsUpdate = true;
            }
            default -> b.slackPostNeedsUpdate = true;
        }
        return b.build();
    }

    private static void restorePost(Issue.Builder b, Issue before) {
        b.slackPostId = before.slackPostId();
        b.slackPostCreated = before.slackPostCreated();
        b.slackPostUpdated = before.slackPostUpdated();
        b.slackPostHeader = before.slackPostHeader();
        b.slackPostText = before.slackPostText();
        b.slackPostLastAction = before.slackPostLastAction();
        b.slackAlertSentAtLeastOnce = before.slackAlertSentAtLeastOnce();
    }
}
