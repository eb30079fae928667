package dev.slackmgr.manager.issue;

import org.junit.jupiter.api.Test;

import static dev.slackmgr.manager.issue.Harness.at;
import static dev.slackmgr.manager.issue.Harness.p;
import static org.assertj.core.api.Assertions.assertThat;

/** manager-cases.md §7–8: mentions, reactions and commands (engine side). */
class CommandEngineTest {
    private final Harness h = new Harness();

    @Test
    void c42_mentionThrottlingWithinOneHour() {
        h.send("X", 0, a -> a.text = "abc <!here> hei <@bar>");
        assertThat(Posts.text(h.post(p(1)))).isEqualTo("abc <!here> hei <@bar>");
        h.send("X", 300, a -> a.text = "abc <!here> hei <@bar>");
        assertThat(Posts.text(h.post(p(1)))).as("same set within 1 h").isEqualTo("abc *here* hei *bar*");
        h.send("X", 400, a -> a.text = "abc <!channel> hei <@bar>");
        assertThat(Posts.text(h.post(p(1)))).as("set changed").isEqualTo("abc <!channel> hei <@bar>");
        h.send("X", 400 + 3660, a -> a.text = "abc <!channel> hei <@bar>");
        assertThat(Posts.text(h.post(p(1)))).as("61 min later").isEqualTo("abc <!channel> hei <@bar>");
    }

    @Test
    void c43_mentionsOnlyInTextAndEveryoneNever() {
        h.send("X", 0, a -> {
            a.header = "hei <@a>";
            a.author = "hei <@b>";
            a.host = "hei <@c>";
            a.footer = "hei <@d>";
            a.text = "hei <@e>";
            a.fields = java.util.List.of(new dev.slackmgr.common.alert.Field("hei <!here>", "hei <@there>"));
        });
        var last = h.issue("X").lastAlert().alert();
        assertThat(last.header()).isEqualTo("hei *a*");
        assertThat(last.author()).isEqualTo("hei *b*");
        assertThat(last.host()).isEqualTo("hei *c*");
        assertThat(last.footer()).isEqualTo("hei *d*");
        assertThat(last.text()).isEqualTo("hei <@e>");
        assertThat(last.fields().get(0).title()).isEqualTo("hei *here*");
        assertThat(last.fields().get(0).value()).isEqualTo("hei *there*");

        h.send("X", 10, a -> a.text = "abc <!everyone> hei <@everyone>");
        assertThat(h.issue("X").lastAlert().alert().text()).isEqualTo("abc *everyone* hei *everyone*");
    }

    @Test
    void c45_anyoneMayInvestigate_lineHiddenWhenResolved() {
        h.send("X", 0, a -> { });
        h.command(IssueCommand.Action.INVESTIGATE, "C1", p(1), "Ursula", 10);
        assertThat(Posts.contexts(h.post(p(1))))
                .contains(":cop: Investigated by *Ursula* since 2024-01-01 00:00:10");
        h.command(IssueCommand.Action.UNINVESTIGATE, "C1", p(1), "Adam", 20);
        assertThat(Posts.contexts(h.post(p(1)))).noneMatch(c -> c.startsWith(":cop:"));

        h.command(IssueCommand.Action.INVESTIGATE, "C1", p(1), "Ursula", 30);
        h.send("X", 40, a -> a.severity = "resolved");
        assertThat(Posts.contexts(h.post(p(1)))).noneMatch(c -> c.startsWith(":cop:"));
    }

    @Test
    void c46_muteGreysStatusAndCountsAsLowestPriority() {
        h.send("X", 0, a -> {
            a.severity = "panic";
            a.header = ":status: P";
        });
        h.command(IssueCommand.Action.MUTE, "C1", p(1), "Adam", 10);
        assertThat(Posts.header(h.post(p(1)))).isEqualTo(":no_bell: P");
        assertThat(Posts.contexts(h.post(p(1)))).contains(":mask: Muted by *Adam* at 2024-01-01 00:00:10");
        assertThat(IssueView.sortPriority(h.issue("X"), at(10))).isZero();

        h.command(IssueCommand.Action.UNMUTE, "C1", p(1), "Adam", 20);
        assertThat(Posts.header(h.post(p(1)))).isEqualTo(":scream: P");
        assertThat(Posts.contexts(h.post(p(1)))).noneMatch(c -> c.startsWith(":mask:"));
        assertThat(h.takeCalls()).containsExactly("post C1 P1", "update C1 P1", "update C1 P1");
    }

