package dev.slackmgr.manager.post;

import dev.slackmgr.common.alert.Severity;
import dev.slackmgr.manager.issue.Issue;
import dev.slackmgr.manager.issue.IssueStatus;
import dev.slackmgr.manager.issue.IssueView;
import dev.slackmgr.manager.issue.PostAction;

/** The emoji that replaces {@code :status:} for a write (slack-interactions.md §8.2). */
public final class StatusEmoji {
    private StatusEmoji() {
    }

    /** Status emoji of a write of {@code action}; tombstones use the muted variants. */
    public static String of(Issue issue, PostAction action, boolean tombstone, IssueStatus s) {
        if (action == PostAction.RESOLVE) {
            return IssueView.isResolvedAsInconclusive(issue) ? s.inconclusiveEmoji() : s.resolvedEmoji();
        }
        Severity sev = IssueView.severity(issue);
        boolean muted = tombstone || issue.slackPostEmojiMuted();
        if (sev == null) {
            return "";
        }
        return switch (sev) {
            case PANIC -> muted ? s.mutePanicEmoji() : s.panicEmoji();
            case ERROR -> muted ? s.muteErrorEmoji() : s.errorEmoji();
            case WARNING -> muted ? s.muteWarningEmoji() : s.warningEmoji();
            case RESOLVED -> s.resolvedEmoji();
            case INFO -> s.infoEmoji();
        };
    }
}
