package dev.slackmgr.manager.issue;

/** Kind of a Slack write of an issue post (issue-lifecycle.md §7). */
public enum PostAction {
    /** Nothing to write. */
    NONE,
    /** The post shows the alert (open) state. */
    ALERT,
    /** The post shows the resolved state. */
    RESOLVE
}
