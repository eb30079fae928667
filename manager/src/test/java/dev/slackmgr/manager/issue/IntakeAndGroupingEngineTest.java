package dev.slackmgr.manager.issue;

import dev.slackmgr.common.alert.Hashes;
import org.junit.jupiter.api.Test;

import static dev.slackmgr.manager.issue.Harness.at;
import static dev.slackmgr.manager.issue.Harness.p;
import static org.assertj.core.api.Assertions.assertThat;

/** manager-cases.md §1–2: intake, grouping and storms. */
class IntakeAndGroupingEngineTest {
    private final Harness h = new Harness();

    @Test
    void c01_newAlertCreatesIssueAndPost() {
        IssueResult r = h.send("corr-123", 0, a -> a.header = ":status: Test Alert");

        assertThat(r.outcome()).isEqualTo(IssueResult.Outcome.CREATED);
        assertThat(h.takeCalls()).containsExactly("post C1 P1");
        assertThat(Posts.header(h.post(p(1)))).isEqualTo(":x: Test Alert");
        assertThat(Posts.contexts(h.post(p(1)))).contains("First: 01-01 00:00:00 | Last: 01-01 00:00:00 | #1");
        Issue i = h.issue("corr-123");
        assertThat(i.alertCount()).isEqualTo(1);
        assertThat(i.slackPostNeedsUpdate()).isFalse();
        assertThat(i.slackPostLastAction()).isEqualTo(PostAction.ALERT);
        assertThat(i.slackPostId()).isEqualTo(p(1));
        assertThat(r.saveIssue()).isTrue();
        assertThat(r.store()).singleElement().isInstanceOf(StoreOp.SaveAlert.class);
    }

    @Test
    void c01_postCarriesIssueIdMetadataAndDefaults() {
        h.send("corr-123", 0, a -> { });
        Issue i = h.issue("corr-123");
        var post = h.post(p(1));
        assertThat(post.metadata().eventType()).isEqualTo("slackmgr_issue");
        assertThat(post.metadata().eventPayload()).containsEntry("issueId", i.id());
        assertThat(post.username()).isEqualTo("Slack Manager");
        assertThat(post.iconEmoji()).isEqualTo(":female-detective:");
        assertThat(i.archiveDelay()).isEqualTo(43_200_000_000_000L);
        assertThat(i.id()).isEqualTo(Hashes.hc("corr-123", "C1", "2024-01-01T00:00:00Z"));
    }

    @Test
    void c07_redeliveredAlertIsRejectedAsNotNewer() {
        h.send("X", 100, a -> { });
        h.takeCalls();

        IssueResult again = h.send("X", 100, a -> { });

        assertThat(again.outcome()).isEqualTo(IssueResult.Outcome.IGNORED);
        assertThat(again.saveIssue()).isFalse();
        assertThat(again.store()).singleElement().isInstanceOf(StoreOp.SaveAlert.class);
        assertThat(h.takeCalls()).isEmpty();
        assertThat(h.issues("X")).hasSize(1);
    }

    @Test
    void c08_ignorePatterns_deviation_alsoCheckedByManager() {
        h.send("X", 0, a -> { });
        h.takeCalls();

        IssueResult dropped = h.send("X", 10, a -> {
            a.ignoreIfTextContains = java.util.List.of("ERROR");
            a.text = "This has an error in it";
        });
        assertThat(dropped.outcome()).as("reference updates X when injected into the queue")
                .isEqualTo(IssueResult.Outcome.DROPPED_BY_IGNORE_PATTERN);
        assertThat(dropped.store()).isEmpty();
        assertThat(h.takeCalls()).isEmpty();
        assertThat(h.issue("X").alertCount()).isEqualTo(1);

        h.send("X", 20, a -> {
            a.ignoreIfTextContains = java.util.Arrays.asList("", "  ", "specific-term", null);
            a.text = "This has an error in it";
        });
        h.send("X", 30, a -> {
            a.ignoreIfTextContains = java.util.List.of("error");
            a.text = "";
            a.header = "only header";
        });
        assertThat(h.issue("X").alertCount()).isEqualTo(3);
    }

