package dev.slackmgr.manager.command;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A command on the {@code commands} queue, in the reference's JSON (issue-lifecycle.md §2.6): produced by the
 * Slack interaction handlers (reactions, buttons, modals, slash commands), consumed here.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record QueuedCommand(OffsetDateTime timestamp, String slackChannelId, String ts, String reaction,
                            String userId, String userRealName, String action, Map<String, Object> parameters,
                            Map<String, Object> webhookParameters, boolean includeArchivedIssues,
                            boolean executeWhenNoIssueFound) {

    public QueuedCommand {
        slackChannelId = slackChannelId == null ? "" : slackChannelId;
        ts = ts == null ? "" : ts;
        userId = userId == null ? "" : userId;
        userRealName = userRealName == null ? "" : userRealName;
        action = action == null ? "" : action;
        parameters = parameters == null ? Map.of() : parameters;
    }

    /** A string parameter, or "". */
    public String parameter(String name) {
        Object v = parameters.get(name);
        return v == null ? "" : v.toString();
    }
}
