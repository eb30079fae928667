package dev.slackmgr.manager.issue;

import java.time.Duration;
import java.time.Instant;

/** Which Slack write an issue needs now, and whether it is throttled (issue-lifecycle.md §7, §8.2). */
final class SlackActions {
    private SlackActions() {
    }

    /** The reference's {@code GetSlackAction}; first match wins. */
    static PostAction action(Issue i, Instant now) {
        if (i.archived() || now.isBefore(i.slackPostDelayedUntil()) || i.slackPostEmojiTerminated()) {
            return PostAction.NONE;
        }
        if (!IssueView.followUp(i)) {
            return i.slackPostNeedsUpdate() ? PostAction.ALERT : PostAction.NONE;
        }
        boolean infoOrResolved = IssueView.isInfoOrResolved(i, now);
        if (!infoOrResolved && i.slackPostNeedsUpdate()) {
            return PostAction.ALERT;
        }
        if (infoOrResolved && i.slackAlertSentAtLeastOnce()
                && (i.slackPostNeedsUpdate() || i.slackPostLastAction() != PostAction.RESOLVE)) {
            return PostAction.RESOLVE;
        }
        return PostAction.NONE;
    }

    /** True when an intended write of {@code action} is postponed because the channel is busy. */
    static boolean throttled(Issue i, PostAction action, int issuesInChannel, Instant now,
                             ManagerSettings settings) {
        if (issuesInChannel < settings.minIssueCountForThrottle() || action != i.slackPostLastAction()
                || !IssueView.hasPost(i) || IssueView.hasActiveMentions(i)
                || !i.lastAlert().alert().header().equals(i.slackPostHeader())) {
            return false;
        }
        long limitMillis = Math.min(i.alertCount(), settings.maxThrottleDurationSeconds()) * 1000L;
        if (!i.lastAlert().alert().text().equals(i.slackPostText())) {
            limitMillis /= 2;
        }
        return Duration.between(i.slackPostUpdated(), now).toMillis() < limitMillis;
    }
}
