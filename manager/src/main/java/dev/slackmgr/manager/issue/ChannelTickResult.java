package dev.slackmgr.manager.issue;

import java.util.List;

/**
 * Outcome of one processing cycle of a channel (issue-lifecycle.md §13.2).
 *
 * @param issues     every non-moved issue of the cycle, new state (including just archived ones); save them
 *                   in one batch after folding in effect outcomes
 * @param effects    Slack calls in order: escalation moves first, then deletes, then writes. On the first
 *                   failed delete or write the caller stops, reports the failure and reports the remaining
 *                   write effects as not executed ({@link PostOutcomes#failed} with "not_executed")
 * @param store      DB writes: escalation move mappings of archived issues to delete
 * @param openIssues number of open issues loaded (the channel state's {@code openIssues}); 0 = idle
 * @param archived   IDs archived by this cycle ({@code issues_archived_total})
 */
public record ChannelTickResult(List<Issue> issues, List<SlackEffect> effects, List<StoreOp> store,
                                int openIssues, List<String> archived) {
    public ChannelTickResult {
        issues = List.copyOf(issues);
        effects = List.copyOf(effects);
        store = List.copyOf(store);
        archived = List.copyOf(archived);
    }
}
