package dev.slackmgr.manager.issue;

import dev.slackmgr.common.alert.Alert;
import dev.slackmgr.common.alert.Webhook;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Defaults applied after dequeue (issue-lifecycle.md §2.1, alert-schema.md §6.4). */
class AlertIntakeTest {
    @Test
    void defaultsFillOnlyEmptyValues() {
        Alert.Builder b = Alert.builder();
        b.header = "h";
        b.text = "t";
        b.slackChannelId = "C1";
        b.webhooks = List.of(new Webhook("w", "https://x", "", "Go", "", "", "", null, null, null, false),
                new Webhook("v", "https://x", "", "Go", "", "channel_members", "", null, null, null, false));
        ManagedAlert a = AlertIntake.prepare(b.build(), ManagerSettings.defaults());

        assertThat(a.alert().severity()).isEqualTo("error");
        assertThat(a.alert().username()).isEqualTo("Slack Manager");
        assertThat(a.alert().iconEmoji()).isEqualTo(":female-detective:");
        assertThat(a.alert().archivingDelaySeconds()).isEqualTo(43200);
        assertThat(a.alert().webhooks()).extracting(Webhook::accessLevel)
                .containsExactly("global_admins", "channel_members");
        assertThat(a.originalSlackChannelId()).isEqualTo("C1");
        assertThat(a.originalText()).isEqualTo("t");
        assertThat(a.alert().correlationId()).isEqualTo(dev.slackmgr.common.alert.Hashes.hc("h", "", "", "t", "C1"));

        b.severity = "warning";
        b.username = "me";
        b.archivingDelaySeconds = 5;
        b.correlationId = "given";
        ManagedAlert kept = AlertIntake.prepare(b.build(), ManagerSettings.defaults());
        assertThat(kept.alert().severity()).isEqualTo("warning");
        assertThat(kept.alert().username()).isEqualTo("me");
        assertThat(kept.alert().archivingDelaySeconds()).as("positive value kept below the minimum").isEqualTo(5);
        assertThat(kept.alert().correlationId()).isEqualTo("given");
    }

    @Test
    void escalationMoveThatCannotBeMadeLeavesUnmovedState() {
        Harness h = new Harness();
        h.send("X", 0, a -> {
            a.severity = "warning";
            a.escalation = List.of(new dev.slackmgr.common.alert.Escalation("error", 60, null, "C2"));
        });
        ChannelTickResult r = new ChannelEngine(h.settings, java.time.ZoneOffset.UTC)
                .tick("C1", "c1", List.copyOf(h.db.values()), java.util.Map.of("C2", "c2"), Harness.at(61));
        SlackEffect.MoveIssue move = (SlackEffect.MoveIssue) r.effects().get(0);
        assertThat(IssueView.channelId(move.unmoved())).isEqualTo("C1");
        assertThat(move.unmoved().isEscalated()).isTrue();
        assertThat(move.moved().lastAlert().slackChannelName()).isEqualTo("c2");
        assertThat(move.newPost().content().channelId()).isEqualTo("C2");
    }
}
