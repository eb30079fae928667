package dev.slackmgr.manager.issue;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.slackmgr.common.alert.Alert;

/**
 * The manager-side alert: the public alert, flattened in JSON, plus the three fields the manager adds
 * (issue-lifecycle.md §2.1).
 */
public record ManagedAlert(
        @JsonUnwrapped Alert alert,
        String slackChannelName,
        String originalSlackChannelId,
        String originalText) {

    public ManagedAlert {
        slackChannelName = slackChannelName == null ? "" : slackChannelName;
        originalSlackChannelId = originalSlackChannelId == null ? "" : originalSlackChannelId;
        originalText = originalText == null ? "" : originalText;
    }

    /** A freshly received alert: original channel and text copied from the alert itself. */
    public static ManagedAlert received(Alert alert) {
        return new ManagedAlert(alert, "", alert.slackChannelId(), alert.text());
    }

    /** This alert with another public part. */
    public ManagedAlert withAlert(Alert a) {
        return new ManagedAlert(a, slackChannelName, originalSlackChannelId, originalText);
    }

    /** This alert with another channel name. */
    public ManagedAlert withChannelName(String name) {
        return new ManagedAlert(alert, name, originalSlackChannelId, originalText);
    }

    /** The current Slack channel of the alert (and so of its issue). */
    public String channelId() {
        return alert.slackChannelId();
    }
}
