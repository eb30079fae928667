package dev.slackmgr.manager.issue;

import org.junit.jupiter.api.Test;

import static dev.slackmgr.manager.issue.Harness.p;
import static org.assertj.core.api.Assertions.assertThat;

/** manager-cases.md §4–5: info, fire-and-forget and notification delay. */
class InfoAndDelayEngineTest {
    private final Harness h = new Harness();

    @Test
    void c25_infoWithFollowUpBecomesFireAndForget() {
        h.send("X", 0, a -> info(a));
        assertThat(h.takeCalls()).as("delay zeroed").containsExactly("post C1 P1");
        assertThat(Posts.header(h.post(p(1)))).isEqualTo(":information_source: I");
        assertThat(Posts.contexts(h.post(p(1)))).noneMatch(c -> c.startsWith("First:"));
        assertThat(h.issue("X").lastAlert().alert().issueFollowUpEnabled()).isFalse();

        IssueResult r = h.send("X", 10, a -> info(a));
        assertThat(r.outcome()).isEqualTo(IssueResult.Outcome.IGNORED);
        assertThat(h.takeCalls()).isEmpty();

        h.tick("C1", 31);
        assertThat(h.issues("X").get(0).archived()).isTrue();
        h.send("X", 60, a -> info(a));
        assertThat(h.takeCalls()).containsExactly("post C1 P2");
        assertThat(h.issues("X")).hasSize(2);
    }

    private static void info(dev.slackmgr.common.alert.Alert.Builder a) {
        a.severity = "info";
        a.header = ":status: I";
        a.autoResolveSeconds = 300;
        a.notificationDelaySeconds = 60;
    }

    @Test
    void c26_fireAndForgetIgnoresStateCommands() {
        h.send("X", 0, a -> a.issueFollowUpEnabled = false);
        h.takeCalls();
        Issue before = h.issue("X");

        IssueResult r = h.command(IssueCommand.Action.RESOLVE, "C1", p(1), "Adam", 10);

        assertThat(r.saveIssue()).isTrue();
        assertThat(r.effects()).isEmpty();
        assertThat(h.issue("X")).isEqualTo(before);
        h.tick("C1", 31);
        assertThat(h.issues("X").get(0).archived()).isTrue();
    }

    @Test
    void c27_resolvedWithoutFollowUpIsPostedOnce() {
        h.send("Y", 0, a -> {
            a.severity = "resolved";
            a.issueFollowUpEnabled = false;
            a.header = ":status: done";
        });
        assertThat(h.takeCalls()).containsExactly("post C1 P1");
        assertThat(Posts.header(h.post(p(1)))).isEqualTo(":white_check_mark: done");
        h.tick("C1", 31);
        assertThat(h.issues("Y").get(0).archived()).isTrue();
        assertThat(h.takeCalls()).isEmpty();
    }

    @Test
    void c28_resolvedBeforeDelayIsNeverPosted() {
        h.send("X", 0, a -> a.notificationDelaySeconds = 60);
        h.send("X", 20, a -> a.severity = "resolved");
        h.tick("C1", 10);
        h.tick("C1", 61);
        h.tick("C1", 20 + 43200);
        assertThat(h.issue("X").archived()).isFalse();
        h.tick("C1", 21 + 43200);
        assertThat(h.issues("X").get(0).archived()).isTrue();
        assertThat(h.takeCalls()).isEmpty();
    }

    @Test
    void c29_delayElapsesThenCyclePosts() {
        h.send("X", 0, a -> a.notificationDelaySeconds = 60);
        assertThat(h.takeCalls()).isEmpty();
        h.tick("C1", 59);
        assertThat(h.takeCalls()).isEmpty();
        h.tick("C1", 61);
        assertThat(h.takeCalls()).containsExactly("post C1 P1");
    }

    @Test
    void c30_delayMeasuredFromCreation() {
        h.send("X", 0, a -> a.notificationDelaySeconds = 60);
        h.send("X", 50, a -> a.notificationDelaySeconds = 60);
        h.tick("C1", 61);
        assertThat(h.takeCalls()).containsExactly("post C1 P1");
        assertThat(Posts.contexts(h.post(p(1)))).anyMatch(c -> c.endsWith("#2"));
    }

    @Test
    void c31_reopeningSilentlyResolvedDelayedIssuePostsImmediately() {
        h.send("X", 0, a -> a.notificationDelaySeconds = 60);
        h.send("X", 20, a -> a.severity = "resolved");
        h.tick("C1", 90);
        h.send("X", 100, a -> { });
        assertThat(h.takeCalls()).containsExactly("post C1 P1");
    }
}
