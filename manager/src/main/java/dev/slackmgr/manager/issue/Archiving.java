package dev.slackmgr.manager.issue;

import java.time.Duration;
import java.time.Instant;

/** Archive time and archive readiness (issue-lifecycle.md §5.2). */
final class Archiving {
    /** Fire-and-forget issues archive this long after their last alert. */
    static final Duration FIRE_AND_FORGET_DELAY = Duration.ofSeconds(30);

    private Archiving() {
    }

    /** Recomputes {@code archiveTime} from the builder's state. */
    static void recompute(Issue.Builder b, Instant now) {
        Issue i = b.build();
        if (i.slackPostEmojiTerminated()) {
            b.archiveTime = now;
        } else if (!IssueView.followUp(i)) {
            b.archiveTime = i.lastAlertReceived().plus(FIRE_AND_FORGET_DELAY);
        } else if (IssueView.isInfoOrResolved(i, now)) {
            b.archiveTime = i.resolveTime().plusNanos(i.archiveDelay());
        } else {
            b.archiveTime = i.lastAlertReceived().plusNanos(i.autoResolvePeriod()).plusNanos(i.archiveDelay());
        }
    }

    /** Whether a processing cycle at {@code now} archives the issue. */
    static boolean isReady(Issue i, Instant now) {
        if (i.archived()) {
            return false;
        }
        if (IssueView.followUp(i) && !i.slackPostEmojiTerminated() && IssueView.hasPost(i)
                && i.slackPostLastAction() != PostAction.RESOLVE) {
            return false;
        }
        return now.isAfter(i.archiveTime());
    }
}
