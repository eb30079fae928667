package dev.slackmgr.manager.issue;

import dev.slackmgr.manager.post.PostContent;
import dev.slackmgr.manager.post.PostRenderer;

import java.time.Instant;
import java.util.List;

/** Records Slack writes and deletes on an issue builder and returns the matching effects. */
final class Writes {
    private Writes() {
    }

    /** Writes the post if the issue needs a write now (no throttling). */
    static void writeIfNeeded(Issue.Builder b, Instant now, PostRenderer renderer, List<SlackEffect> out) {
        PostAction action = SlackActions.action(b.build(), now);
        if (action != PostAction.NONE) {
            write(b, action, now, renderer, out);
        }
    }

    /** Records a write of {@code action} and emits a post or update (nothing for an unusable channel). */
    static void write(Issue.Builder b, PostAction action, Instant now, PostRenderer renderer,
                      List<SlackEffect> out) {
        Issue before = b.build();
        boolean invalid = IssueView.hasInvalidChannel(before);
        boolean hasPost = IssueView.hasPost(before);
        PostContent content = invalid ? null : renderer.render(before, action, now);
        b.slackPostUpdated = now;
        b.slackPostNeedsUpdate = false;
        b.slackPostLastAction = action;
        b.slackPostHeader = before.lastAlert().alert().header();
        b.slackPostText = before.lastAlert().alert().text();
        if (action == PostAction.ALERT) {
            b.slackAlertSentAtLeastOnce = true;
        }
        if (invalid) {
            return;
        }
        if (hasPost) {
            out.add(new SlackEffect.UpdateMessage(before.id(), before.slackPostId(), action, content, before));
        } else {
            b.slackPostCreated = now;
            out.add(new SlackEffect.PostMessage(before.id(), action, content, before));
        }
    }

    /**
     * Records the deletion of the post and emits it; a tombstone is offered when {@code keepThread}.
     * Returns the effect, or null when there was nothing to delete in Slack.
     */
    static SlackEffect.DeleteMessage delete(Issue.Builder b, boolean keepThread, Instant now,
                                            PostRenderer renderer) {
        Issue before = b.build();
        clearPost(b);
        b.slackPostNeedsDelete = false;
        b.slackPostNeedsUpdate = true;
        if (!IssueView.hasPost(before) || IssueView.hasInvalidChannel(before)) {
            return null;
        }
        PostContent tombstone = keepThread ? renderer.tombstone(before, now) : null;
        return new SlackEffect.DeleteMessage(before.id(), IssueView.channelId(before), before.slackPostId(),
                tombstone, before);
    }

    static void clearPost(Issue.Builder b) {
        b.slackPostId = "";
        b.slackPostCreated = Times.ZERO;
        b.slackPostUpdated = Times.ZERO;
        b.slackPostHeader = "";
        b.slackPostText = "";
        b.slackPostLastAction = PostAction.NONE;
    }
}
