package dev.slackmgr.manager.issue;

import dev.slackmgr.manager.post.PostRenderer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Effects of user commands on an issue (issue-lifecycle.md §11.2). */
final class Commands {
    private final PostRenderer renderer;

    Commands(PostRenderer renderer) {
        this.renderer = renderer;
    }

    IssueResult apply(Issue issue, IssueCommand cmd, Instant now) {
        IssueCommand.Action action = cmd.action();
        if (issue == null || (issue.archived() && !action.includesArchived())) {
            if (issue == null && action == IssueCommand.Action.TERMINATE) {
                return noIssue(List.of(new SlackEffect.DeleteMessage("", cmd.channelId(), cmd.ts(), null, null)));
            }
            return noIssue(List.of());
        }
        if (action == IssueCommand.Action.MOVE) {
            SlackEffect.MoveIssue move = Moves.move(issue, cmd.targetChannelId(), cmd.targetChannelName(),
                    MoveMapping.USER_COMMAND, cmd.userRealName(), now, renderer);
            List<SlackEffect> effects = move == null ? List.of() : List.of(move);
            return new IssueResult(move == null ? issue : move.moved(), effects, false, List.of(),
                    IssueResult.Outcome.COMMAND_APPLIED);
        }
        Issue.Builder b = issue.toBuilder();
        List<SlackEffect> effects = new ArrayList<>();
        if (action == IssueCommand.Action.TERMINATE) {
            b.slackPostEmojiTerminated = true;
            b.terminatedByUser = cmd.userRealName();
            b.archiveTime = now;
            SlackEffect.DeleteMessage delete = Writes.delete(b, false, now, renderer);
            b.slackPostNeedsUpdate = false;
            if (delete != null) {
                effects.add(delete);
            }
            return applied(b, effects);
        }
        boolean followUp = IssueView.followUp(issue);
        switch (action) {
            case RESOLVE -> {
                if (!followUp) {
                    return applied(b, effects);
                }
                b.slackPostEmojiResolved = true;
                b.resolvedByUser = cmd.userRealName();
                b.resolveTime = now;
                b.archiveTime = now.plusNanos(issue.archiveDelay());
            }
            case UNRESOLVE -> {
                if (!followUp) {
                    return applied(b, effects);
                }
                b.slackPostEmojiResolved = false;
                b.resolvedByUser = "";
                b.resolveTime = now.plusNanos(issue.autoResolvePeriod());
                Archiving.recompute(b, now);
            }
            case INVESTIGATE, UNINVESTIGATE -> {
                if (!followUp) {
                    return applied(b, effects);
                }
                boolean on = action == IssueCommand.Action.INVESTIGATE;
                b.slackPostEmojiInvestigated = on;
                b.investigatedByUser = on ? cmd.userRealName() : "";
                b.investigatedSince = on ? now : Times.ZERO;
            }
            case MUTE, UNMUTE -> {
                if (!followUp) {
                    return applied(b, effects);
                }
                boolean on = action == IssueCommand.Action.MUTE;
                b.slackPostEmojiMuted = on;
                b.mutedByUser = on ? cmd.userRealName() : "";
                b.mutedSince = on ? now : Times.ZERO;
            }
            case SHOW_OPTION_BUTTONS, HIDE_OPTION_BUTTONS ->
                    b.slackPostEmojiButtonsActivated = action == IssueCommand.Action.SHOW_OPTION_BUTTONS;
            default -> throw new IllegalStateException("unhandled " + action);
        }
        b.slackPostNeedsUpdate = true;
        Writes.writeIfNeeded(b, now, renderer, effects);
        return applied(b, effects);
    }

    private static IssueResult applied(Issue.Builder b, List<SlackEffect> effects) {
        return new IssueResult(b.build(), effects, true, List.of(), IssueResult.Outcome.COMMAND_APPLIED);
    }

    private static IssueResult noIssue(List<SlackEffect> effects) {
        return new IssueResult(null, effects, false, List.of(), IssueResult.Outcome.NO_ISSUE);
    }
}
