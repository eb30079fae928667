package dev.slackmgr.manager.issue;

import dev.slackmgr.common.alert.Escalation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.slackmgr.manager.issue.Harness.p;
import static org.assertj.core.api.Assertions.assertThat;

/** manager-cases.md §6: escalation. */
class EscalationEngineTest {
    private final Harness h = new Harness();

    private void warningWith(long t, Escalation... rules) {
        h.send("X", t, a -> {
            a.severity = "warning";
            a.header = ":status: disk";
            a.text = "disk";
            a.escalation = List.of(rules);
        });
    }

    @Test
    void c32_escalationLadderWithMentions() {
        warningWith(0, new Escalation("error", 60, List.of("<@U1>"), ""),
                new Escalation("panic", 180, List.of("<!here>"), ""));
        assertThat(Posts.header(h.post(p(1)))).isEqualTo(":warning: disk");
        h.takeCalls();

        h.tick("C1", 61);
        assertThat(h.takeCalls()).containsExactly("delete C1 P1", "post C1 P2");
        assertThat(Posts.header(h.post(p(2)))).isEqualTo(":x: disk");
        assertThat(Posts.text(h.post(p(2)))).isEqualTo("disk\n*Att:* <@U1>");
        assertThat(h.issue("X").isEscalated()).isTrue();

        for (int t = 71; t <= 171; t += 10) {
            h.tick("C1", t);
        }
        assertThat(h.takeCalls()).isEmpty();
        assertThat(h.issue("X").lastAlert().alert().text()).isEqualTo("disk\n*Att:* *U1*");

        h.tick("C1", 181);
        assertThat(h.takeCalls()).containsExactly("delete C1 P2", "post C1 P3");
        assertThat(Posts.header(h.post(p(3)))).isEqualTo(":scream: disk");
        assertThat(Posts.text(h.post(p(3)))).isEqualTo("disk\n*Att:* <!here>");
    }

    @Test
    void c33_escalationWithoutMentionsUpdatesInPlace() {
        warningWith(0, new Escalation("error", 60, null, ""));
        h.takeCalls();
        h.tick("C1", 61);
        assertThat(h.takeCalls()).containsExactly("update C1 P1");
        assertThat(Posts.header(h.post(p(1)))).isEqualTo(":x: disk");
    }

    @Test
    void c34_samePriorityEscalationDoesNotWrite() {
        warningWith(0, new Escalation("warning", 60, List.of("<@U1>"), ""));
        h.takeCalls();
        h.tick("C1", 61);
        assertThat(h.takeCalls()).isEmpty();
        assertThat(h.issue("X").lastAlert().alert().text()).isEqualTo("disk\n*Att:* <@U1>");

        h.send("X", 70, a -> {
            a.severity = "warning";
            a.text = "disk 2";
            a.escalation = List.of(new Escalation("warning", 60, List.of("<@U1>"), ""));
        });
        assertThat(h.issue("X").lastAlert().alert().text()).isEqualTo("disk 2");
        h.takeCalls();
        h.tick("C1", 71);
        assertThat(h.takeCalls()).isEmpty();
        assertThat(h.issue("X").lastAlert().alert().text()).startsWith("disk 2\n*Att:* ");
    }

    @Test
    void c35_escalatedSeverityIsFloorForNewAlerts() {
        warningWith(0, new Escalation("panic", 60, null, ""));
        h.tick("C1", 61);
        h.takeCalls();
        h.send("X", 70, a -> {
            a.severity = "warning";
            a.header = ":status: disk";
        });
        assertThat(h.issue("X").lastAlert().alert().severity()).isEqualTo("panic");
        assertThat(h.takeCalls()).containsExactly("update C1 P1");
        assertThat(Posts.header(h.post(p(1)))).isEqualTo(":scream: disk");

        h.send("X", 80, a -> a.severity = "resolved");
        assertThat(h.issue("X").lastAlert().alert().severity()).isEqualTo("resolved");
    }

    @Test
    void c36_resolvedArchivedOrRuleLessIssuesNeverEscalate() {
        warningWith(0, new Escalation("error", 0, null, ""));
        h.send("X", 10, a -> {
            a.severity = "resolved";
            a.escalation = List.of(new Escalation("error", 0, null, ""));
        });
        Issue resolved = h.issue("X");
        assertThat(Escalations.apply(resolved.toBuilder(), Harness.at(20))).isNull();
        h.tick("C1", 20);
        assertThat(h.issue("X").isEscalated()).isFalse();

        Issue.Builder archived = resolved.toBuilder();
        archived.archived = true;
        Issue.Builder b = archived.build().toBuilder();
        Escalations.apply(b, Harness.at(20));
        assertThat(b.isEscalated).isFalse();

        h.send("N", 0, a -> { });
        h.tick("C1", 1000);
        assertThat(h.issue("N").isEscalated()).isFalse();
    }

    @Test
    void c37_deviation_mutedIssueDoesNotEscalate() {
        warningWith(0, new Escalation("error", 60, List.of("<@U1>"), ""));
        h.command(IssueCommand.Action.MUTE, "C1", p(1), "Adam", 30);
        assertThat(h.takeCalls()).containsExactly("post C1 P1", "update C1 P1");
        assertThat(Posts.header(h.post(p(1)))).isEqualTo(":no_bell: disk");

        h.tick("C1", 61);
        assertThat(h.takeCalls()).as("reference would delete and re-post with a live mention").isEmpty();
        assertThat(h.issue("X").isEscalated()).isFalse();
        assertThat(h.issue("X").lastAlert().alert().severity()).isEqualTo("warning");

        h.command(IssueCommand.Action.UNMUTE, "C1", p(1), "Adam", 70);
        h.tick("C1", 71);
        assertThat(h.takeCalls()).containsExactly("update C1 P1", "delete C1 P1", "post C1 P2");
    }

    @Test
    void c39_escalationRepostKeepsThreadViaTombstone() {
        warningWith(0, new Escalation("error", 60, List.of("<@U1>"), ""));
        h.threaded.add(p(1));
        h.takeCalls();
        h.tick("C1", 61);
        assertThat(h.takeCalls()).containsExactly("tombstone C1 P1", "post C1 P2");
        assertThat(Posts.header(h.post(p(1)))).isEqualTo(":no_bell: disk");
        assertThat(Posts.text(h.post(p(1)))).isEqualTo("~disk~\n~Att: <@U1>~");
        assertThat(Posts.buttons(h.post(p(1)), "issue_options")).isEmpty();
    }

    @Test
    void c40_escalationClockStartsAtCreation() {
        warningWith(0, new Escalation("error", 600, null, ""));
        h.send("X", 100, a -> a.severity = "resolved");
        h.send("X", 1000, a -> {
            a.severity = "warning";
            a.escalation = List.of(new Escalation("error", 600, null, ""));
        });
        h.takeCalls();
        h.tick("C1", 1001);
        assertThat(h.issue("X").lastAlert().alert().severity()).isEqualTo("error");
        assertThat(h.takeCalls()).containsExactly("update C1 P1");
    }

    @Test
    void c41_deviation_escalationNeverLowersSeverity() {
        warningWith(0, new Escalation("error", 60, null, ""));
        h.tick("C1", 61);
        h.send("X", 70, a -> {
            a.severity = "panic";
            a.escalation = List.of(new Escalation("error", 60, null, ""));
        });
        h.tick("C1", 71);
        assertThat(h.issue("X").lastAlert().alert().severity()).as("reference resets it to error").isEqualTo("panic");
    }
}
