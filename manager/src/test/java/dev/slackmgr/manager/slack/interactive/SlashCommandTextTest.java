package dev.slackmgr.manager.slack.interactive;

import dev.slackmgr.manager.issue.IssueCommand;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlashCommandTextTest {

    @Test
    void verbsAndTargets() {
        assertThat(SlashCommandText.parse("")).isInstanceOf(SlashCommandText.Help.class);
        assertThat(SlashCommandText.parse(" HELP ")).isInstanceOf(SlashCommandText.Help.class);
        assertThat(SlashCommandText.parse("list")).isInstanceOf(SlashCommandText.ListIssues.class);
        assertThat(SlashCommandText.parse("resolve disk-full"))
                .isEqualTo(new SlashCommandText.Act(IssueCommand.Action.RESOLVE, "resolve", "disk-full"));
        assertThat(SlashCommandText.parse("Unmute  x")).isEqualTo(
                new SlashCommandText.Act(IssueCommand.Action.UNMUTE, "unmute", "x"));
        assertThat(SlashCommandText.parse("mute")).isInstanceOf(SlashCommandText.Invalid.class);
        assertThat(SlashCommandText.parse("mute a b")).isInstanceOf(SlashCommandText.Invalid.class);
        assertThat(SlashCommandText.parse("delete x")).isEqualTo(new SlashCommandText.Invalid("Unknown command `delete`."));
    }

    @Test
    void permalinksBothWays() {
        IssueLinks links = new IssueLinks(() -> "https://acme.slack.com/");
        String link = links.link("C0123", "1700000000.000100");
        assertThat(link).isEqualTo("https://acme.slack.com/archives/C0123/p1700000000000100");
        assertThat(IssueLinks.parse("<" + link + "|the post>"))
                .contains(new IssueLinks.PostRef("C0123", "1700000000.000100"));
        assertThat(IssueLinks.parse(link + "?thread_ts=1.2&cid=C0123"))
                .contains(new IssueLinks.PostRef("C0123", "1700000000.000100"));
        assertThat(IssueLinks.parse("disk-full")).isEmpty();
    }
}
