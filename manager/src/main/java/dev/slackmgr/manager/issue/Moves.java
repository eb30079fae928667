package dev.slackmgr.manager.issue;

import dev.slackmgr.manager.post.PostRenderer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Moving an issue to another channel (issue-lifecycle.md §15). */
final class Moves {
    private Moves() {
    }

    /** The move effect, or null when the target is the current channel. */
    static SlackEffect.MoveIssue move(Issue issue, String target, String targetName, String reason, String user,
                                      Instant now, PostRenderer renderer) {
        String source = IssueView.channelId(issue);
        if (target.equals(source)) {
            return null;
        }
        String original = issue.lastAlert().originalSlackChannelId();
        StoreOp mappingOp = original.equals(target)
                ? new StoreOp.DeleteMoveMapping(original, issue.correlationId())
                : new StoreOp.SaveMoveMapping(MoveMapping.of(original, issue.correlationId(), target, reason, now));
        Issue.Builder b = issue.toBuilder();
        SlackEffect.DeleteMessage delete = Writes.delete(b, false, now, renderer);
        Issue.Builder moved = b;
        var ab = issue.lastAlert().alert().toBuilder();
        ab.slackChannelId = target;
        moved.lastAlert = issue.lastAlert().withAlert(ab.build()).withChannelName(targetName);
        boolean away = !original.equals(target);
        moved.isMoved = away;
        moved.moveReason = away ? reason : "";
        moved.movedByUser = away ? user : "";
        moved.slackPostNeedsUpdate = true;
        List<SlackEffect> created = new ArrayList<>();
        Writes.writeIfNeeded(moved, now, renderer, created);
        SlackEffect.PostMessage post = created.isEmpty() ? null : (SlackEffect.PostMessage) created.get(0);
        return new SlackEffect.MoveIssue(issue.id(), source, target, mappingOp, delete, post, moved.build(), issue);
    }
}
