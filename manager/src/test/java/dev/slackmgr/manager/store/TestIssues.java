package dev.slackmgr.manager.store;

import dev.slackmgr.common.alert.Alert;
import dev.slackmgr.common.alert.Escalation;
import dev.slackmgr.common.alert.Field;
import dev.slackmgr.common.alert.Webhook;
import dev.slackmgr.manager.issue.Issue;
import dev.slackmgr.manager.issue.IssueJson;
import dev.slackmgr.manager.issue.ManagedAlert;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Issues for store tests in the shape of the reference suite's minimal test issue (storage.md §6.1): only
 * {@code id}, {@code correlationId}, {@code lastAlert}, {@code archived} and {@code slackPostId} are set.
 */
final class TestIssues {
    private TestIssues() {
    }

    /** The suite's test alert: severity error, header "Test Alert", text "This is a test alert". */
    static Alert alert(String channelId, String correlationId) {
        Alert.Builder b = Alert.builder();
        b.timestamp = OffsetDateTime.now(ZoneOffset.UTC);
        b.correlationId = correlationId;
        b.slackChannelId = channelId;
        b.severity = "error";
        b.header = "Test Alert";
        b.text = "This is a test alert";
        return b.build();
    }

    /** The suite's "full" alert: every optional part set. */
    static Alert fullAlert(String channelId, String correlationId) {
        Alert.Builder b = alert(channelId, correlationId).toBuilder();
        b.headerWhenResolved = "Test Alert (resolved)";
        b.textWhenResolved = "The test alert is resolved";
        b.fallbackText = "fallback";
        b.author = "tester";
        b.host = "host-1";
        b.footer = "footer";
        b.link = "https://example.com/alert";
        b.iconEmoji = ":rotating_light:";
        b.username = "alerts";
        b.type = "test";
        b.issueFollowUpEnabled = true;
        b.autoResolveSeconds = 300;
        b.notificationDelaySeconds = 10;
        b.archivingDelaySeconds = 60;
        b.fields = List.of(new Field("f1", "v1"), new Field("f2", "v2"), new Field("f3", "v3"));
        b.escalation = List.of(new Escalation("panic", 300, List.of("<!here>"), ""));
        b.webhooks = List.of(new Webhook("hook1", "https://example.com/hook", "Sure?", "Run", "primary", "", "",
                Map.of("key", "value"), List.of(), List.of(), false));
        b.metadata = Map.of("team", "storage", "priority", 1);
        return b.build();
    }

    static Issue issue(String channelId, String correlationId) {
        return issue(alert(channelId, correlationId), UUID.randomUUID().toString(), false);
    }

    static Issue issue(String channelId, String correlationId, String postId, boolean archived) {
        return issue(alert(channelId, correlationId), postId, archived);
    }

    static Issue issue(Alert alert, String postId, boolean archived) {
        ObjectNode n = IssueJson.mapper().createObjectNode();
        n.put("id", alert.correlationId() + alert.slackChannelId() + Instant.now() + UUID.randomUUID());
        n.put("correlationId", alert.correlationId());
        n.set("lastAlert", IssueJson.mapper().valueToTree(ManagedAlert.received(alert)));
        n.put("archived", archived);
        n.put("slackPostId", postId);
        return IssueJson.read(n.toString());
    }

    /** A copy of the issue with its JSON edited. */
    static Issue with(Issue issue, Consumer<ObjectNode> edit) {
        ObjectNode n = IssueJson.mapper().valueToTree(issue);
        edit.accept(n);
        return IssueJson.read(n.toString());
    }

    static Issue withPostId(Issue issue, String postId) {
        return with(issue, n -> n.put("slackPostId", postId));
    }

    static Issue archived(Issue issue) {
        return with(issue, n -> n.put("archived", true));
    }

    /** The issue re-homed to another channel (its last alert's channel changes, nothing else). */
    static Issue inChannel(Issue issue, String channelId) {
        return with(issue, n -> ((ObjectNode) n.get("lastAlert")).put("slackChannelId", channelId));
    }
}
