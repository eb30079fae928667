package dev.slackmgr.manager.issue;

import org.junit.jupiter.api.Test;

import static dev.slackmgr.manager.issue.Harness.at;
import static dev.slackmgr.manager.issue.Harness.p;
import static org.assertj.core.api.Assertions.assertThat;

/** manager-cases.md §3: resolution, reopen, archiving. */
class ResolutionEngineTest {
    private final Harness h = new Harness();

    @Test
    void c16_resolvedAlertResolvesThenArchives() {
        h.send("X", 0, a -> a.header = ":status: X");
        h.send("X", 100, a -> {
            a.header = ":status: X";
            a.severity = "resolved";
            a.archivingDelaySeconds = 600;
        });
        assertThat(h.takeCalls()).containsExactly("post C1 P1", "update C1 P1");
        assertThat(Posts.header(h.post(p(1)))).isEqualTo(":white_check_mark: X");
        Issue i = h.issue("X");
        assertThat(i.resolveTime()).isEqualTo(at(100));
        assertThat(i.archiveTime()).isEqualTo(at(700));

        h.tick("C1", 700);
        assertThat(h.issue("X").archived()).isFalse();
        ChannelTickResult r = h.tick("C1", 701);
        assertThat(r.archived()).containsExactly(i.id());
        assertThat(h.db.get(i.id()).archived()).isTrue();
        assertThat(h.takeCalls()).isEmpty();
    }

    @Test
    void c17a_resolvedAlertWithNothingToResolveCreatesNothing() {
        IssueResult r = h.send("Y", 0, a -> a.severity = "resolved");
        assertThat(r.outcome()).isEqualTo(IssueResult.Outcome.NOTHING_TO_RESOLVE);
        assertThat(r.issue()).isNull();
        assertThat(r.store()).singleElement().isInstanceOf(StoreOp.SaveAlert.class);
        assertThat(h.db).isEmpty();
        assertThat(h.takeCalls()).isEmpty();
    }

    @Test
    void c17b_resolvedOnResolvedIsRejected() {
        h.send("X", 0, a -> { });
        h.send("X", 10, a -> a.severity = "resolved");
        h.takeCalls();
        IssueResult r = h.send("X", 20, a -> a.severity = "resolved");
        assertThat(r.outcome()).isEqualTo(IssueResult.Outcome.IGNORED);
        assertThat(r.saveIssue()).isFalse();
        assertThat(h.takeCalls()).isEmpty();
    }

    @Test
    void c18_reopenInsideArchiveWindowUpdatesSamePost() {
        h.send("X", 0, a -> a.archivingDelaySeconds = 600);
        h.send("X", 30, a -> {
            a.severity = "resolved";
            a.archivingDelaySeconds = 600;
        });
        h.send("X", 60, a -> {
            a.archivingDelaySeconds = 600;
            a.header = ":status: again";
        });

        assertThat(h.takeCalls()).containsExactly("post C1 P1", "update C1 P1", "update C1 P1");
        assertThat(Posts.header(h.post(p(1)))).isEqualTo(":x: again");
        Issue i = h.issue("X");
        assertThat(i.slackPostLastAction()).isEqualTo(PostAction.ALERT);
        assertThat(i.resolveTime()).isEqualTo(at(60 + 3600));
        assertThat(i.archiveTime()).isEqualTo(at(60 + 3600 + 600));
        assertThat(i.alertCount()).isEqualTo(3);
    }

    @Test
    void c18_reopenClearsManualResolve() {
        h.send("X", 0, a -> { });
        h.command(IssueCommand.Action.RESOLVE, "C1", p(1), "Adam", 10);
        assertThat(h.issue("X").slackPostEmojiResolved()).isTrue();
        h.send("X", 20, a -> { });
        assertThat(h.issue("X").slackPostEmojiResolved()).isFalse();
        assertThat(h.issue("X").resolvedByUser()).isEmpty();
    }

    @Test
    void c19_afterArchivingSameCorrelationIdStartsNewIssue() {
        h.send("X", 0, a -> a.header = ":status: X");
        h.send("X", 30, a -> {
            a.header = ":status: X";
            a.severity = "resolved";
            a.archivingDelaySeconds = 60;
        });
        h.tick("C1", 91);
        String firstId = h.issues("X").get(0).id();
        h.takeCalls();

        h.send("X", 200, a -> { });

        assertThat(h.takeCalls()).containsExactly("post C1 P2");
        assertThat(h.issue("X").id()).isNotEqualTo(firstId);
        assertThat(Posts.header(h.post(p(1)))).isEqualTo(":white_check_mark: X");
    }

