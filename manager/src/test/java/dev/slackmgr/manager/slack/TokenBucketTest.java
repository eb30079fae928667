package dev.slackmgr.manager.slack;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenBucketTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final TokenBucket bucket = new TokenBucket(new SlackClientSettings.Rate(2.0, 3), now::get);

    @Test
    void burstIsFreeThenReservationsAreSpacedByTheRate() {
        Duration max = Duration.ofMinutes(1);
        assertThat(bucket.reserve(max)).isZero();
        assertThat(bucket.reserve(max)).isZero();
        assertThat(bucket.reserve(max)).isZero();
        assertThat(bucket.reserve(max)).isEqualTo(Duration.ofMillis(500));
        assertThat(bucket.reserve(max)).isEqualTo(Duration.ofMillis(1000));

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(bucket.reserve(max)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void refillsUpToTheBurstOnly() {
        Duration max = Duration.ofMinutes(1);
        for (int i = 0; i < 3; i++) {
            bucket.reserve(max);
        }
        now.addAndGet(Duration.ofMinutes(10).toNanos());
        for (int i = 0; i < 3; i++) {
            assertThat(bucket.reserve(max)).isZero();
        }
        assertThat(bucket.reserve(max)).isPositive();
    }

    @Test
    void reservationBeyondMaxWaitTakesNothing() {
        for (int i = 0; i < 3; i++) {
            bucket.reserve(Duration.ZERO);
        }
        assertThat(bucket.reserve(Duration.ofMillis(100))).isNull();
        assertThat(bucket.reserve(Duration.ofMillis(500))).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void waitTimeSaysWhenTheNextTokenIsFreeWithoutTakingIt() {
        assertThat(bucket.waitTime()).isZero();
        assertThat(bucket.waitTime()).isZero();
        for (int i = 0; i < 3; i++) {
            assertThat(bucket.reserve(Duration.ZERO)).isZero();
        }
        assertThat(bucket.waitTime()).isEqualTo(Duration.ofMillis(500));
        assertThat(bucket.waitTime()).as("asking takes nothing").isEqualTo(Duration.ofMillis(500));

        now.addAndGet(Duration.ofMillis(200).toNanos());
        assertThat(bucket.waitTime()).isEqualTo(Duration.ofMillis(300));
        now.addAndGet(Duration.ofMillis(300).toNanos());
        assertThat(bucket.waitTime()).isZero();
        assertThat(bucket.reserve(Duration.ZERO)).isZero();
        assertThat(bucket.waitTime()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void waitTimeCountsReservationsAlreadyQueued() {
        for (int i = 0; i < 3; i++) {
            bucket.reserve(Duration.ZERO);
        }
        assertThat(bucket.reserve(Duration.ofMinutes(1))).isEqualTo(Duration.ofMillis(500));
        assertThat(bucket.waitTime()).isEqualTo(Duration.ofMillis(1000));
        now.addAndGet(Duration.ofMillis(250).toNanos());
        assertThat(bucket.waitTime()).isEqualTo(Duration.ofMillis(750));
        assertThat(bucket.reserve(Duration.ZERO)).as("a zero-wait reservation agrees with waitTime").isNull();
    }

    @Test
    void waitTimeNeverExceedsTheRefillOfOneTokenAfterAnIdlePeriod() {
        for (int i = 0; i < 3; i++) {
            bucket.reserve(Duration.ZERO);
        }
        now.addAndGet(Duration.ofHours(1).toNanos());
        for (int i = 0; i < 3; i++) {
            assertThat(bucket.waitTime()).isZero();
            assertThat(bucket.reserve(Duration.ZERO)).isZero();
        }
        assertThat(bucket.waitTime()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void rejectsNonsenseRates() {
        assertThatThrownBy(() -> new SlackClientSettings.Rate(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlackClientSettings.Rate(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
