package dev.slackmgr.manager.store;

import dev.slackmgr.manager.issue.Issue;
import dev.slackmgr.manager.issue.ManagedAlert;
import dev.slackmgr.manager.issue.StoreOp;

import java.util.List;

/**
 * Everything one processing step of a channel changes, written in one transaction by {@link IssueStore#write}:
 * the alerts' audit copies, the issues, move-mapping changes, the Slack writes now owed ({@code pendingPosts},
 * replacing any earlier row of the same issue), owed writes that are done ({@code donePendingPosts}, by issue
 * ID) and post intents that are settled ({@code settledIntents}).
 */
public record ChannelWrite(List<ManagedAlert> alerts, List<Issue> issues, List<StoreOp> storeOps,
                           List<PendingPost> pendingPosts, List<String> donePendingPosts,
                           List<PostIntent> settledIntents) {

    public ChannelWrite {
        alerts = List.copyOf(alerts);
        issues = List.copyOf(issues);
        storeOps = List.copyOf(storeOps);
        pendingPosts = List.copyOf(pendingPosts);
        donePendingPosts = List.copyOf(donePendingPosts);
        settledIntents = List.copyOf(settledIntents);
    }

    /** A write of issue state alone. */
    public static ChannelWrite issues(List<Issue> issues) {
        return new ChannelWrite(List.of(), issues, List.of(), List.of(), List.of(), List.of());
    }

    public boolean isEmpty() {
        return alerts.isEmpty() && issues.isEmpty() && storeOps.isEmpty() && pendingPosts.isEmpty()
                && donePendingPosts.isEmpty() && settledIntents.isEmpty();
    }
}
