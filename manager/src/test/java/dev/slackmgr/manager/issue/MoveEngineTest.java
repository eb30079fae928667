package dev.slackmgr.manager.issue;

import dev.slackmgr.common.alert.Escalation;
import dev.slackmgr.common.alert.Hashes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.slackmgr.manager.issue.Harness.p;
import static org.assertj.core.api.Assertions.assertThat;

/** manager-cases.md §6 (C-38) and §9: moving issues, move mappings as data. */
class MoveEngineTest {
    private final Harness h = new Harness();

    private IssueResult move(String from, String ts, String to, long t) {
        return h.command(new IssueCommand(IssueCommand.Action.MOVE, from, ts, "GA", "Gail", to, "chan-" + to), t);
    }

    @Test
    void c38_escalationMovesIssueAndMappingDiesWithIt() {
        h.send("X", 0, a -> {
            a.severity = "warning";
            a.header = ":status: X";
            a.escalation = List.of(new Escalation("error", 60, null, "C2"));
        });
        h.takeCalls();

        ChannelTickResult r = h.tick("C1", 61);

        assertThat(h.takeCalls()).containsExactly("delete C1 P1", "post C2 P2");
        assertThat(r.issues()).as("moved issue excluded from the source batch").isEmpty();
        MoveMapping m = h.mappings.get("C1|X");
        assertThat(m.targetChannelId()).isEqualTo("C2");
        assertThat(m.reason()).isEqualTo(MoveMapping.ESCALATION);
        assertThat(m.id()).isEqualTo(Hashes.hc("C1", "X"));
        Issue moved = h.issue("X");
        assertThat(IssueView.channelId(moved)).isEqualTo("C2");
        assertThat(moved.isMoved()).isTrue();
        assertThat(moved.moveReason()).isEqualTo("ESCALATION");
        assertThat(moved.movedByUser()).isEqualTo("N/A");
        assertThat(Posts.header(h.post(p(2)))).isEqualTo(":x: X");

        h.send("X", 100, a -> a.severity = "resolved");
        assertThat(h.takeCalls()).as("alert to C1 rerouted to C2").containsExactly("update C2 P2");
        h.tick("C2", 100 + 43201);
        assertThat(h.issues("X").get(0).archived()).isTrue();
        assertThat(h.mappings).doesNotContainKey("C1|X");
        h.send("X", 50_000, a -> { });
        assertThat(h.takeCalls()).containsExactly("post C1 P3");
    }

    @Test
    void c54_moveByUser() {
        h.send("X", 0, a -> { });
        h.takeCalls();
        IssueResult r = move("C1", p(1), "C2", 10);
        assertThat(r.saveIssue()).as("the move saves the issue via MoveIssue").isFalse();
        assertThat(h.takeCalls()).containsExactly("delete C1 P1", "post C2 P2");
        MoveMapping m = h.mappings.get("C1|X");
        assertThat(m.targetChannelId()).isEqualTo("C2");
        assertThat(m.reason()).isEqualTo(MoveMapping.USER_COMMAND);
        Issue i = h.issue("X");
        assertThat(i.isMoved()).isTrue();
        assertThat(i.movedByUser()).isEqualTo("Gail");
        assertThat(i.lastAlert().slackChannelName()).isEqualTo("chan-C2");
        var effect = (SlackEffect.MoveIssue) r.effects().get(0);
        assertThat(effect.sourceChannelId()).isEqualTo("C1");
        assertThat(effect.targetChannelId()).isEqualTo("C2");
    }

    @Test
    void c56_movingHomeRemovesMapping() {
        h.send("X", 0, a -> { });
        move("C1", p(1), "C2", 10);
        move("C2", p(2), "C1", 20);
        assertThat(h.takeCalls()).containsExactly("post C1 P1", "delete C1 P1", "post C2 P2", "delete C2 P2",
                "post C1 P3");
        assertThat(h.mappings).isEmpty();
        Issue i = h.issue("X");
        assertThat(i.isMoved()).isFalse();
        assertThat(i.moveReason()).isEmpty();
        assertThat(i.movedByUser()).isEmpty();
    }

    @Test
    void c57_userMappingOutlivesTheIssue() {
        h.send("X", 0, a -> { });
        move("C1", p(1), "C2", 10);
        h.send("X", 20, a -> a.severity = "resolved");
        assertThat(h.issue("X").lastAlert().originalSlackChannelId()).isEqualTo("C1");
        h.tick("C2", 20 + 43201);
        assertThat(h.issues("X").get(0).archived()).isTrue();
        assertThat(h.mappings).containsKey("C1|X");
        h.takeCalls();
        h.send("X", 50_000, a -> { });
        assertThat(h.takeCalls()).containsExactly("post C2 P3");
    }

    @Test
    void c59_deviation_generatedCorrelationIdFollowsMove() {
        h.send("", 0, a -> { });
        String corr = Hashes.hc("Test Alert", "", "", "text", "C1");
        move("C1", p(1), "C2", 10);
        h.takeCalls();
        IssueResult r = h.send("", 20, a -> { });
        assertThat(r.outcome()).as("reference: move_race nack forever").isEqualTo(IssueResult.Outcome.GROUPED);
        assertThat(h.takeCalls()).containsExactly("update C2 P2");
        assertThat(h.issue(corr).alertCount()).isEqualTo(2);
    }

    @Test
    void c58_alertRacingAnEscalationMoveIsMisrouted() {
        ManagedAlert queuedForC1 = AlertIntake.prepare(Harness.alert("X", 0, a -> { }), h.settings);
        MoveMapping raced = MoveMapping.of("C1", "X", "C-ESCALATED", MoveMapping.ESCALATION, Harness.at(0));
        assertThat(AlertIntake.misrouted(queuedForC1, raced)).isTrue();
        assertThat(AlertIntake.misrouted(queuedForC1, null)).isFalse();
        ManagedAlert redelivered = AlertIntake.route(queuedForC1, raced);
        assertThat(redelivered.channelId()).isEqualTo("C-ESCALATED");
        assertThat(redelivered.originalSlackChannelId()).isEqualTo("C1");
        assertThat(AlertIntake.misrouted(redelivered, raced)).isFalse();
    }

    @Test
    void moveToCurrentChannelIsNoOp() {
        h.send("X", 0, a -> { });
        h.takeCalls();
        IssueResult r = move("C1", p(1), "C1", 10);
        assertThat(r.effects()).isEmpty();
        assertThat(h.mappings).isEmpty();
    }
}