    @Test
    void c20_autoResolveAtFirstCycleAfterResolveTimeThenArchive() {
        h.send("X", 0, a -> {
            a.autoResolveSeconds = 120;
            a.header = ":status: X";
        });
        h.takeCalls();
        h.tick("C1", 119);
        assertThat(h.takeCalls()).isEmpty();
        h.tick("C1", 121);
        assertThat(h.takeCalls()).containsExactly("update C1 P1");
        assertThat(Posts.header(h.post(p(1)))).isEqualTo(":white_check_mark: X");
        h.tick("C1", 131);
        assertThat(h.takeCalls()).isEmpty();

        h.tick("C1", 120 + 43200);
        assertThat(h.issue("X").archived()).isFalse();
        h.tick("C1", 121 + 43200);
        assertThat(h.issues("X").get(0).archived()).isTrue();
    }

    @Test
    void c21_inconclusiveOnlyWhenResolvedByTimeout() {
        h.send("A", 0, a -> inconclusive(a));
        h.send("B", 0, a -> inconclusive(a));
        h.send("C", 0, a -> inconclusive(a));
        h.send("D", 0, a -> inconclusive(a));
        h.send("B", 10, a -> {
            inconclusive(a);
            a.severity = "resolved";
        });
        h.command(IssueCommand.Action.RESOLVE, "C1", p(3), "Adam", 10);
        h.send("D", 10, a -> {
            inconclusive(a);
            a.severity = "info";
        });
        h.tick("C1", 200);

        assertThat(Posts.header(h.post(p(1)))).as("timeout").isEqualTo(":grey_question: S");
        assertThat(Posts.header(h.post(p(2)))).as("resolved alert").isEqualTo(":white_check_mark: S");
        assertThat(Posts.header(h.post(p(3)))).as("admin").isEqualTo(":white_check_mark: S");
        assertThat(Posts.contexts(h.post(p(3)))).anyMatch(c -> c.startsWith(":raising_hand:") && c.contains("*Adam*"));
        assertThat(Posts.header(h.post(p(4)))).as("info").isEqualTo(":white_check_mark: S");
    }

    private static void inconclusive(dev.slackmgr.common.alert.Alert.Builder a) {
        a.autoResolveAsInconclusive = true;
        a.autoResolveSeconds = 120;
        a.header = ":status: S";
    }

    @Test
    void c22_whenResolvedHeaderAndText() {
        h.send("X", 0, a -> {
            a.header = ":status: DB down";
            a.headerWhenResolved = ":status: DB up";
            a.text = "failing";
            a.textWhenResolved = "recovered";
            a.autoResolveSeconds = 60;
        });
        assertThat(Posts.header(h.post(p(1)))).isEqualTo(":x: DB down");
        assertThat(Posts.text(h.post(p(1)))).isEqualTo("failing");
        h.tick("C1", 61);
        assertThat(Posts.header(h.post(p(1)))).isEqualTo(":white_check_mark: DB up");
        assertThat(Posts.text(h.post(p(1)))).isEqualTo("recovered");
    }

    @Test
    void c23_infoAlertOnFollowUpIssueResolvesIt() {
        h.send("X", 0, a -> a.header = ":status: X");
        h.send("X", 10, a -> {
            a.header = ":status: X";
            a.severity = "info";
            a.archivingDelaySeconds = 60;
        });
        assertThat(h.takeCalls()).containsExactly("post C1 P1", "update C1 P1");
        assertThat(h.issue("X").slackPostLastAction()).isEqualTo(PostAction.RESOLVE);
        assertThat(Posts.header(h.post(p(1)))).isEqualTo(":white_check_mark: X");
        h.tick("C1", 71);
        assertThat(h.issues("X").get(0).archived()).isTrue();
    }

    @Test
    void c23_infoAlertWithoutFollowUpTurnsIssueFireAndForget() {
        h.send("X", 0, a -> a.header = ":status: X");
        h.send("X", 10, a -> {
            a.header = ":status: X";
            a.severity = "info";
            a.issueFollowUpEnabled = false;
        });
        assertThat(h.takeCalls()).containsExactly("post C1 P1", "update C1 P1");
        assertThat(Posts.header(h.post(p(1)))).isEqualTo(":information_source: X");
        assertThat(Posts.contexts(h.post(p(1)))).noneMatch(c -> c.startsWith("First:"));
        h.tick("C1", 40);
        assertThat(h.issue("X").archived()).isFalse();
        h.tick("C1", 41);
        assertThat(h.issues("X").get(0).archived()).isTrue();
    }

    @Test
    void c24_archivingWaitsUntilPostShowsResolution() {
        h.send("X", 0, a -> {
            a.autoResolveSeconds = 60;
            a.archivingDelaySeconds = 60;
        });
        Issue open = h.issue("X");
        assertThat(open.archiveTime()).isEqualTo(at(120));
        assertThat(Archiving.isReady(open, at(500))).as("last write ALERT").isFalse();

        Issue.Builder resolvedPost = open.toBuilder();
        resolvedPost.slackPostLastAction = PostAction.RESOLVE;
        assertThat(Archiving.isReady(resolvedPost.build(), at(500))).isTrue();

        Issue.Builder terminated = open.toBuilder();
        terminated.slackPostEmojiTerminated = true;
        assertThat(Archiving.isReady(terminated.build(), at(500))).isTrue();
    }
}
