package dev.slackmgr.manager.issue;

import dev.slackmgr.common.alert.Alert;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;

import static dev.slackmgr.manager.issue.Harness.p;
import static org.assertj.core.api.Assertions.assertThat;

/** manager-cases.md §10: reordering by severity. */
class OrderingEngineTest {
    private Harness h = new Harness();

    private static Consumer<Alert.Builder> sev(String s) {
        return a -> a.severity = s;
    }

    @Test
    void c60_newerLowerPriorityPostPushesHigherOneDown() {
        h.send("A", 0, sev("error"));
        h.send("B", 5, sev("warning"));
        h.takeCalls();
        h.tick("C1", 6);
        assertThat(h.takeCalls()).containsExactly("delete C1 P1", "post C1 P3");
        h.tick("C1", 16);
        assertThat(h.takeCalls()).isEmpty();
    }

    /** Deliberate difference (docs/issue-engine.md): no reordering while the channel's layout is still changing. */
    @Test
    void reorderingWaitsUntilEarlierPostsAndDeletesAreMadeInSlack() {
        h.send("A", 0, sev("error"));
        h.send("B", 5, sev("warning"));
        h.takeCalls();
        h.tick("C1", 6, false);
        assertThat(h.takeCalls()).as("layout not settled: no reorder").isEmpty();
        h.tick("C1", 16, true);
        assertThat(h.takeCalls()).containsExactly("delete C1 P1", "post C1 P3");
    }

    @Test
    void c61_reorderKeepsThreadViaTombstone() {
        h.send("A", 0, sev("error"));
        h.send("B", 5, sev("warning"));
        h.threaded.add(p(1));
        h.takeCalls();
        h.tick("C1", 6);
        assertThat(h.takeCalls()).containsExactly("tombstone C1 P1", "post C1 P3");
    }

    @Test
    void c62_equalPriorityNeverReorders() {
        h.send("A", 0, sev("error"));
        h.send("B", 5, sev("error"));
        h.takeCalls();
        h.tick("C1", 6);
        assertThat(h.takeCalls()).isEmpty();
    }

    @Test
    void c63_reorderThresholdIsInclusive() {
        assertThat(reorderWithOthers(28, 0)).as("30 open").containsExactly("delete C1 P1", "post C1 P31");
        assertThat(reorderWithOthers(29, 0)).as("31 open").isEmpty();
        assertThat(reorderWithOthers(28, 1)).as("31 issues, one resolved: 30 open")
                .containsExactly("delete C1 P2", "post C1 P32");
    }

    private List<String> reorderWithOthers(int errors, int resolved) {
        h = new Harness();
        for (int i = 0; i < resolved; i++) {
            h.send("R" + i, 0, a -> a.autoResolveSeconds = 30);
        }
        h.send("A", 0, sev("error"));
        h.send("B", 5, sev("warning"));
        for (int i = 0; i < errors; i++) {
            h.send("E" + i, 6, sev("error"));
        }
        h.takeCalls();
        h.tick("C1", 40);
        List<String> calls = h.takeCalls();
        return calls.stream().filter(c -> !c.startsWith("update")).toList();
    }

    @Test
    void c64_perChannelReorderSettings() {
        ManagerSettings s = ManagerSettings.defaults().withIssueReorderingLimit(20).withAlertChannels(List.of(
                new ManagerSettings.AlertChannel("CDISABLED", null, null, true, 0, 0),
                new ManagerSettings.AlertChannel("CCUSTOM", null, null, false, 10, 0)));
        assertThat(s.orderIssuesBySeverity("CDISABLED", 5)).isFalse();
        assertThat(s.orderIssuesBySeverity("CCUSTOM", 5)).isTrue();
        assertThat(s.orderIssuesBySeverity("CCUSTOM", 10)).isTrue();
        assertThat(s.orderIssuesBySeverity("CCUSTOM", 11)).isFalse();
        assertThat(s.orderIssuesBySeverity("CUNKNOWN", 15)).isTrue();
        assertThat(s.orderIssuesBySeverity("CUNKNOWN", 20)).isTrue();
        assertThat(s.orderIssuesBySeverity("CUNKNOWN", 21)).isFalse();

        Harness disabled = new Harness(s);
        disabled.send("A", 0, a -> a.slackChannelId = "CDISABLED");
        disabled.send("B", 5, a -> {
            a.slackChannelId = "CDISABLED";
            a.severity = "warning";
        });
        disabled.takeCalls();
        disabled.tick("CDISABLED", 6);
        assertThat(disabled.takeCalls()).isEmpty();
    }

    @Test
    void c65a_mutedIssueCountsAsLowestPriority() {
        h.send("A", 0, sev("warning"));
        h.send("B", 5, sev("panic"));
        h.command(IssueCommand.Action.MUTE, "C1", p(2), "Adam", 6);
        h.takeCalls();
        h.tick("C1", 7);
        assertThat(h.takeCalls()).containsExactly("delete C1 P1", "post C1 P3");
    }

    @Test
    void c65b_infoMessagePushesHigherIssueDownButNeverMoves() {
        h.send("A", 0, sev("error"));
        h.send("M", 5, a -> {
            a.severity = "info";
            a.issueFollowUpEnabled = false;
        });
        h.takeCalls();
        h.tick("C1", 6);
        assertThat(h.takeCalls()).containsExactly("delete C1 P1", "post C1 P3");
        h.tick("C1", 40);
        assertThat(h.issues("M").get(0).archived()).isTrue();
        h.send("A2", 41, sev("warning"));
        h.tick("C1", 50);
        assertThat(h.takeCalls()).as("A moves below the new warning only").containsExactly("post C1 P4",
                "delete C1 P3", "post C1 P5");
    }

    @Test
    void c66_postsWrittenInSameCycleAreCreatedLowestPriorityFirst() {
        h.send("X", 1, a -> {
            a.severity = "warning";
            a.notificationDelaySeconds = 60;
        });
        h.send("Y", 2, a -> a.notificationDelaySeconds = 60);
        h.send("Z", 3, a -> {
            a.severity = "warning";
            a.notificationDelaySeconds = 60;
        });
        h.tick("C1", 70);
        assertThat(h.takeCalls()).containsExactly("post C1 P1", "post C1 P2", "post C1 P3");
        assertThat(h.issue("X").slackPostId()).isEqualTo(p(1));
        assertThat(h.issue("Z").slackPostId()).isEqualTo(p(2));
        assertThat(h.issue("Y").slackPostId()).isEqualTo(p(3));
    }
}
