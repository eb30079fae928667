package dev.slackmgr.api.ratelimit;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
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

    static Map<String, Integer> counts(Object... kv) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Integer) kv[i + 1]);
        }
        return m;
    }

    static Acquisition.Granted granted(Acquisition a) {
        assertThat(a).isInstanceOf(Acquisition.Granted.class);
        return (Acquisition.Granted) a;
    }

    static Acquisition.Refused refused(Acquisition a) {
        assertThat(a).isInstanceOf(Acquisition.Refused.class);
        return (Acquisition.Refused) a;
    }

    @Test
    void freshChannelStartsFull() { // G05, rest-api.md §7.3 example
        assertThat(granted(limiter(1, 30).acquire("C123", 1)).headers()).containsExactly(
                entry("Ratelimit-Limit", "30"), entry("Ratelimit-Remaining", "29"), entry("Ratelimit-Reset", "1"));
    }

    @Test
    void exhaustedBucketIsRefusedWithRetryAfter() { // G02
        ChannelRateLimiter limiter = limiter(0.001, 1);
        granted(limiter.acquire("C123", 1));
        advanceMillis(5);
        Acquisition.Refused r = refused(limiter.acquire("C123", 1));
        assertThat(r.headers()).containsExactly(entry("Retry-After", "1000"), entry("Ratelimit-Limit", "1"),
                entry("Ratelimit-Remaining", "0"), entry("Ratelimit-Reset", "1000"));
        assertThat(r.message()).isEqualTo("rate limit exceeded for 1 alerts in channel C123");
        assertThat(r.channelId()).isEqualTo("C123");
        assertThat(r.alerts()).isEqualTo(1);
    }

    @Test
    void successHeadersForFiveOfTen() { // G03
        assertThat(limiter(100, 10).acquire("C123", 5).headers()).containsExactly(
                entry("Ratelimit-Limit", "10"), entry("Ratelimit-Remaining", "5"), entry("Ratelimit-Reset", "1"));
    }

    @Test
    void mostConstrainedChannelIsReported() { // G03 also
        Acquisition.Granted g = granted(limiter(100, 10).acquire(counts("C123", 2, "C456", 1)));
        assertThat(g.mostConstrained().channelId()).isEqualTo("C123");
        assertThat(g.headers()).containsEntry("Ratelimit-Remaining", "8");
        assertThat(g.channels()).extracting(RateLimitStatus::channelId).containsExactly("C123", "C456");
    }

    @Test
    void tiesGoToTheFirstChannelOfTheRequest() {
        assertThat(granted(limiter(1, 10).acquire(counts("C1", 3, "C2", 3))).mostConstrained().channelId())
                .isEqualTo("C1");
        assertThat(granted(limiter(1, 10).acquire(counts("C2", 3, "C1", 3))).mostConstrained().channelId())
                .isEqualTo("C2");
    }

    @Test
    void channelsAreIndependent() { // G04
        ChannelRateLimiter limiter = limiter(1, 2);
        granted(limiter.acquire("C123", 2));
        granted(limiter.acquire("C456", 2));
        refused(limiter.acquire("C123", 1));
    }

    @Test
    void drainedDefaultBucket() { // G05
        ChannelRateLimiter limiter = limiter(1, 30);
        assertThat(limiter.acquire("C123", 30).headers())
                .containsEntry("Ratelimit-Remaining", "0").containsEntry("Ratelimit-Reset", "30");
        advanceMillis(1);
        assertThat(refused(limiter.acquire("C123", 1)).headers()).containsEntry("Retry-After", "1");
    }

    @Test
    void refusalConsumesNothing() { // G06
        ChannelRateLimiter limiter = limiter(0.001, 3);
        assertThat(granted(limiter.acquire("C123", 2)).headers()).containsEntry("Ratelimit-Remaining", "1");
        assertThat(refused(limiter.acquire("C123", 2)).headers()).containsEntry("Retry-After", "1000");
        assertThat(granted(limiter.acquire("C123", 1)).headers()).containsEntry("Ratelimit-Remaining", "0");
    }

    @Test
    void refusalForOneChannelTakesNothingFromTheOthers() {
        ChannelRateLimiter limiter = limiter(0.001, 3);
        granted(limiter.acquire("C2", 3));
        Acquisition.Refused r = refused(limiter.acquire(counts("C1", 2, "C2", 1, "C3", 1)));
        assertThat(r.channelId()).isEqualTo("C2");
        assertThat(limiter.status("C1").tokens()).isEqualTo(3.0);
        assertThat(limiter.status("C3").tokens()).isEqualTo(3.0);
    }

    @Test
    void firstShortChannelInRequestOrderIsReported() {
        ChannelRateLimiter limiter = limiter(0.001, 1);
        granted(limiter.acquire(counts("C1", 1, "C2", 1)));
        assertThat(refused(limiter.acquire(counts("C2", 1, "C1", 1))).channelId()).isEqualTo("C2");
    }

    @Test
    void tokensRefillContinuouslyAndFractionally() {
        ChannelRateLimiter limiter = limiter(2, 4);
        granted(limiter.acquire("C1", 4));
        advanceMillis(250); // 0.5 token
        Acquisition.Refused r = refused(limiter.acquire("C1", 1));
        assertThat(r.status().tokens()).isCloseTo(0.5, offset(1e-9));
        assertThat(r.retryAfterSeconds()).isEqualTo(1); // ceil(0.5 / 2)
        advanceMillis(250);
        granted(limiter.acquire("C1", 1));
        advanceMillis(1_000); // +2 tokens
        granted(limiter.acquire("C1", 2));
        refused(limiter.acquire("C1", 1));
    }

    @Test
    void retryAfterCountsAllRequestedTokens() {
        ChannelRateLimiter limiter = limiter(0.5, 10);
        granted(limiter.acquire("C1", 10));
        Acquisition.Refused r = refused(limiter.acquire("C1", 3));
        assertThat(r.retryAfterSeconds()).isEqualTo(6); // ceil(3 / 0.5)
        assertThat(r.message()).isEqualTo("rate limit exceeded for 3 alerts in channel C1");
    }

    @Test
    void bucketNeverExceedsCapacity() {
        ChannelRateLimiter limiter = limiter(10, 5);
        granted(limiter.acquire("C1", 1));
        advanceMillis(60_000);
        RateLimitStatus status = limiter.status("C1");
        assertThat(status.tokens()).isEqualTo(5.0);
        assertThat(status.resetSeconds()).isZero();
        assertThat(status.headers()).containsEntry("Ratelimit-Remaining", "5").containsEntry("Ratelimit-Reset", "0");
    }

    @Test
    void statusOfUnseenChannelIsAFullBucket() {
        ChannelRateLimiter limiter = limiter(1, 3);
        assertThat(limiter.status("C9").tokens()).isEqualTo(3.0);
        granted(limiter.acquire("C9", 3));
    }

    @Test
    void channelIdsAreUpperCasedAndMerged() {
        ChannelRateLimiter limiter = limiter(1, 2);
        assertThat(granted(limiter.acquire("c123", 1)).mostConstrained().channelId()).isEqualTo("C123");
        refused(limiter.acquire(counts("C123", 1, "c123", 1)));
        granted(limiter.acquire("C123", 1));
    }

    @Test
    void moreThanCapacityIsNeverGrantedAndWaitIsCapped() {
        Acquisition.Refused r = refused(limiter(0.001, 5).acquire("C1", 100));
        assertThat(r.retryAfterSeconds()).isEqualTo(86_400);
    }

    @Test
    void invalidRequestsAreRejected() {
        assertThatThrownBy(() -> limiter(1, 1).acquire("C1", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limiter(1, 1).acquire(Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reconfigureAppliesToNewAndExistingBuckets() {
        ChannelRateLimiter limiter = limiter(1, 30);
        granted(limiter.acquire("C1", 10)); // 20 left
        limiter.reconfigure(new RateLimitConfig(100, 5));
        assertThat(limiter.config()).isEqualTo(new RateLimitConfig(100, 5));
        assertThat(limiter.allowedBurst()).isEqualTo(5);
        assertThat(limiter.acquire("C2", 1).headers())
                .containsEntry("Ratelimit-Limit", "5").containsEntry("Ratelimit-Remaining", "4");
        assertThat(limiter.acquire("C1", 1).headers())
                .containsEntry("Ratelimit-Limit", "5").containsEntry("Ratelimit-Remaining", "4");
    }

    @Test
    void raisingTheBurstDoesNotRefillExistingBuckets() {
        ChannelRateLimiter limiter = limiter(0.001, 2);
        granted(limiter.acquire("C1", 2));
        limiter.reconfigure(new RateLimitConfig(0.001, 10));
        refused(limiter.acquire("C1", 1));
        assertThat(limiter.status("C1").limit()).isEqualTo(10);
    }

    @Test
    void successHeadersHaveNoRetryAfter() {
        assertThat(limiter(1, 1).acquire("C1", 1).headers())
                .containsOnlyKeys("Ratelimit-Limit", "Ratelimit-Remaining", "Ratelimit-Reset");
    }

    @Test
    void concurrentTakesNeverOverdraw() throws Exception {
        ChannelRateLimiter limiter = new ChannelRateLimiter(new RateLimitConfig(0.001, 1000));
        AtomicLong grantedCount = new AtomicLong();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    if (limiter.acquire(counts("C1", 1, "C2", 1)) instanceof Acquisition.Granted) {
                        grantedCount.incrementAndGet();
                    }
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        // 1000 tokens per channel; refill at 0.001/s adds nothing within a test run
        assertThat(grantedCount.get()).isEqualTo(1000);
    }
}
