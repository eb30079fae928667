/**
 * The issue engine: the pure functional core of the manager (issue-lifecycle.md).
 *
 * <p>Entry points: {@link dev.slackmgr.manager.issue.AlertIntake} (defaults and routing of a dequeued alert),
 * {@link dev.slackmgr.manager.issue.ChannelEngine#onAlert}, {@link dev.slackmgr.manager.issue.ChannelEngine#tick}
 * and {@link dev.slackmgr.manager.issue.IssueEngine#apply} (commands). Results carry the new state, Slack
 * effects to execute in order and DB writes; outcomes of the effects are folded back with
 * {@link dev.slackmgr.manager.issue.PostOutcomes} before saving. No Spring, no I/O, no clock reads.
 */
package dev.slackmgr.manager.issue;
