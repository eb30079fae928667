package dev.slackmgr.manager.issue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Channel-level steps: an alert against the channel's open issues, and the periodic processing cycle
 * (archiving, escalation, escalation moves, reordering and throttled writes).
 */
public final class ChannelEngine {
    private final IssueEngine engine;
    private final ChannelUpdate update;

    /** A channel engine with these settings rendering times in {@code location}. */
    public ChannelEngine(ManagerSettings settings, ZoneId location) {
        this.engine = new IssueEngine(settings, location);
        this.update = new ChannelUpdate(engine.renderer(), settings);
    }

    /** The single-issue engine used underneath. */
    public IssueEngine issues() {
        return engine;
    }

    /**
     * Applies an alert (see {@link AlertIntake#prepare}) to the channel: finds the open issue with the same
     * correlation ID in the alert's channel among {@code openIssues} and adds the alert, or creates an issue.
     * Alerts matching their own ignore patterns are dropped ({@link AlertIntake#ignored}).
     *
     * @param issuesInChannel channel processing state's {@code openIssues}, for throttling
     */
    public IssueResult onAlert(Collection<Issue> openIssues, ManagedAlert alert, int issuesInChannel, Instant now) {
        if (AlertIntake.ignored(alert.alert())) {
            return new IssueResult(null, List.of(), false, List.of(), IssueResult.Outcome.DROPPED_BY_IGNORE_PATTERN);
        }
        Issue match = null;
        for (Issue i : openIssues) {
            if (!i.archived() && i.correlationId().equals(alert.alert().correlationId())
                    && IssueView.channelId(i).equals(alert.channelId())) {
                match = i;
                break;
            }
        }
        return engine.apply(match, new IssueEvent.AlertReceived(alert, issuesInChannel), now);
    }

    /**
     * One processing cycle over all open issues of {@code channelId} (issue-lifecycle.md §13.2 steps 5–8).
     *
     * @param channelName current channel name, stored on each issue's last alert
     * @param channelNames display names of possible escalation move targets (missing = "")
     */
    public ChannelTickResult tick(String channelId, String channelName, Collection<Issue> openIssues,
                                  Map<String, String> channelNames, Instant now) {
        return tick(channelId, channelName, openIssues, channelNames, now, true);
    }

    /**
     * {@link #tick(String, String, Collection, Map, Instant)}; with {@code layoutSettled == false} (new posts or
     * deletes decided earlier are not made in Slack yet) reordering by severity waits: deciding it against a
     * channel layout that is still changing would delete and re-post issues again and again.
     */
    public ChannelTickResult tick(String channelId, String channelName, Collection<Issue> openIssues,
                                  Map<String, String> channelNames, Instant now, boolean layoutSettled) {
        Map<String, Issue.Builder> builders = new LinkedHashMap<>();
        List<String> archived = new ArrayList<>();
        List<StoreOp> store = new ArrayList<>();
        List<SlackEffect> moves = new ArrayList<>();
        for (Issue issue : openIssues) {
            if (issue.archived()) {
                continue;
            }
            Issue.Builder b = issue.toBuilder();
            if (Archiving.isReady(issue, now)) {
                b.archived = true;
                archived.add(issue.id());
                if (issue.isMoved() && MoveMapping.ESCALATION.equals(issue.moveReason())) {
                    store.add(new StoreOp.DeleteMoveMapping(issue.lastAlert().originalSlackChannelId(),
                            issue.correlationId()));
                }
                builders.put(issue.id(), b);
                continue;
            }
            b.lastAlert = b.lastAlert.withChannelName(channelName);
            String target = Escalations.apply(b, now);
            if (target != null) {
                SlackEffect.MoveIssue move = Moves.move(b.build(), target, channelNames.getOrDefault(target, ""),
                        MoveMapping.ESCALATION, "N/A", now, engine.renderer());
                if (move != null) {
                    moves.add(move);
                    continue;
                }
            }
            builders.put(issue.id(), b);
        }
        List<SlackEffect> effects = new ArrayList<>(moves);
        update.run(channelId, builders, now, effects, layoutSettled);
        List<Issue> out = builders.values().stream().map(Issue.Builder::build).toList();
        int loaded = (int) openIssues.stream().filter(i -> !i.archived()).count();
        return new ChannelTickResult(out, effects, store, loaded, archived);
    }
}