    @Test
    void c10_stormInQuietChannelGivesOnePostAndUpdates() {
        for (int t = 1; t <= 50; t++) {
            h.send("X", t, a -> { });
        }
        var calls = h.takeCalls();
        assertThat(calls).hasSize(50).first().isEqualTo("post C1 P1");
        assertThat(calls.subList(1, 50)).containsOnly("update C1 P1");
        assertThat(h.issue("X").alertCount()).isEqualTo(50);
        assertThat(Posts.contexts(h.post(p(1)))).anyMatch(c -> c.endsWith("#50"));
    }

    @Test
    void c11_stormInBusyChannelIsThrottledThenWrittenByCycle() {
        for (int t = 0; t <= 8; t++) {
            h.send("X", t, a -> { });
        }
        for (String other : new String[]{"A", "B", "C", "D"}) {
            h.send(other, 8, a -> { });
        }
        h.takeCalls();
        h.openIssuesState.put("C1", 6);

        h.send("X", 11, a -> { });

        assertThat(h.takeCalls()).isEmpty();
        assertThat(h.issue("X").slackPostNeedsUpdate()).isTrue();
        h.tick("C1", 12);
        assertThat(h.takeCalls()).as("4 s < 10 s limit").isEmpty();
        h.tick("C1", 18);
        assertThat(h.takeCalls()).containsExactly("update C1 P1");
        assertThat(h.issue("X").slackPostNeedsUpdate()).isFalse();
    }

    @Test
    void c11_changedTextHalvesTheLimit() {
        for (int t = 0; t <= 8; t++) {
            h.send("X", t, a -> { });
        }
        h.takeCalls();
        h.openIssuesState.put("C1", 6);

        h.send("X", 11, a -> a.text = "changed");
        assertThat(h.takeCalls()).as("3 s < 5 s").isEmpty();
        h.send("X", 14, a -> a.text = "changed");
        assertThat(h.takeCalls()).as("6 s since last write ≥ 5.5 s").containsExactly("update C1 P1");
    }

    @Test
    void c12_sameTimestampIsDuplicate() {
        h.send("X", 10, a -> { });
        h.takeCalls();
        IssueResult r = h.send("X", 10, a -> a.text = "different");
        assertThat(r.outcome()).isEqualTo(IssueResult.Outcome.IGNORED);
        assertThat(r.saveIssue()).isFalse();
        assertThat(h.takeCalls()).isEmpty();
        assertThat(h.issue("X").lastAlert().alert().text()).isEqualTo("text");
    }

    @Test
    void c13_outOfOrderAlertIgnored() {
        h.send("X", 3600, a -> { });
        IssueResult r = h.send(Harness.alert("X", 0, a -> { }), 3601);
        assertThat(r.outcome()).isEqualTo(IssueResult.Outcome.IGNORED);
        assertThat(h.issue("X").alertCount()).isEqualTo(1);
    }

    @Test
    void c14_generatedCorrelationIdGroupsIdenticalAlerts() {
        h.send("", 0, a -> { });
        h.send("", 1, a -> { });
        h.send("", 2, a -> a.text = "other");

        String generated = Hashes.hc("Test Alert", "", "", "text", "C1");
        assertThat(h.issue(generated).alertCount()).isEqualTo(2);
        assertThat(h.db).hasSize(2);
        assertThat(h.takeCalls()).containsExactly("post C1 P1", "update C1 P1", "post C1 P2");
    }

    @Test
    void c15_throttlingBypassedForHeaderMentionAndResolve() {
        for (int t = 0; t <= 8; t++) {
            h.send("X", t, a -> { });
        }
        h.takeCalls();
        h.openIssuesState.put("C1", 6);

        h.send("X", 9, a -> a.header = "new header");
        assertThat(h.takeCalls()).as("header changed").containsExactly("update C1 P1");
        h.send("X", 10, a -> {
            a.header = "new header";
            a.text = "ping <@U7>";
        });
        assertThat(h.takeCalls()).as("active mention").containsExactly("update C1 P1");
        h.send("X", 11, a -> {
            a.header = "new header";
            a.severity = "resolved";
        });
        assertThat(h.takeCalls()).as("action RESOLVE differs").containsExactly("update C1 P1");
        assertThat(h.issue("X").resolveTime()).isEqualTo(at(11));
    }
}
