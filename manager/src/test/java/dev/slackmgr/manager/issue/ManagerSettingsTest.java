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
}
