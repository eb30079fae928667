package dev.slackmgr.api.ratelimit;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.offset;

class ChannelRateLimiterTest {
    final AtomicLong clock = new AtomicLong(123_456_789L);

    ChannelRateLimiter limiter(double perSecond, int burst) {
        return new ChannelRateLimiter(new RateLimitConfig(perSecond, burst), clock::get);
    }

    void advanceMillis(long millis) {
        clock.addAndGet(millis * 1_000_000L);
    }

    @Test
    void freshChannelStartsFull() { // G05, rest-api.md §7.3 example
        RateLimitDecision d = limiter(1, 30).tryAcquire("C123", 1);
        assertThat(d.allowed()).isTrue();
        assertThat(d.headers()).containsExactly(
                entry("Ratelimit-Limit", "30"), entry("Ratelimit-Remaining", "29"), entry("Ratelimit-Reset", "1"));
    }

    @Test
    void exhaustedBucketIsRefusedWithRetryAfter() { // G02
        ChannelRateLimiter limiter = limiter(0.001, 1);
        assertThat(limiter.tryAcquire("C123", 1).allowed()).isTrue();
        advanceMillis(5);
        RateLimitDecision refused = limiter.tryAcquire("C123", 1);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.headers()).containsExactly(entry("Retry-After", "1000"), entry("Ratelimit-Limit", "1"),
                entry("Ratelimit-Remaining", "0"), entry("Ratelimit-Reset", "1000"));
        assertThat(refused.refusalMessage()).isEqualTo("Rate limit exceeded for 1 alerts in channel C123");
    }

    @Test
    void successHeadersForFiveOfTen() { // G03
        RateLimitDecision d = limiter(100, 10).tryAcquire("C123", 5);
        assertThat(d.headers()).containsExactly(
                entry("Ratelimit-Limit", "10"), entry("Ratelimit-Remaining", "5"), entry("Ratelimit-Reset", "1"));
    }

    @Test
    void mostConstrainedChannelIsReported() { // G03 also
        ChannelRateLimiter limiter = limiter(100, 10);
        RateLimitStatus a = limiter.tryAcquire("C123", 2).status();
        RateLimitStatus b = limiter.tryAcquire("C456", 1).status();
        assertThat(RateLimitStatus.mostConstrained(List.of(a, b))).contains(a);
        assertThat(a.headers()).containsEntry("Ratelimit-Remaining", "8");
        assertThat(RateLimitStatus.mostConstrained(List.of())).isEmpty();
    }

    @Test
    void tiesGoToTheFirstEvaluated() {
        ChannelRateLimiter limiter = limiter(1, 10);
        RateLimitStatus a = limiter.tryAcquire("C1", 3).status();
        RateLimitStatus b = limiter.tryAcquire("C2", 3).status();
        assertThat(RateLimitStatus.mostConstrained(List.of(a, b))).contains(a);
        assertThat(RateLimitStatus.mostConstrained(List.of(b, a))).contains(b);
    }

    @Test
    void channelsAreIndependent() { // G04
        ChannelRateLimiter limiter = limiter(1, 2);
        assertThat(limiter.tryAcquire("C123", 2).allowed()).isTrue();
        assertThat(limiter.tryAcquire("C456", 2).allowed()).isTrue();
        assertThat(limiter.tryAcquire("C123", 1).allowed()).isFalse();
    }

    @Test
    void drainedDefaultBucket() { // G05
        ChannelRateLimiter limiter = limiter(1, 30);
        RateLimitDecision all = limiter.tryAcquire("C123", 30);
        assertThat(all.headers()).containsEntry("Ratelimit-Remaining", "0").containsEntry("Ratelimit-Reset", "30");
        advanceMillis(1);
        RateLimitDecision next = limiter.tryAcquire("C123", 1);
        assertThat(next.allowed()).isFalse();
        assertThat(next.headers()).containsEntry("Retry-After", "1");
    }

    @Test
    void refusalConsumesNothing() { // G06
        ChannelRateLimiter limiter = limiter(0.001, 3);
        assertThat(limiter.tryAcquire("C123", 2).headers()).containsEntry("Ratelimit-Remaining", "1");
        RateLimitDecision b = limiter.tryAcquire("C123", 2);
        assertThat(b.allowed()).isFalse();
        assertThat(b.headers()).containsEntry("Retry-After", "1000");
        RateLimitDecision c = limiter.tryAcquire("C123", 1);
        assertThat(c.allowed()).isTrue();
        assertThat(c.headers()).containsEntry("Ratelimit-Remaining", "0");
    }

    @Test
    void tokensRefillContinuouslyAndFractionally() {
        ChannelRateLimiter limiter = limiter(2, 4);
        limiter.tryAcquire("C1", 4);
        advanceMillis(250); // 0.5 token
        RateLimitDecision refused = limiter.tryAcquire("C1", 1);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.status().tokens()).isCloseTo(0.5, offset(1e-9));
        assertThat(refused.retryAfterSeconds()).isEqualTo(1); // ceil(0.5 / 2)
        advanceMillis(250);
        assertThat(limiter.tryAcquire("C1", 1).allowed()).isTrue();
        advanceMillis(1_000); // +2 tokens
        RateLimitDecision two = limiter.tryAcquire("C1", 2);
        assertThat(two.allowed()).isTrue();
        assertThat(limiter.tryAcquire("C1", 1).allowed()).isFalse();
    }

    @Test
    void retryAfterCountsAllRequestedTokens() {
        ChannelRateLimiter limiter = limiter(0.5, 10);
        limiter.tryAcquire("C1", 10);
        RateLimitDecision refused = limiter.tryAcquire("C1", 3);
        assertThat(refused.retryAfterSeconds()).isEqualTo(6); // ceil(3 / 0.5)
        assertThat(refused.refusalMessage()).isEqualTo("Rate limit exceeded for 3 alerts in channel C1");
    }

    @Test
    void bucketNeverExceedsCapacity() {
        ChannelRateLimiter limiter = limiter(10, 5);
        limiter.tryAcquire("C1", 1);
        advanceMillis(60_000);
        RateLimitStatus status = limiter.status("C1");
        assertThat(status.tokens()).isEqualTo(5.0);
        assertThat(status.resetSeconds()).isZero();
        assertThat(status.headers()).containsEntry("Ratelimit-Remaining", "5").containsEntry("Ratelimit-Reset", "0");
    }

    @Test
    void statusOfUnseenChannelIsAFullBucketAndCreatesNothing() {
        ChannelRateLimiter limiter = limiter(1, 3);
        assertThat(limiter.status("C9").tokens()).isEqualTo(3.0);
        assertThat(limiter.tryAcquire("C9", 3).allowed()).isTrue();
    }

    @Test
    void channelIdsAreUpperCased() {
        ChannelRateLimiter limiter = limiter(1, 1);
        assertThat(limiter.tryAcquire("c123", 1).status().channelId()).isEqualTo("C123");
        assertThat(limiter.tryAcquire("C123", 1).allowed()).isFalse();
    }

    @Test
    void moreThanCapacityIsNeverGrantedAndWaitIsCapped() {
        ChannelRateLimiter limiter = limiter(0.001, 5);
        RateLimitDecision d = limiter.tryAcquire("C1", 100);
        assertThat(d.allowed()).isFalse();
        assertThat(d.retryAfterSeconds()).isEqualTo(86_400);
    }

    @Test
    void nMustBePositive() {
        assertThatThrownBy(() -> limiter(1, 1).tryAcquire("C1", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reconfigureAppliesToNewAndExistingBuckets() {
        ChannelRateLimiter limiter = limiter(1, 30);
        limiter.tryAcquire("C1", 10); // 20 left
        limiter.reconfigure(new RateLimitConfig(100, 5));
        assertThat(limiter.config()).isEqualTo(new RateLimitConfig(100, 5));

        RateLimitDecision fresh = limiter.tryAcquire("C2", 1);
        assertThat(fresh.headers()).containsEntry("Ratelimit-Limit", "5").containsEntry("Ratelimit-Remaining", "4");

        RateLimitDecision existing = limiter.tryAcquire("C1", 1);
        assertThat(existing.headers()).containsEntry("Ratelimit-Limit", "5").containsEntry("Ratelimit-Remaining", "4");
    }

    @Test
    void raisingTheBurstDoesNotRefillExistingBuckets() {
        ChannelRateLimiter limiter = limiter(0.001, 2);
        limiter.tryAcquire("C1", 2);
        limiter.reconfigure(new RateLimitConfig(0.001, 10));
        assertThat(limiter.tryAcquire("C1", 1).allowed()).isFalse();
        assertThat(limiter.status("C1").limit()).isEqualTo(10);
    }

    @Test
    void concurrentTakesNeverOverdraw() throws Exception {
        ChannelRateLimiter limiter = new ChannelRateLimiter(new RateLimitConfig(0.001, 1000));
        AtomicLong granted = new AtomicLong();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    if (limiter.tryAcquire("C1", 1).allowed()) {
                        granted.incrementAndGet();
                    }
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        // 1000 initial tokens plus at most a few refilled during the run at 0.001/s
        assertThat(granted.get()).isBetween(1000L, 1001L);
    }

    @Test
    void successHeadersHaveNoRetryAfter() {
        Map<String, String> h = limiter(1, 1).tryAcquire("C1", 1).headers();
        assertThat(h).containsOnlyKeys("Ratelimit-Limit", "Ratelimit-Remaining", "Ratelimit-Reset");
    }
}
