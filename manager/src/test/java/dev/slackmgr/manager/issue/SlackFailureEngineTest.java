package dev.slackmgr.manager.issue;

import org.junit.jupiter.api.Test;

import static dev.slackmgr.manager.issue.Harness.p;
import static org.assertj.core.api.Assertions.assertThat;

/** manager-cases.md §13: Slack failures folded back through {@link PostOutcomes}. */
class SlackFailureEngineTest {
    private final Harness h = new Harness();

    @Test
    void c76_channelGoneStoresSentinelAndStopsCalling() {
        h.failNext.put("post", "channel_not_found");
        h.send("X", 0, a -> a.autoResolveSeconds = 60);
        assertThat(h.takeCalls()).containsExactly("post failed channel_not_found");
        assertThat(h.issue("X").slackPostId()).isEqualTo(IssueView.INVALID_CHANNEL_ID);

        h.send("X", 10, a -> a.autoResolveSeconds = 60);
        h.tick("C1", 71);
        assertThat(h.takeCalls()).isEmpty();
        assertThat(h.issue("X").slackPostLastAction()).isEqualTo(PostAction.RESOLVE);
        h.tick("C1", 10 + 60 + 43201);
        assertThat(h.issues("X").get(0).archived()).isTrue();
    }

    @Test
    void c77_messageNotFoundOnUpdateRepostsAtNextCycle() {
        h.send("X", 0, a -> { });
        h.failNext.put("update", "message_not_found");
        h.send("X", 10, a -> { });
        assertThat(h.issue("X").slackPostId()).isEmpty();
        assertThat(h.issue("X").slackPostNeedsUpdate()).isTrue();
        h.takeCalls();
        h.tick("C1", 11);
        assertThat(h.takeCalls()).containsExactly("post C1 P2");
    }

    @Test
    void c77_invalidBlocksWaitsForNextAlert() {
        h.failNext.put("post", "invalid_blocks");
        h.send("X", 0, a -> { });
        assertThat(h.issue("X").slackPostNeedsUpdate()).isFalse();
        h.tick("C1", 10);
        h.tick("C1", 20);
        assertThat(h.takeCalls()).containsExactly("post failed invalid_blocks");
        h.send("X", 30, a -> { });
        assertThat(h.takeCalls()).containsExactly("post C1 P1");
    }

    @Test
    void c77_notInChannelRetriedNextCycle() {
        h.failNext.put("post", "not_in_channel");
        h.send("X", 0, a -> { });
        h.tick("C1", 10);
        assertThat(h.takeCalls()).containsExactly("post failed not_in_channel", "post C1 P1");
    }

    @Test
    void otherErrorRestoresStateAndAbortsRestOfCycle() {
        h.send("A", 0, a -> a.autoResolveSeconds = 30);
        h.send("B", 0, a -> a.autoResolveSeconds = 30);
        h.takeCalls();
        h.failNext.put("update", "internal_error");
        h.tick("C1", 31);
        assertThat(h.takeCalls()).containsExactly("update failed internal_error");
        assertThat(h.issue("A").slackPostLastAction()).isEqualTo(PostAction.ALERT);
        assertThat(h.issue("B").slackPostLastAction()).as("not executed").isEqualTo(PostAction.ALERT);
        assertThat(h.issue("A").slackPostId()).isEqualTo(p(1));
        h.tick("C1", 41);
        assertThat(h.takeCalls()).containsExactly("update C1 P1", "update C1 P2");
    }
}
