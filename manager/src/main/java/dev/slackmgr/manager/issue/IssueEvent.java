package dev.slackmgr.manager.issue;

/** What happens to a single issue: an alert for it, or a user command on its post. */
public sealed interface IssueEvent {
    /**
     * An alert (defaults applied, routed, see {@link AlertIntake}) for the issue's channel and correlation ID.
     *
     * @param issuesInChannel the channel processing state's {@code openIssues} (0 if none), for throttling
     */
    record AlertReceived(ManagedAlert alert, int issuesInChannel) implements IssueEvent {
    }

    /** A user command on an issue post (issue-lifecycle.md §11). */
    record CommandReceived(IssueCommand command) implements IssueEvent {
    }
}
