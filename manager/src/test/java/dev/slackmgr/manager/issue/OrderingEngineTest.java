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

    /** C-60, one cycle later than the reference: B's alert must be a processing interval old (see below). */
    @Test
    void c60_newerLowerPriorityPostPushesHigherOneDown() {
        h.send("A", 0, sev("error"));
        h.send("B", 5, sev("warning"));
        h.takeCalls();
        h.tick("C1", 16);
        assertThat(h.takeCalls()).containsExactly("delete C1 P1", "post C1 P3");
        h.tick("C1", 26);
        assertThat(h.takeCalls()).isEmpty();
    }

    /**
     * Deliberate difference (docs/issue-engine.md): an issue is moved only when neither it nor the issue pushing it
     * down received an alert during the last processing interval (10 s), so severities that keep changing do not
     * delete and re-post the same posts cycle after cycle.
     */
    @Test
    void reorderingWaitsUntilBothIssuesHadNoAlertForAProcessingInterval() {
        h.send("A", 0, sev("error"));
        h.send("B", 5, sev("warning"));
        h.takeCalls();
        h.tick("C1", 6);
        h.tick("C1", 14);
        assertThat(h.takeCalls()).as("B's alert is younger than 10 s").isEmpty();
        h.send("A", 14, sev("error"));
        h.tick("C1", 15);
        assertThat(h.takeCalls()).as("A's alert is younger than 10 s").noneMatch(c -> c.startsWith("delete"));
        h.tick("C1", 24);
        assertThat(h.takeCalls()).containsExactly("delete C1 P1", "post C1 P3");
    }

    /** Deliberate difference (docs/issue-engine.md): no reordering while the channel's layout is still changing. */
    @Test
    void reorderingWaitsUntilEarlierPostsAndDeletesAreMadeInSlack() {
        h.send("A", 0, sev("error"));
        h.send("B", 5, sev("warning"));
        h.takeCalls();
        h.tick("C1", 16, false);
        assertThat(h.takeCalls()).as("layout not settled: no reorder").isEmpty();
        h.tick("C1", 26, true);
        assertThat(h.takeCalls()).containsExactly("delete C1 P1", "post C1 P3");
    }

    @Test
    void c61_reorderKeepsThreadViaTombstone() {
        h.send("A", 0, sev("error"));
        h.send("B", 5, sev("warning"));
        h.threaded.add(p(1));
        h.takeCalls();
        h.tick("C1", 16);
        assertThat(h.takeCalls()).containsExactly("tombstone C1 P1", "post C1 P3");
    }

    @Test
    void c62_equalPriorityNeverReorders() {
        h.send("A", 0, sev("error"));
        h.send("B", 5, sev("error"));
        h.takeCalls();
        h.tick("C1", 16);
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
        disabled.tick("CDISABLED", 16);
        assertThat(disabled.takeCalls()).isEmpty();
    }

    /**
     * C-65 (a), deliberate difference (docs/issue-engine.md): a muted issue no longer pushes open issues down. The
     * reference re-posts A below the muted B.
     */
    @Test
    void c65a_mutedIssueDoesNotPushOpenIssuesDown() {
        h.send("A", 0, sev("warning"));
        h.send("B", 5, sev("panic"));
        h.command(IssueCommand.Action.MUTE, "C1", p(2), "Adam", 6);
        h.takeCalls();
        h.tick("C1", 17);
        assertThat(h.takeCalls()).isEmpty();
        assertThat(h.issue("A").slackPostId()).isEqualTo(p(1));
    }

    /**
     * C-65 (b), deliberate difference: an info message posted below an open issue leaves it where it is (the
     * reference re-posts A below M); open issues still order among themselves across it, and M never moves.
     */
    @Test
    void c65b_infoMessageDoesNotPushOpenIssuesDownAndNeverMoves() {
        h.send("A", 0, sev("error"));
        h.send("M", 5, a -> {
            a.severity = "info";
            a.issueFollowUpEnabled = false;
        });
        h.takeCalls();
        h.tick("C1", 16);
        assertThat(h.takeCalls()).isEmpty();
        h.tick("C1", 40);
        assertThat(h.issues("M").get(0).archived()).isTrue();
        h.send("A2", 41, sev("warning"));
        h.tick("C1", 51);
        assertThat(h.takeCalls()).as("A moves below the new warning only").containsExactly("post C1 P3",
                "delete C1 P1", "post C1 P4");
    }

    /** Deliberate difference: resolving the newest issue does not make the open issues above it re-post. */
    @Test
    void resolvedIssueDoesNotPushOpenIssuesDown() {
        h.send("A", 0, sev("panic"));
        h.send("B", 5, sev("error"));
        h.send("W", 6, sev("warning"));
        h.takeCalls();
        h.tick("C1", 17);
        assertThat(h.takeCalls()).as("warning W is newest: A and B move below it")
                .containsExactly("delete C1 P2", "delete C1 P1", "post C1 P4", "post C1 P5");
        h.send("W", 18, sev("resolved"));
        h.takeCalls();
        h.tick("C1", 30);
        assertThat(h.takeCalls()).as("W resolved: nothing re-posts").noneMatch(c -> c.startsWith("delete"))
                .noneMatch(c -> c.startsWith("post"));
        assertThat(h.issue("B").slackPostId()).isEqualTo(p(4));
        assertThat(h.issue("A").slackPostId()).isEqualTo(p(5));
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
