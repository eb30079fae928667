package dev.slackmgr.manager.slack;

import dev.slackmgr.common.testing.slack.FakeSlack;
import dev.slackmgr.common.testing.slack.FakeWorkspace;
import dev.slackmgr.manager.post.PostContent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpdateCoalescerTest {

    /** Records updates; the first update of a post blocks until released. */
    private static final class BlockingGateway implements SlackGateway {
        final List<String> sent = new CopyOnWriteArrayList<>();
        final CountDownLatch firstStarted = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile RuntimeException failWith;

        @Override
        public void updateMessage(String channelId, String ts, PostContent content) {
            firstStarted.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failWith != null) {
                throw failWith;
            }
            sent.add(channelId + "/" + ts + "=" + content.text());
        }

        @Override
        public String postMessage(PostContent content) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deleteMessage(String channelId, String ts) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean hasReplies(String channelId, String ts) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<String> findIssuePost(String channelId, String correlationId, Instant since) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ChannelView channel(String channelId) {
            throw new UnsupportedOperationException();
        }
    }

    private static PostContent content(String text) {
        return GatewayFixture.post("C1", text, "i", "c");
    }

    @Test
    void onlyTheLatestPendingContentIsSentAfterTheUpdateInFlight() throws Exception {
        BlockingGateway gateway = new BlockingGateway();
        try (UpdateCoalescer coalescer = new UpdateCoalescer(gateway, 2)) {
            CompletableFuture<Void> v1 = coalescer.submit("C1", "1.1", content("v1"));
            assertThat(gateway.firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Void> v2 = coalescer.submit("C1", "1.1", content("v2"));
            CompletableFuture<Void> v3 = coalescer.submit("C1", "1.1", content("v3"));
            CompletableFuture<Void> v4 = coalescer.submit("C1", "1.1", content("v4"));
            CompletableFuture<Void> other = coalescer.submit("C1", "2.2", content("w1"));
            assertThat(v2).isNotDone();

            gateway.release.countDown();
            CompletableFuture.allOf(v1, v2, v3, v4, other).get(5, TimeUnit.SECONDS);

            assertThat(gateway.sent).filteredOn(s -> s.startsWith("C1/1.1")).containsExactly("C1/1.1=v1", "C1/1.1=v4");
            assertThat(gateway.sent).contains("C1/2.2=w1").hasSize(3);
            coalescer.flush().get(5, TimeUnit.SECONDS);
            assertThat(coalescer.pendingPosts()).isZero();
        }
    }

    @Test
    void failureOfTheSendCarryingAContentFailsItsWaiters() throws Exception {
        BlockingGateway gateway = new BlockingGateway();
        gateway.failWith = new SlackCallException("chat.update", "message_not_found", false, null);
        gateway.release.countDown();
        try (UpdateCoalescer coalescer = new UpdateCoalescer(gateway, 2)) {
            CompletableFuture<Void> v1 = coalescer.submit("C1", "1.1", content("v1"));
            assertThatThrownBy(() -> v1.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(SlackCallException.class);
            coalescer.flush().get(5, TimeUnit.SECONDS);
            assertThat(coalescer.pendingPosts()).isZero();
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
