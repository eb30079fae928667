package dev.slackmgr.manager.issue;

import dev.slackmgr.common.alert.Severity;

import java.time.Instant;
import java.util.regex.Pattern;

/** Derived predicates of an issue (issue-lifecycle.md §2.3). All take "now" explicitly. */
public final class IssueView {
    /** Post-ID sentinel for a channel that cannot be posted to. */
    public static final String INVALID_CHANNEL_ID = "INVALID_CHANNEL_ID";
    private static final Pattern ACTIVE_MENTION = Pattern.compile("<[@!][^\\s>]+>");

    private IssueView() {
    }

    /** The current severity of the last alert; null when unknown. */
    public static Severity severity(Issue i) {
        return Severity.fromWire(i.lastAlert().alert().severity()).orElse(null);
    }

    /** panic 3, error 2, warning 1, resolved/info 0, unknown −1. */
    public static int priority(Issue i) {
        Severity s = severity(i);
        return s == null ? -1 : s.priority();
    }

    /** Follow-up enabled = not fire-and-forget. */
    public static boolean followUp(Issue i) {
        return i.lastAlert().alert().issueFollowUpEnabled();
    }

    /**
     * Severity resolved, or follow-up and at/after the resolve time. (The reference uses "strictly after";
     * with an explicit "now" a resolve at {@code now} must already count as resolved.)
     */
    public static boolean isResolved(Issue i, Instant now) {
        return severity(i) == Severity.RESOLVED || (followUp(i) && !now.isBefore(i.resolveTime()));
    }

    /** Severity info, or {@link #isResolved}. */
    public static boolean isInfoOrResolved(Issue i, Instant now) {
        return severity(i) == Severity.INFO || isResolved(i, now);
    }

    /** Auto-resolve as inconclusive applies: flag set, severity not info/resolved, not manually resolved. */
    public static boolean isResolvedAsInconclusive(Issue i) {
        Severity s = severity(i);
        return i.lastAlert().alert().autoResolveAsInconclusive() && s != Severity.INFO && s != Severity.RESOLVED
                && !i.slackPostEmojiResolved();
    }

    /** The issue has a post (the invalid-channel sentinel counts). */
    public static boolean hasPost(Issue i) {
        return !i.slackPostId().isEmpty();
    }

    /** The post ID is the invalid-channel sentinel. */
    public static boolean hasInvalidChannel(Issue i) {
        return INVALID_CHANNEL_ID.equals(i.slackPostId());
    }

    /** The last alert's text contains a live mention. */
    public static boolean hasActiveMentions(Issue i) {
        return ACTIVE_MENTION.matcher(i.lastAlert().alert().text()).find();
    }

    /** Priority used for ordering: info/resolved and muted issues count as 0. */
    public static int sortPriority(Issue i, Instant now) {
        if (isInfoOrResolved(i, now) || i.slackPostEmojiMuted()) {
            return 0;
        }
        return priority(i);
    }

    /** Current channel = channel of the last alert. */
    public static String channelId(Issue i) {
        return i.lastAlert().channelId();
    }
}
