package dev.slackmgr.manager.slack;

import dev.slackmgr.common.testing.slack.FakeMessages.FakeMessage;
import dev.slackmgr.common.testing.slack.FakeSlack;
import dev.slackmgr.common.testing.slack.FakeWorkspace;
import dev.slackmgr.manager.slack.SlackGateway.ChannelView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SDK gateway over real HTTP against the fake Slack. */
class SdkSlackGatewayTest {
    private FakeSlack slack;
    private GatewayFixture fx;

    @BeforeEach
    void setUp() {
        slack = new FakeSlack(new FakeWorkspace(GatewayFixture.BOT)
                .channel("C1", "alerts")
                .channel("C2", "other")
                .channel("CARCH", "old", true, true, 3)
                .channel("COUT", "outside", false, false, 3));
        fx = new GatewayFixture(slack, GatewayFixture.fast());
    }

    @AfterEach
    void tearDown() {
        slack.close();
    }

    @Test
    void postsWithBlocksUsernameIconAndMetadataAndFindsThePostAgainThroughHistory() {
        Instant before = Instant.now().minusSeconds(1);
        String ts = fx.gateway.postMessage(GatewayFixture.post("C1", "disk full", "issue-1", "corr-1"));

        FakeMessage m = slack.messages().find("C1", ts).orElseThrow();
        assertThat(m.text()).isEqualTo("disk full");
        assertThat(m.username()).isEqualTo("Alerts");
        assertThat(m.iconEmoji()).isEqualTo(":rotating_light:");
        assertThat(m.blocksJson()).contains("\"type\":\"section\"").contains("disk full");
        assertThat(m.eventType()).isEqualTo("slackmgr_issue");
        assertThat(m.eventPayload()).isEqualTo(Map.of("issueId", "issue-1", "correlationId", "corr-1"));
        assertThat(slack.calls().stream().filter(c -> c.method().equals("chat.postMessage")).findFirst().orElseThrow()
                .params()).containsKey("metadata");

        fx.gateway.postMessage(GatewayFixture.post("C1", "other issue", "issue-2", "corr-2"));
        assertThat(fx.gateway.findIssuePost("C1", "corr-1", before)).contains(ts);
        assertThat(fx.gateway.findIssuePost("C1", "corr-3", before)).isEmpty();
        assertThat(fx.gateway.findIssuePost("C1", "corr-1", Instant.now().plusSeconds(5))).isEmpty();
        assertThat(slack.calls().stream().filter(c -> c.method().equals("conversations.history")).findFirst()
                .orElseThrow().params()).containsEntry("include_all_metadata", "1");
    }

    @Test
    void findIgnoresPostsOfOtherAuthorsAndPagesThroughHistory() {
        Instant before = Instant.now().minusSeconds(1);
        String mine = fx.gateway.postMessage(GatewayFixture.post("C1", "mine", "issue-1", "corr-1"));
        slack.messages().add("C1", "U0HUMAN", null, "copy", Map.of("event_type", "slackmgr_issue",
                "event_payload", Map.of("issueId", "x", "correlationId", "corr-1")));
        for (int i = 0; i < 250; i++) {
            slack.messages().add("C1", "U0HUMAN", null, "chatter " + i, null);
        }
        assertThat(fx.gateway.findIssuePost("C1", "corr-1", before)).contains(mine);
        assertThat(slack.callCount("conversations.history")).isEqualTo(2);
        assertThat(fx.gateway.findIssuePost("CNONE", "corr-1", before)).isEmpty();
    }

    @Test
    void updatesContentAndMetadataOfThePost() {
        String ts = fx.gateway.postMessage(GatewayFixture.post("C1", "v1", "issue-1", "corr-1"));
        fx.gateway.updateMessage("C1", ts, GatewayFixture.post("C1", "v2 resolved", "issue-1", "corr-9"));

        FakeMessage m = slack.messages().find("C1", ts).orElseThrow();
        assertThat(m.text()).isEqualTo("v2 resolved");
        assertThat(m.blocksJson()).contains("v2 resolved");
        assertThat(m.eventPayload()).containsEntry("correlationId", "corr-9");
        assertThat(slack.messages().of("C1")).hasSize(1);
    }

