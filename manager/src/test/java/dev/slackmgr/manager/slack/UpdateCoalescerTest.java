package dev.slackmgr.manager.slack;

import dev.slackmgr.common.testing.slack.FakeSlack;
import dev.slackmgr.common.testing.slack.FakeWorkspace;
import dev.slackmgr.manager.post.PostContent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpdateCoalescerTest {

    private static PostContent content(String text) {
        return GatewayFixture.post("C1", text, "i", "c");
    }

    private static FakeSlack slack() {
        return new FakeSlack(new FakeWorkspace(GatewayFixture.BOT).channel("C1", "alerts"));
    }

    /** The texts of the {@code chat.update} calls Slack received for one post, in order. */
    private static List<String> updatesOf(FakeSlack slack, String ts) {
        return slack.calls().stream().filter(c -> c.method().equals("chat.update") && ts.equals(c.params().get("ts")))
                .map(c -> c.params().get("text")).toList();
    }

    @Test
    void onlyTheLatestPendingContentIsSentAfterTheUpdateInFlight() throws Exception {
        try (FakeSlack slack = slack()) {
            GatewayFixture fx = new GatewayFixture(slack, GatewayFixture.fast());
            String first = fx.gateway.postMessage(content("v0"));
            String second = fx.gateway.postMessage(content("w0"));
            CountDownLatch firstStarted = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            slack.observe("chat.update", (params, answer) -> {
                firstStarted.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            try (UpdateCoalescer coalescer = new UpdateCoalescer(fx.gateway, 2)) {
                CompletableFuture<Void> v1 = coalescer.submit("C1", first, content("v1"));
                assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
                CompletableFuture<Void> v2 = coalescer.submit("C1", first, content("v2"));
                CompletableFuture<Void> v3 = coalescer.submit("C1", first, content("v3"));
                CompletableFuture<Void> v4 = coalescer.submit("C1", first, content("v4"));
                CompletableFuture<Void> other = coalescer.submit("C1", second, content("w1"));
                assertThat(v2).isNotDone();

                release.countDown();
                CompletableFuture.allOf(v1, v2, v3, v4, other).get(5, TimeUnit.SECONDS);

                assertThat(updatesOf(slack, first)).containsExactly("v1", "v4");
                assertThat(updatesOf(slack, second)).containsExactly("w1");
                assertThat(slack.callCount("chat.update")).isEqualTo(3);
                coalescer.flush().get(5, TimeUnit.SECONDS);
                assertThat(coalescer.pendingPosts()).isZero();
            }
        }
    }

    @Test
    void failureOfTheSendCarryingAContentFailsItsWaiters() throws Exception {
        try (FakeSlack slack = slack()) {
            GatewayFixture fx = new GatewayFixture(slack, GatewayFixture.fast());
            try (UpdateCoalescer coalescer = new UpdateCoalescer(fx.gateway, 2)) {
                CompletableFuture<Void> v1 = coalescer.submit("C1", "1.000001", content("v1"));
                assertThatThrownBy(() -> v1.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(SlackCallException.class)
                        .cause().hasMessageContaining("message_not_found");
                coalescer.flush().get(5, TimeUnit.SECONDS);
                assertThat(coalescer.pendingPosts()).isZero();
            }
        }
    }

    @Test
    void whilePausedByA429OnlyTheLatestContentReachesSlack() throws Exception {
        try (FakeSlack slack = new FakeSlack(new FakeWorkspace(GatewayFixture.BOT).channel("C1", "alerts"))) {
            GatewayFixture fx = new GatewayFixture(slack, GatewayFixture.fast()
                    .withWaits(Duration.ofMillis(300), Duration.ZERO, Duration.ofMillis(50)));
            String ts = fx.gateway.postMessage(content("v0"));
            slack.rateLimitNext("chat.update", 1, 0);
            try (UpdateCoalescer coalescer = new UpdateCoalescer(fx.gateway, 2)) {
                coalescer.submit("C1", ts, content("v1"));
                while (!fx.gate.isBlocked()) {
                    Thread.sleep(5);
                }
                for (int i = 2; i <= 10; i++) {
                    coalescer.submit("C1", ts, content("v" + i));
                }
                coalescer.flush().get(10, TimeUnit.SECONDS);
            }
            assertThat(slack.messages().find("C1", ts).orElseThrow().text()).isEqualTo("v10");
            assertThat(slack.calls().stream().filter(c -> c.method().equals("chat.update"))
                    .map(c -> c.params().get("text")).toList()).containsExactly("v1", "v1", "v10");
        }
    }
}
