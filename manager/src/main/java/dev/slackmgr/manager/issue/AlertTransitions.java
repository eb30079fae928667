package dev.slackmgr.manager.issue;

import dev.slackmgr.common.alert.Alert;
import dev.slackmgr.common.alert.Hashes;
import dev.slackmgr.common.alert.Severity;
import dev.slackmgr.manager.post.PostRenderer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Creating an issue from an alert and adding an alert to an open issue (issue-lifecycle.md §3.5, §3.6). */
final class AlertTransitions {
    private final PostRenderer renderer;
    private final ManagerSettings settings;

    AlertTransitions(PostRenderer renderer, ManagerSettings settings) {
        this.renderer = renderer;
        this.settings = settings;
    }

    /** §3.5: a follow-up resolved alert creates nothing; otherwise a new issue, posted unless delayed. */
    IssueResult create(ManagedAlert alert, Instant now) {
        Alert a = alert.alert();
        List<StoreOp> store = List.of(new StoreOp.SaveAlert(alert));
        if (a.issueFollowUpEnabled() && Severity.RESOLVED.wire().equals(a.severity())) {
            return new IssueResult(null, List.of(), false, store, IssueResult.Outcome.NOTHING_TO_RESOLVE);
        }
        if (a.issueFollowUpEnabled() && Severity.INFO.wire().equals(a.severity())) {
            Alert.Builder ab = a.toBuilder();
            ab.issueFollowUpEnabled = false;
            ab.notificationDelaySeconds = 0;
            alert = alert.withAlert(ab.build());
            a = alert.alert();
        }
        Issue.Builder b = new Issue.Builder();
        b.id = Hashes.hc(a.correlationId(), a.slackChannelId(), Times.rfc3339Nano(now));
        b.correlationId = a.correlationId();
        b.created = now;
        b.firstAlert = alert;
        b.lastAlert = alert;
        b.alertCount = 1;
        b.lastAlertReceived = now;
        b.lastSlackMention = "";
        b.lastSlackMentionTime = Times.ZERO;
        b.autoResolvePeriod = Times.secondsToNanos(a.autoResolveSeconds());
        b.archiveDelay = Times.secondsToNanos(a.archivingDelaySeconds());
        b.slackPostNeedsUpdate = true;
        b.resolveTime = Times.ZERO;
        b.slackPostDelayedUntil = Times.ZERO;
        if (a.issueFollowUpEnabled()) {
            b.resolveTime = Severity.RESOLVED.wire().equals(a.severity()) ? now
                    : now.plusNanos(b.autoResolvePeriod);
            if (a.notificationDelaySeconds() > 0) {
                b.slackPostDelayedUntil = now.plusSeconds(a.notificationDelaySeconds());
            }
        }
        normalize(b);
        Archiving.recompute(b, now);
        MentionSanitizer.sanitize(b, now, false);
        List<SlackEffect> effects = new ArrayList<>();
        Writes.writeIfNeeded(b, now, renderer, effects);
        return new IssueResult(b.build(), effects, true, store, IssueResult.Outcome.CREATED);
    }

    /** §3.6: accept a strictly newer alert into an open issue and write it unless throttled. */
    IssueResult add(Issue issue, ManagedAlert alert, int issuesInChannel, Instant now) {
        Alert a = alert.alert();
        List<StoreOp> store = List.of(new StoreOp.SaveAlert(alert));
        Severity incoming = Severity.fromWire(a.severity()).orElse(null);
        if (!a.timestamp().isAfter(issue.lastAlert().alert().timestamp())
                || (IssueView.isResolved(issue, now) && incoming == Severity.RESOLVED)
                || !IssueView.followUp(issue)) {
            return new IssueResult(issue, List.of(), false, store, IssueResult.Outcome.IGNORED);
        }
        Severity current = IssueView.severity(issue);
        if (issue.isEscalated() && incoming != null && incoming.isAlerting() && current != null
                && incoming.priority() < current.priority()) {
            Alert.Builder ab = a.toBuilder();
            ab.severity = current.wire();
            alert = alert.withAlert(ab.build());
            a = alert.alert();
        }
        Issue.Builder b = issue.toBuilder();
        b.lastAlert = alert;
        b.lastAlertReceived = now;
        b.alertCount = issue.alertCount() + 1;
        b.autoResolvePeriod = Times.secondsToNanos(a.autoResolveSeconds());
        b.archiveDelay = Times.secondsToNanos(a.archivingDelaySeconds());
        b.slackPostEmojiTerminated = false;
        b.slackPostEmojiResolved = false;
        b.resolvedByUser = "";
        b.archived = false;
        b.slackPostNeedsUpdate = true;
        b.resolveTime = incoming == Severity.INFO || incoming == Severity.RESOLVED ? now
                : now.plusNanos(b.autoResolvePeriod);
        if (a.notificationDelaySeconds() > 0) {
            b.slackPostDelayedUntil = issue.created().plusSeconds(a.notificationDelaySeconds());
        }
        Archiving.recompute(b, now);
        MentionSanitizer.sanitize(b, now, false);
        List<SlackEffect> effects = new ArrayList<>();
        Issue next = b.build();
        PostAction action = SlackActions.action(next, now);
        if (action != PostAction.NONE
                && !SlackActions.throttled(next, action, issuesInChannel, now, settings)) {
            Writes.write(b, action, now, renderer, effects);
        }
        return new IssueResult(b.build(), effects, true, store, IssueResult.Outcome.GROUPED);
    }

    private static void normalize(Issue.Builder b) {
        b.slackPostLastAction = PostAction.NONE;
        Writes.clearPost(b);
    }
}
