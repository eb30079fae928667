package dev.slackmgr.manager.issue;

import dev.slackmgr.manager.post.PostRenderer;

import java.time.Instant;
import java.time.ZoneId;

/**
 * The pure issue engine for a single issue: given the current state (or none), an event and "now", returns
 * the new state, the Slack effects and what to persist. No I/O, no clock reads. Cheap to construct: build a
 * new one when settings are reloaded.
 */
public final class IssueEngine {
    private final ManagerSettings settings;
    private final PostRenderer renderer;
    private final AlertTransitions alerts;
    private final Commands commands;

    /** An engine with these settings rendering times in {@code location}. */
    public IssueEngine(ManagerSettings settings, ZoneId location) {
        this.settings = settings;
        this.renderer = new PostRenderer(settings, location);
        this.alerts = new AlertTransitions(renderer, settings);
        this.commands = new Commands(renderer);
    }

    /**
     * Applies an event. For an alert, {@code issue} is the open (non-archived) issue with the alert's channel and
     * correlation ID, or null; for a command, the issue whose current post is the command's ts (archived
     * included), or null.
     */
    public IssueResult apply(Issue issue, IssueEvent event, Instant now) {
        if (event instanceof IssueEvent.AlertReceived a) {
            return issue == null || issue.archived() ? alerts.create(a.alert(), now)
                    : alerts.add(issue, a.alert(), a.issuesInChannel(), now);
        }
        IssueEvent.CommandReceived c = (IssueEvent.CommandReceived) event;
        return commands.apply(issue, c.command(), now);
    }

    /** The settings this engine runs with. */
    public ManagerSettings settings() {
        return settings;
    }

    public PostRenderer renderer() {
        return renderer;
    }
}
