package dev.slackmgr.manager.issue;

import dev.slackmgr.manager.post.PostRenderer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The periodic channel Slack update: reordering by severity and throttled writes (§8.1, §8.2). */
final class ChannelUpdate {
    private final PostRenderer renderer;
    private final ManagerSettings settings;

    ChannelUpdate(PostRenderer renderer, ManagerSettings settings) {
        this.renderer = renderer;
        this.settings = settings;
    }

    /**
     * Updates the open issues (by ID, in place) and appends the Slack effects in execution order; reordering only
     * when {@code layoutSettled}.
     */
    void run(String channelId, Map<String, Issue.Builder> issues, Instant now, List<SlackEffect> out,
             boolean layoutSettled) {
        List<Issue.Builder> live = new ArrayList<>();
        for (Issue.Builder b : issues.values()) {
            if (!b.archived) {
                live.add(b);
            }
        }
        int openCount = (int) live.stream().filter(b -> !IssueView.isInfoOrResolved(b.build(), now)).count();
        sort(live, now);
        boolean reorder = layoutSettled && settings.orderIssuesBySeverity(channelId, openCount);
        Instant settledBefore = now.minusSeconds(settings.processingIntervalSeconds(channelId));
        List<Issue.Builder> toDelete = new ArrayList<>();
        for (Issue.Builder b : live) {
            Issue i = b.build();
            if (i.slackPostNeedsDelete() || (reorder && IssueView.followUp(i) && IssueView.hasPost(i)
                    && settled(i, settledBefore) && newerLowerPriorityPostExists(i, live, now, settledBefore))) {
                toDelete.add(b);
            }
        }
        for (Issue.Builder b : toDelete) {
            SlackEffect.DeleteMessage d = Writes.delete(b, true, now, renderer);
            if (d != null) {
                out.add(d);
            }
        }
        if (!toDelete.isEmpty()) {
            sort(live, now);
        }
        for (Issue.Builder b : live) {
            Issue i = b.build();
            PostAction action = SlackActions.action(i, now);
            if (action == PostAction.NONE || SlackActions.throttled(i, action, openCount, now, settings)) {
                continue;
            }
            Writes.write(b, action, now, renderer, out);
        }
    }

    /**
     * Whether a newer post of another <em>open</em> issue has a lower priority. Deliberate difference
     * (docs/issue-engine.md): the reference also lets resolved issues, info messages and muted issues (sort priority
     * 0) push open issues down, so every resolve or info message below them deletes and re-posts each open issue
     * above it – a burst of posts and notifications that carry no new information.
     */
    private static boolean newerLowerPriorityPostExists(Issue issue, List<Issue.Builder> live, Instant now,
                                                        Instant settledBefore) {
        int prio = IssueView.sortPriority(issue, now);
        for (Issue.Builder ob : live) {
            Issue other = ob.build();
            if (!other.correlationId().equals(issue.correlationId()) && IssueView.hasPost(other)
                    && !IssueView.hasInvalidChannel(other) && needsAttention(other, now)
                    && settled(other, settledBefore)
                    && other.slackPostId().compareTo(issue.slackPostId()) > 0
                    && IssueView.sortPriority(other, now) < prio) {
                return true;
            }
        }
        return false;
    }

    /**
     * No alert during the last processing interval. Deliberate difference (docs/issue-engine.md): the reference
     * reorders against the severities of the moment, so while alerts keep changing them (a storm, a flapping
     * alert) the same posts are deleted and re-posted cycle after cycle; we wait until both issues are settled.
     */
    private static boolean settled(Issue i, Instant settledBefore) {
        return !i.lastAlertReceived().isAfter(settledBefore);
    }

    /** Open and not muted: the issues whose posts order the channel. */
    private static boolean needsAttention(Issue i, Instant now) {
        return !IssueView.isInfoOrResolved(i, now) && !i.slackPostEmojiMuted();
    }

    /**
     * Stable ascending sort by sort priority; when neither issue has a post, the older
     * {@code lastAlertReceived} first. Insertion sort: the tie rule is not a total order.
     */
    static void sort(List<Issue.Builder> list, Instant now) {
        for (int i = 1; i < list.size(); i++) {
            Issue.Builder cur = list.get(i);
            int j = i - 1;
            while (j >= 0 && compare(list.get(j).build(), cur.build(), now) > 0) {
                list.set(j + 1, list.get(j));
                j--;
            }
            list.set(j + 1, cur);
        }
    }

    private static int compare(Issue a, Issue b, Instant now) {
        int c = Integer.compare(IssueView.sortPriority(a, now), IssueView.sortPriority(b, now));
        if (c != 0) {
            return c;
        }
        if (!IssueView.hasPost(a) && !IssueView.hasPost(b)) {
            return a.lastAlertReceived().compareTo(b.lastAlertReceived());
        }
        return 0;
    }
}