    @Test
    void c47_manualResolveAndUnresolve() {
        h.send("X", 0, a -> {
            a.autoResolveSeconds = 7200;
            a.archivingDelaySeconds = 600;
            a.header = ":status: X";
        });
        h.command(IssueCommand.Action.RESOLVE, "C1", p(1), "Adam", 100);
        assertThat(Posts.header(h.post(p(1)))).isEqualTo(":white_check_mark: X");
        assertThat(Posts.contexts(h.post(p(1)))).contains(":raising_hand: Resolved by *Adam* at 2024-01-01 00:01:40");
        assertThat(h.issue("X").resolveTime()).isEqualTo(at(100));
        assertThat(h.issue("X").archiveTime()).isEqualTo(at(700));

        h.command(IssueCommand.Action.UNRESOLVE, "C1", p(1), "Adam", 160);
        assertThat(Posts.header(h.post(p(1)))).isEqualTo(":x: X");
        assertThat(Posts.contexts(h.post(p(1)))).noneMatch(c -> c.startsWith(":raising_hand:"));
        assertThat(h.issue("X").resolveTime()).isEqualTo(at(160 + 7200));
        assertThat(h.takeCalls()).containsExactly("post C1 P1", "update C1 P1", "update C1 P1");
    }

    @Test
    void c48_terminateDeletesPostAndArchivesAtNextCycle() {
        h.send("X", 0, a -> { });
        h.takeCalls();
        IssueResult r = h.command(IssueCommand.Action.TERMINATE, "C1", p(1), "Adam", 5);
        assertThat(h.takeCalls()).containsExactly("delete C1 P1");
        assertThat(r.saveIssue()).isTrue();
        Issue t = r.issue();
        assertThat(t.slackPostEmojiTerminated()).isTrue();
        assertThat(t.terminatedByUser()).isEqualTo("Adam");
        assertThat(t.slackPostId()).isEmpty();

        h.tick("C1", 10);
        assertThat(h.db.get(t.id()).archived()).isTrue();
        assertThat(h.takeCalls()).isEmpty();
        h.send("X", 20, a -> { });
        assertThat(h.takeCalls()).containsExactly("post C1 P2");
        assertThat(h.issues("X")).hasSize(2);
    }

    @Test
    void c49_terminateOnUntrackedMessageDeletesIt() {
        IssueResult r = h.command(IssueCommand.Action.TERMINATE, "C1", "1699999999.000001", "Adam", 0);
        assertThat(r.outcome()).isEqualTo(IssueResult.Outcome.NO_ISSUE);
        assertThat(h.takeCalls()).containsExactly("delete C1 1699999999.000001");

        h.send("X", 0, a -> a.issueFollowUpEnabled = false);
        h.tick("C1", 31);
        h.takeCalls();
        h.command(IssueCommand.Action.TERMINATE, "C1", p(1), "Adam", 40);
        assertThat(h.takeCalls()).as("archived issue found, its post deleted").containsExactly("delete C1 P1");
    }

    @Test
    void c50_terminateUndoneByQuickNewAlert() {
        h.send("X", 0, a -> { });
        h.command(IssueCommand.Action.TERMINATE, "C1", p(1), "Adam", 0);
        h.send("X", 3, a -> { });
        assertThat(h.takeCalls()).containsExactly("post C1 P1", "delete C1 P1", "post C1 P2");
        assertThat(h.issue("X").slackPostEmojiTerminated()).isFalse();
        h.tick("C1", 8);
        assertThat(h.issue("X").archived()).isFalse();
    }

    @Test
    void c52_optionButtons() {
        h.send("X", 0, a -> a.autoResolveSeconds = 60);
        h.command(IssueCommand.Action.SHOW_OPTION_BUTTONS, "C1", p(1), "Adam", 10);
        assertThat(Posts.buttons(h.post(p(1)), "issue_options")).containsExactly("Move issue...", "Details...");
        h.tick("C1", 61);
        assertThat(Posts.buttons(h.post(p(1)), "issue_options")).containsExactly("Details...");
        h.command(IssueCommand.Action.HIDE_OPTION_BUTTONS, "C1", p(1), "Adam", 70);
        assertThat(Posts.buttons(h.post(p(1)), "issue_options")).isEmpty();
    }

    @Test
    void c52_alwaysShowOptionButtons() {
        Harness always = new Harness(ManagerSettings.defaults().withAlwaysShowOptionButtons(true));
        always.send("X", 0, a -> { });
        assertThat(Posts.buttons(always.post(p(1)), "issue_options")).containsExactly("Move issue...", "Details...");
    }

    @Test
    void c53_commandsOnArchivedOrMissingIssuesAreIgnored() {
        IssueResult none = h.command(IssueCommand.Action.RESOLVE, "C1", "1.2", "Adam", 0);
        assertThat(none.outcome()).isEqualTo(IssueResult.Outcome.NO_ISSUE);
        assertThat(none.saveIssue()).isFalse();

        h.send("X", 0, a -> a.issueFollowUpEnabled = false);
        h.tick("C1", 31);
        h.takeCalls();
        IssueResult archived = h.command(IssueCommand.Action.MUTE, "C1", p(1), "Adam", 40);
        assertThat(archived.outcome()).isEqualTo(IssueResult.Outcome.NO_ISSUE);
        assertThat(h.takeCalls()).isEmpty();
    }
}
