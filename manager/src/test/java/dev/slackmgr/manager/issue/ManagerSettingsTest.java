package dev.slackmgr.manager.issue;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** C-80 (engine part): defaults, zero/negative fallbacks, emoji normalisation. */
class ManagerSettingsTest {
    @Test
    void c80_zeroOrNegativeNumbersFallBackToDefaults() {
        ManagerSettings s = new ManagerSettings(null, null, null, null, null, -1, false, 0, -5, null, null, 0, -1,
                false, false, null, null);
        assertThat(s.defaultIssueArchivingDelaySeconds()).isEqualTo(43200);
        assertThat(s.issueReorderingLimit()).isEqualTo(30);
        assertThat(s.issueProcessingIntervalSeconds()).isEqualTo(10);
        assertThat(s.minIssueCountForThrottle()).isEqualTo(5);
        assertThat(s.maxThrottleDurationSeconds()).isEqualTo(60);
        assertThat(s.defaultAlertSeverity()).isEqualTo("error");
        assertThat(s.appFriendlyName()).isEqualTo("Slack Manager");
    }

    @Test
    void c80_reactionEmojisWithOrWithoutColons() {
        IssueReactions r = new IssueReactions(List.of(":boom:"), List.of("ok"), null, List.of(), null);
        assertThat(r.terminateEmojis()).containsExactly("boom");
        assertThat(r.resolveEmojis()).containsExactly("ok");
        assertThat(r.investigateEmojis()).containsExactly("eyes");
        assertThat(r.muteEmojis()).containsExactly("mask");
    }

    @Test
    void statusEmojisInvalidFallBackToDefaultColonsAdded() {
        IssueStatus s = new IssueStatus("fire", "not valid!", null, null, null, null, null, null, null);
        assertThat(s.panicEmoji()).isEqualTo(":fire:");
        assertThat(s.errorEmoji()).isEqualTo(":x:");
        assertThat(s.resolvedEmoji()).isEqualTo(":white_check_mark:");
    }

    @Test
    void processingIntervalChannelOverride() {
        ManagerSettings s = ManagerSettings.defaults().withAlertChannels(List.of(
                new ManagerSettings.AlertChannel("C9", List.of("U1"), null, false, 0, 30)));
        assertThat(s.processingIntervalSeconds("C9")).isEqualTo(30);
        assertThat(s.processingIntervalSeconds("C1")).isEqualTo(10);
    }

    @Test
    void c44_c51_reactionMappingAndAdminRequirement() {
        IssueReactions r = IssueReactions.defaults();
        assertThat(r.actionFor("white_check_mark", true)).contains(IssueCommand.Action.RESOLVE);
        assertThat(r.actionFor("white_check_mark", false)).contains(IssueCommand.Action.UNRESOLVE);
        assertThat(r.actionFor("eyes", true)).contains(IssueCommand.Action.INVESTIGATE);
        assertThat(r.actionFor("mask", false)).contains(IssueCommand.Action.UNMUTE);
        assertThat(r.actionFor("information_source", true)).contains(IssueCommand.Action.SHOW_OPTION_BUTTONS);
        assertThat(r.actionFor("firecracker", true)).contains(IssueCommand.Action.TERMINATE);
        assertThat(r.actionFor("firecracker", false)).as("terminate cannot be undone").isEmpty();
        assertThat(r.actionFor("thumbsup", true)).as("unmapped").isEmpty();
        assertThat(IssueReactions.requiresAdmin(IssueCommand.Action.INVESTIGATE)).isFalse();
        assertThat(IssueReactions.requiresAdmin(IssueCommand.Action.RESOLVE)).isTrue();
        assertThat(IssueReactions.requiresAdmin(IssueCommand.Action.SHOW_OPTION_BUTTONS)).isTrue();
    }

    @Test
    void channelAdmins() {
        ManagerSettings s = new ManagerSettings(null, List.of("GA"), null, null, null, 0, false, 0, 0, null, null, 0,
                0, false, false, null, List.of(new ManagerSettings.AlertChannel("C1", List.of("ADM"),
                List.of("S1"), false, 0, 0)));
        assertThat(s.isChannelAdmin("ADM", "C1", java.util.Set.of())).isTrue();
        assertThat(s.isChannelAdmin("GA", "C7", java.util.Set.of())).isTrue();
        assertThat(s.isChannelAdmin("U", "C1", java.util.Set.of("S1"))).isTrue();
        assertThat(s.isChannelAdmin("U", "C1", java.util.Set.of())).isFalse();
        assertThat(s.isChannelAdmin("ADM", "C2", java.util.Set.of())).isFalse();
        assertThat(s.isChannelAdmin("", "C1", java.util.Set.of())).isFalse();
    }
}
