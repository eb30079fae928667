package dev.slackmgr.manager.issue;

import java.util.List;

/**
 * Outcome of one issue event.
 *
 * @param issue     the new state (null when no issue exists or was created)
 * @param effects   Slack calls to make in order; report outcomes through {@link PostOutcomes}
 * @param saveIssue whether the caller must save {@code issue} (after folding in effect outcomes)
 * @param store     other DB writes, in order (audit alert, move mappings)
 * @param outcome   what happened, for metrics and logs
 */
public record IssueResult(Issue issue, List<SlackEffect> effects, boolean saveIssue, List<StoreOp> store,
                          Outcome outcome) {

    public IssueResult {
        effects = List.copyOf(effects);
        store = List.copyOf(store);
    }

    /** Kinds of outcome. */
    public enum Outcome {
        /** A new issue was created. */
        CREATED,
        /** The alert was added to the open issue ({@code alerts_grouped_total}). */
        GROUPED,
        /** The alert was rejected: not newer, resolved on resolved, or fire-and-forget issue. */
        IGNORED,
        /** The alert matches its own {@code ignoreIfTextContains}: dropped, nothing saved (not even the alert). */
        DROPPED_BY_IGNORE_PATTERN,
        /** A resolved follow-up alert with nothing to resolve: no issue. */
        NOTHING_TO_RESOLVE,
        /** The command was applied (possibly as a silent no-op on a fire-and-forget issue). */
        COMMAND_APPLIED,
        /** The command found no (usable) issue and did nothing, or only deleted the reacted message. */
        NO_ISSUE
    }
}