    @Test
    void updateOfAMissingPostIsAPermanentFailureWithSlacksCode() {
        assertThatThrownBy(() -> fx.gateway.updateMessage("C1", "1.000001", GatewayFixture.post("C1", "x", "i", "c")))
                .isInstanceOfSatisfying(SlackCallException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("message_not_found");
                    assertThat(e.transientFailure()).isFalse();
                });
        assertThat(slack.callCount("chat.update")).isEqualTo(1);
        assertThat(fx.counter("slackmgr_slack_api_errors", "slack_action", "chat.update", "error_type",
                "message_not_found")).isEqualTo(1);
    }

    @Test
    void deleteRemovesThePostAndToleratesAlreadyGone() {
        String ts = fx.gateway.postMessage(GatewayFixture.post("C1", "x", "i", "c"));
        fx.gateway.deleteMessage("C1", ts);
        assertThat(slack.messages().of("C1")).isEmpty();

        fx.gateway.deleteMessage("C1", ts);
        fx.gateway.deleteMessage("CNONE", ts);
        assertThat(slack.callCount("chat.delete")).isEqualTo(3);
        assertThat(fx.registry.find("slackmgr_slack_api_errors").counters()).isEmpty();
    }

    @Test
    void postToAChannelSlackRejectsIsPermanentAndNotRetried() {
        for (String channel : new String[]{"CNONE", "CARCH", "COUT"}) {
            assertThatThrownBy(() -> fx.gateway.postMessage(GatewayFixture.post(channel, "x", "i", "c")))
                    .isInstanceOfSatisfying(SlackCallException.class,
                            e -> assertThat(e.transientFailure()).isFalse());
        }
        assertThat(slack.callCount("chat.postMessage")).isEqualTo(3);
        assertThat(fx.counter("slackmgr_slack_api_errors", "error_type", "not_in_channel")).isEqualTo(1);
        assertThat(fx.registry.find("slackmgr_slack_api_retries").counters()).isEmpty();
    }

    @Test
    void hasRepliesIsTrueOnlyWithThreadReplies() {
        String ts = fx.gateway.postMessage(GatewayFixture.post("C1", "x", "i", "c"));
        assertThat(fx.gateway.hasReplies("C1", ts)).isFalse();
        slack.messages().reply("C1", ts, "U0HUMAN", "looking");
        assertThat(fx.gateway.hasReplies("C1", ts)).isTrue();
        assertThat(fx.gateway.hasReplies("C1", "1.000001")).isFalse();
        assertThat(fx.gateway.hasReplies("CNONE", ts)).isFalse();
    }

    @Test
    void channelNamesComeFromOneReadOfTheBotsChannelsWithConversationsInfoOnlyForOthers() {
        assertThat(fx.gateway.channelNameNow("C1")).as("looked up in the background").isEmpty();
        assertThat(fx.gateway.channelNameNow("C2")).as("a second lookup queued behind it").isEmpty();
        await(() -> fx.gateway.channelNameNow("C1").equals("alerts"));
        await(() -> fx.gateway.channelNameNow("C2").equals("other"));
        assertThat(fx.gateway.channel("C2")).isEqualTo(new ChannelView("C2", "other", true, true));
        assertThat(slack.callCount("users.conversations")).as("one read named both").isEqualTo(1);
        assertThat(fx.counter("slackmgr_slack_client_cache_requests", "result", "miss"))
                .as("name lookups count as cache requests").isPositive();
        assertThat(fx.counter("slackmgr_slack_client_cache_requests", "result", "hit")).isPositive();
        assertThat(slack.callCount("conversations.info")).isZero();

        assertThat(fx.gateway.channelNameNow("COUT")).as("the bot is not in it").isEmpty();
        await(() -> fx.gateway.channelNameNow("COUT").equals("outside"));
        assertThat(slack.callCount("users.conversations")).as("not again within 30 s").isEqualTo(1);
        assertThat(slack.callCount("conversations.info")).isEqualTo(1);
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void channelViewIsCachedIncludingUnknownChannels() {
        assertThat(fx.gateway.channel("C1")).isEqualTo(new ChannelView("C1", "alerts", true, true));
        assertThat(fx.gateway.channel("COUT")).isEqualTo(new ChannelView("COUT", "outside", true, false));
        assertThat(fx.gateway.channel("CARCH").botMember()).isFalse();
        assertThat(fx.gateway.channel("CNONE")).isEqualTo(new ChannelView("CNONE", "", false, false));
        fx.gateway.channel("C1");
        fx.gateway.channel("CNONE");
        assertThat(slack.callCount("conversations.info")).isEqualTo(4);
        assertThat(fx.counter("slackmgr_slack_client_cache_requests", "result", "hit")).isEqualTo(2);
    }

    @Test
    void serverErrorsAreRetriedWithBackoffThenSucceed() {
        slack.failNext("chat.update", 2, 503);
        String ts = fx.gateway.postMessage(GatewayFixture.post("C1", "x", "i", "c"));
        long t0 = System.nanoTime();
        fx.gateway.updateMessage("C1", ts, GatewayFixture.post("C1", "y", "i", "c"));
        Duration took = Duration.ofNanos(System.nanoTime() - t0);

        assertThat(slack.messages().find("C1", ts).orElseThrow().text()).isEqualTo("y");
        assertThat(slack.callCount("chat.update")).isEqualTo(3);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        assertThat(fx.counter("slackmgr_slack_api_retries", "slack_action", "chat.update", "error_type", "unknown"))
                .isEqualTo(2);
        assertThat(fx.registry.find("slackmgr_slack_api_call_duration").tag("slack_action", "chat.update").timer()
                .count()).isEqualTo(3);
    }

    /**
     * A post whose answer is lost (5xx, dropped connection, timeout) may have been made: it is not repeated here
     * but fails transient at once, so the post syncer looks for it before posting again (found by SlackTroubleTest:
     * two lost answers made three posts of one issue).
     */
    @Test
    void postsAreNotRepeatedBlindlyAfterAFailureThatMayHavePosted() {
        slack.failNext("chat.postMessage", 1, 503);
        assertThatThrownBy(() -> fx.gateway.postMessage(GatewayFixture.post("C1", "x", "i", "c")))
                .isInstanceOfSatisfying(SlackCallException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("http_503");
                    assertThat(e.transientFailure()).isTrue();
                });
        slack.dropNext("chat.postMessage", 1, true);
        assertThatThrownBy(() -> fx.gateway.postMessage(GatewayFixture.post("C1", "y", "i", "c")))
                .isInstanceOfSatisfying(SlackCallException.class, e -> assertThat(e.transientFailure()).isTrue());
        assertThat(slack.callCount("chat.postMessage")).isEqualTo(2);
        assertThat(slack.messages().of("C1")).extracting(m -> m.text()).containsExactly("y");

        slack.rateLimitNext("chat.postMessage", 1, 0);
        String ts = fx.gateway.postMessage(GatewayFixture.post("C1", "z", "i", "c"));
        assertThat(slack.callCount("chat.postMessage")).as("a 429 did not post: retried").isEqualTo(4);
        assertThat(slack.messages().find("C1", ts).orElseThrow().text()).isEqualTo("z");
    }

    @Test
    void slackTransientErrorCodesAreRetried() {
        slack.on("chat.update", p -> FakeSlack.error("internal_error"));
        assertThatThrownBy(() -> fx.gateway.updateMessage("C1", "1.000001", GatewayFixture.post("C1", "x", "i", "c")))
                .isInstanceOfSatisfying(SlackCallException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("internal_error");
                    assertThat(e.transientFailure()).isTrue();
                });
        assertThat(slack.callCount("chat.update")).isEqualTo(5);
    }

    @Test
    void slowAnswersTimeOutAndAreRetriedAsTransient() {
        GatewayFixture impatient = new GatewayFixture(slack, GatewayFixture.fast()
                .withHttpTimeout(Duration.ofMillis(200))
                .withRetries(10, Duration.ofSeconds(30), 2, Duration.ofSeconds(30)));
        slack.latency(Duration.ofMillis(600));
        assertThatThrownBy(() -> impatient.gateway.channel("C1"))
                .isInstanceOfSatisfying(SlackCallException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("timeout");
                    assertThat(e.transientFailure()).isTrue();
                });
        assertThat(slack.callCount("conversations.info")).isEqualTo(2);

        slack.latency(Duration.ZERO);
        assertThat(impatient.gateway.channel("C1").name()).isEqualTo("alerts");
    }

    @Test
    void exhaustedTransientBudgetEndsWithATransientFailure() {
        GatewayFixture three = new GatewayFixture(slack, GatewayFixture.fast()
                .withRetries(10, Duration.ofSeconds(30), 3, Duration.ofSeconds(30)));
        slack.failNext("chat.update", 10, 500);
        assertThatThrownBy(() -> three.gateway.updateMessage("C1", "1.000001", GatewayFixture.post("C1", "x", "i", "c")))
                .isInstanceOfSatisfying(SlackCallException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("http_500");
                    assertThat(e.transientFailure()).isTrue();
                });
        assertThat(slack.callCount("chat.update")).isEqualTo(3);
    }

    @Test
    void exhaustedRateLimitAttemptsEndWithATransientFailure() {
        GatewayFixture two = new GatewayFixture(slack, GatewayFixture.fast()
                .withRetries(2, Duration.ofSeconds(30), 5, Duration.ofSeconds(30)));
        slack.rateLimitNext("chat.delete", 5, 0);
        assertThatThrownBy(() -> two.gateway.deleteMessage("C1", "1.000001"))
                .isInstanceOfSatisfying(SlackCallException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("rate_limited");
                    assertThat(e.transientFailure()).isTrue();
                });
        assertThat(slack.callCount("chat.delete")).isEqualTo(2);
    }

    @Test
    void rateLimitedCallWaitsRetryAfterAndSucceeds() {
        slack.rateLimitNext("chat.postMessage", 1, 1);
        long t0 = System.nanoTime();
        String ts = fx.gateway.postMessage(GatewayFixture.post("C1", "x", "i", "c"));
        Duration took = Duration.ofNanos(System.nanoTime() - t0);

        assertThat(slack.messages().find("C1", ts)).isPresent();
        assertThat(slack.rejectedCount("chat.postMessage", 429)).isEqualTo(1);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(950)).isLessThan(Duration.ofSeconds(10));
        assertThat(fx.counter("slackmgr_slack_api_retries", "error_type", "rate_limited")).isEqualTo(1);
        assertThat(fx.registry.find("slackmgr_slack_api_rate_limit_duration").timer().count()).isEqualTo(1);
        assertThat(fx.gate.isBlocked()).isFalse();
    }
}
