package dev.slackmgr.manager.e2e;

import dev.slackmgr.common.testing.RestartableRedis;
import dev.slackmgr.manager.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/reliability.md §5.3 (issue item 3, manager half): Redis goes down in the middle of a storm shared by two
 * real managers and comes back on the same port with its data (append-only file, fsync on every write, as the API
 * outage test). Alerts written while it is down are retried by the writer until Redis takes them, as a client
 * retries the API's 503. Afterwards everything written is processed exactly as the model says, the same two manager
 * JVMs did it (neither died), and no queue or channel lock is left held. Lock TTLs keep their defaults (queue lock
 * 140 s, channel lock 5 min): a lock stuck by the outage would stall its channel beyond the test's wait.
 *
 * <p>Short version: 3 s outage in a 1,500-alert storm over 30 s. Long version ({@code -Pfaults}): 30 s outage in a
 * 3,000-alert storm over 90 s.
 */
class ManagerRedisOutageTest {
    @Test
    void everythingWrittenIsProcessedAfterRedisReturnsAndLocksRecover() throws Exception {
        boolean longRun = FaultRig.longRun();
        Duration outage = Duration.ofSeconds(longRun ? 30 : 3);
        FaultStorm storm = new FaultStorm("C0REDIS", 10, 5, longRun ? 60 : 30);
        Duration spread = Duration.ofSeconds(longRun ? 90 : 30);
        RestartableRedis redis = new RestartableRedis();
        try (FaultRig rig = new FaultRig("redis", storm, redis.url(), TestPostgres.createDatabase(),
                s -> { }, FaultRig.FAST_UPDATES)) {
            Thread other = new Thread(() -> start(rig, "b"));
            other.start();
            start(rig, "a");
            other.join();
            Map<String, ManagerProcess> managers = rig.managers();
            assertThat(managers).hasSize(2);
            long start = System.nanoTime();
            Thread feeder = rig.feed(spread);
            Thread.sleep(spread.toMillis() * 2 / 5);
            long processedBefore = managers.values().stream().mapToLong(ManagerTestSupport::processed).sum();
            redis.stop();
            double downAt = (System.nanoTime() - start) / 1e9;
            Thread.sleep(outage.toMillis());
            redis.start();
            double upAt = (System.nanoTime() - start) / 1e9;
            feeder.join();
            double fed = (System.nanoTime() - start) / 1e9;
            FaultRig.Report report = rig.awaitFinal(Duration.ofSeconds(90));
            double done = (System.nanoTime() - start) / 1e9;
            long locks = awaitNoLocks(rig, Duration.ofSeconds(20));
            System.out.printf("Redis down %.1f-%.1f s: %d alerts (%d issues), %d processed before the outage,"
                            + " %d sends refused while down and retried; fed in %.1f s; final after %.1f s: %s;"
                            + " lock keys left %d; Slack calls %s%n", downAt, upAt, storm.total(), storm.issues(),
                    processedBefore, rig.sendFailures(), fed, done, report.summary(), locks, rig.callsByMethod());
            assertThat(processedBefore).as("the outage began mid-storm").isPositive().isLessThan(storm.total());
            assertThat(rig.sendFailures()).as("the writer saw the outage").isPositive();
            assertThat(rig.managers()).as("both managers survived the outage").isEqualTo(managers);
            assertThat(rig.managerStarts()).isEqualTo(2);
            assertThat(report.problems()).as(report.summary()).isEmpty();
            assertThat(report.posts()).isEqualTo(storm.issues());
            assertThat(locks).as("no lock left held").isZero();
        } finally {
            redis.stop();
        }
    }

    /** Waits for a moment with no queue or channel lock key under the rig's prefix; returns the last count. */
    private static long awaitNoLocks(FaultRig rig, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        long n;
        do {
            n = rig.redis().sync().keys(rig.prefix + "*lock*").size();
            if (n == 0) {
                return 0;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return n;
    }

    private static void start(FaultRig rig, String slot) {
        try {
            rig.start(slot);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
