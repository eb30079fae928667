package dev.slackmgr.manager.slack;

import dev.slackmgr.common.testing.slack.FakeMessages.FakeMessage;
import dev.slackmgr.common.testing.slack.FakeSlack;
import dev.slackmgr.common.testing.slack.FakeWorkspace;
import dev.slackmgr.manager.slack.SlackClientSettings.Pacing;
import dev.slackmgr.manager.slack.SlackClientSettings.Rate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link SlackCallRunner#reserveNow} (through the SDK gateway against the fake Slack): a slot is taken only when it
 * is free now, the next call of that action on the same thread uses it, and a closed rate-limit gate reserves
 * nothing.
 */
class SlackReserveNowTest {
    private FakeSlack slack;

    @BeforeEach
    void setUp() {
        slack = new FakeSlack(new FakeWorkspace(GatewayFixture.BOT).channel("C1", "alerts").channel("C2", "other"));
    }

    @AfterEach
    void tearDown() {
        slack.close();
    }

    /** One slot per method (per channel for chat.postMessage), then one every 10 s; a call waits at most 1 s. */
    private GatewayFixture slow() {
        return new GatewayFixture(slack, GatewayFixture.fast()
                .withRetries(10, Duration.ofSeconds(1), 5, Duration.ofSeconds(30))
                .withPacing(Pacing.uniform(new Rate(0.1, 1))));
    }

    private String message(String channel) {
        FakeMessage m = slack.messages().add(channel, GatewayFixture.BOT, null, "x", null);
        return m.ts();
    }

    @Test
    void takesAFreeSlotOnceThenSaysHowLongUntilTheNext() {
        GatewayFixture fx = slow();
        assertThat(fx.gateway.reserveNow(SlackAction.CHAT_UPDATE, "C1")).isZero();
        Duration wait = fx.gateway.reserveNow(SlackAction.CHAT_UPDATE, "C1");
        assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(10))
                .isGreaterThan(Duration.ofSeconds(9));
        assertThat(fx.gateway.reserveNow(SlackAction.CHAT_UPDATE, "C2")).as("chat.update is paced per process")
                .isPositive();
        assertThat(fx.gateway.reserveNow(SlackAction.CHAT_DELETE, "C1")).as("other methods have their own slots")
                .isZero();
        assertThat(slack.calls()).isEmpty();
    }

    @Test
    void postSlotsArePerChannel() {
        GatewayFixture fx = slow();
        assertThat(fx.gateway.reserveNow(SlackAction.CHAT_POST, "C1")).isZero();
        assertThat(fx.gateway.reserveNow(SlackAction.CHAT_POST, "C1")).isPositive();
        assertThat(fx.gateway.reserveNow(SlackAction.CHAT_POST, "C2")).isZero();
    }

    @Test
    void theNextCallOnTheSameThreadUsesTheReservedSlotOnce() {
        GatewayFixture fx = slow();
        String ts = message("C1");
        assertThat(fx.gateway.reserveNow(SlackAction.CHAT_UPDATE, "C1")).isZero();

        long t0 = System.nanoTime();
        fx.gateway.updateMessage("C1", ts, GatewayFixture.post("C1", "v2", "i", "c"));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
        assertThat(slack.messages().find("C1", ts).orElseThrow().text()).isEqualTo("v2");

        assertThatThrownBy(() -> fx.gateway.updateMessage("C1", ts, GatewayFixture.post("C1", "v3", "i", "c")))
                .as("the slot was used up: the next call is paced beyond its budget")
                .isInstanceOfSatisfying(SlackCallException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("paced");
                    assertThat(e.transientFailure()).isTrue();
                });
        assertThat(slack.callCount("chat.update")).isEqualTo(1);
    }

    @Test
    void aSlotReservedOnAnotherThreadOrLongAgoIsNotUsed() throws Exception {
        GatewayFixture fx = slow();
        String ts = message("C1");
        assertThat(CompletableFuture.supplyAsync(() -> fx.gateway.reserveNow(SlackAction.CHAT_UPDATE, "C1")).get())
                .isZero();
        assertThatThrownBy(() -> fx.gateway.updateMessage("C1", ts, GatewayFixture.post("C1", "v2", "i", "c")))
                .isInstanceOf(SlackCallException.class);

        assertThat(fx.gateway.reserveNow(SlackAction.CHAT_DELETE, "C1")).isZero();
        Thread.sleep(1100);
        assertThatThrownBy(() -> fx.gateway.deleteMessage("C1", ts))
                .as("a reservation older than a second has lapsed").isInstanceOf(SlackCallException.class);
        assertThat(slack.calls()).isEmpty();
    }

    @Test
    void closedGateReservesNothing() {
        GatewayFixture fx = slow();
        fx.gate.signal(Instant.now().plusSeconds(30));
        assertThat(fx.gateway.reserveNow(SlackAction.CHAT_UPDATE, "C1")).isPositive();

        GatewayFixture open = slow();
        LocalRateLimitGate gate = (LocalRateLimitGate) open.gate;
        gate.signal(Instant.now().plusMillis(200));
        assertThat(open.gateway.reserveNow(SlackAction.CHAT_UPDATE, "C1")).isPositive();
        await(() -> !gate.isBlocked());
        assertThat(open.gateway.reserveNow(SlackAction.CHAT_UPDATE, "C1")).as("the blocked attempt took no slot")
                .isZero();
    }

    @Test
    void withoutPacingEverySlotIsFree() {
        GatewayFixture fx = new GatewayFixture(slack, GatewayFixture.fast());
        for (int i = 0; i < 100; i++) {
            assertThat(fx.gateway.reserveNow(SlackAction.CHAT_POST, "C1")).isZero();
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
