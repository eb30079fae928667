package dev.slackmgr.manager.command;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A command on the {@code commands} queue, in the reference's JSON (issue-lifecycle.md §2.6): produced by the
 * Slack interaction handlers (reactions, buttons, modals, slash commands), consumed here.
 *
 * <p>Two fields are ours (the reference ignores unknown fields): {@code eventId}, the Slack event or interaction
 * the command came from (applied once per ID), and {@code checkAccess}, set when the Socket Mode handler
 * acknowledged the interaction without checking the user's rights, so the consumer checks them before applying.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record QueuedCommand(OffsetDateTime timestamp, String slackChannelId, String ts, String reaction,
                            String userId, String userRealName, String action, Map<String, Object> parameters,
                            Map<String, Object> webhookParameters, boolean includeArchivedIssues,
                            boolean executeWhenNoIssueFound, String eventId, boolean checkAccess) {

    public QueuedCommand {
        slackChannelId = slackChannelId == null ? "" : slackChannelId;
        ts = ts == null ? "" : ts;
        reaction = reaction == null ? "" : reaction;
        userId = userId == null ? "" : userId;
        userRealName = userRealName == null ? "" : userRealName;
        action = action == null ? "" : action;
        parameters = parameters == null ? Map.of() : parameters;
        eventId = eventId == null ? "" : eventId;
    }

    /**
     * A command from a Slack user interaction, acknowledged to Slack before anything was checked: the consumer
     * applies it once per {@code eventId} and only after the access check ({@code checkAccess}).
     */
    public static QueuedCommand fromInteraction(java.time.Instant now, String channelId, String ts, String reaction,
                                                String userId, String action, String eventId) {
        boolean terminate = "terminate_issue".equals(action);
        return new QueuedCommand(now.atOffset(java.time.ZoneOffset.UTC), channelId, ts, reaction, userId, "", action,
                Map.of(), null, terminate, terminate, eventId, true);
    }

    /** The same command with these {@code parameters} and {@code webhookParameters} (null: none). */
    public QueuedCommand with(Map<String, Object> parameters, Map<String, Object> webhookParameters) {
        return new QueuedCommand(timestamp, slackChannelId, ts, reaction, userId, userRealName, action, parameters,
                webhookParameters, includeArchivedIssues, executeWhenNoIssueFound, eventId, checkAccess);
    }

    /** A webhook parameter, or null. */
    public Object webhookParameter(String name) {
        return webhookParameters == null ? null : webhookParameters.get(name);
    }

    /** The same command with another user real name. */
    public QueuedCommand withUserRealName(String name) {
        return new QueuedCommand(timestamp, slackChannelId, ts, reaction, userId, name, action, parameters,
                webhookParameters, includeArchivedIssues, executeWhenNoIssueFound, eventId, checkAccess);
    }

    /** A string parameter, or "". */
    public String parameter(String name) {
        Object v = parameters.get(name);
        return v == null ? "" : v.toString();
    }
}
