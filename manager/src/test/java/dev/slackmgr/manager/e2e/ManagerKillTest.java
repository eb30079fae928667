package dev.slackmgr.manager.e2e;

import dev.slackmgr.common.testing.TestRedis;
import dev.slackmgr.manager.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/reliability.md §5.1: three real managers (child JVMs) share a storm of alerts while random ones are killed
 * with SIGKILL (no shutdown hook, no ack, no lock release) and restarted. Afterwards the issues in PostgreSQL and
 * the posts in the fake Slack are exactly what the alerts alone imply ({@link FaultStorm}'s model): no alert lost,
 * none applied twice, exactly one post per issue, showing its last alert, nothing left in the queue.
 *
 * <p>Short version (plain {@code ./mvnw verify}): 1,500 alerts over 30 s, 3 kills. Long version
 * ({@code -Pfaults}): 10,000 alerts over 240 s, 20 kills. A kill waits until at least two managers are up, so one
 * always survives it; the killed one is restarted at once (in parallel). Locks expire after 3 s and a dead consumer's entries are
 * claimed after 2 s of idleness, so a killed manager's channels move on within seconds.
 * {@code -Dslackmgr.faults.seed=N} repeats a run's kill moments and victims.
 */
class ManagerKillTest {
    private static final java.util.Queue<Throwable> START_FAILURES = new java.util.concurrent.ConcurrentLinkedQueue<>();

    @Test
    void randomKillsDuringAStormLoseNothingAndLeaveOnePostPerIssue() throws Exception {
        boolean longRun = FaultRig.longRun();
        int kills = longRun ? 20 : 3;
        FaultStorm storm = new FaultStorm("C0KILL", 10, 5, longRun ? 200 : 30);
        Duration spread = Duration.ofSeconds(longRun ? 240 : 30);
        long seed = Long.getLong("slackmgr.faults.seed", System.nanoTime());
        Random random = new Random(seed);
        List<String> args = new ArrayList<>(List.of("--slackmgr.queue.lock-ttl=3s",
                "--slackmgr.queue.claim-min-idle-time=2s", "--slackmgr.channel-lock-ttl=3s"));
        args.addAll(FaultRig.FAST_UPDATES);
        try (FaultRig rig = new FaultRig("kill", storm, TestRedis.url(), TestPostgres.createDatabase(), s -> { },
                args)) {
            List<String> slots = List.of("a", "b", "c");
            for (Thread t : slots.stream().map(slot -> restart(rig, slot)).toList()) {
                t.join();
            }
            assertThat(rig.managers()).hasSize(3);
            long start = System.nanoTime();
            Thread feeder = rig.feed(spread);
            List<Thread> restarts = new ArrayList<>();
            List<String> log = new ArrayList<>();
            for (int i = 0; i < kills; i++) {
                long gap = spread.toMillis() / kills;
                Thread.sleep(gap / 2 + (long) (random.nextDouble() * gap));
                Map<String, ManagerProcess> alive = rig.managers();
                while (alive.size() < 2) { // one manager always survives a kill

                    Thread.sleep(200);
                    alive = rig.managers();
                }
                List<String> candidates = new ArrayList<>(alive.keySet());
                String slot = candidates.get(random.nextInt(candidates.size()));
                alive.get(slot).kill();
                log.add(String.format("%.1fs:%s(%d up)", (System.nanoTime() - start) / 1e9, slot, alive.size()));
                restarts.add(restart(rig, slot));
            }
            feeder.join();
            double fed = (System.nanoTime() - start) / 1e9;
            FaultRig.Report report = rig.awaitFinal(Duration.ofMinutes(longRun ? 5 : 2));
            double done = (System.nanoTime() - start) / 1e9;
            // a restart still starting when the final state is reached is not waited for (it is stopped)
            long restarted = restarts.stream().filter(t -> !t.isAlive()).count();
            for (Thread t : restarts) {
                t.interrupt();
                t.join();
            }
            System.out.printf("kill -9 (seed %d): %d alerts (%d issues, %d sent) in %.1f s, %d kills %s,"
                            + " %d restarts done by then; final after %.1f s: %s; Slack calls %s%n", seed,
                    storm.total(), storm.issues(), rig.sentAlerts(), fed, kills, log, restarted, done,
                    report.summary(), rig.callsByMethod());
            assertThat(START_FAILURES).as("every restart came up or was stopped at the end").isEmpty();
            assertThat(rig.sentAlerts()).isEqualTo(storm.total());
            assertThat(log).hasSize(kills);
            assertThat(report.problems()).as(report.summary()).isEmpty();
            assertThat(report.posts()).isEqualTo(storm.issues());
            assertThat(report.maxPostsPerIssue()).isEqualTo(1);
            assertThat(rig.slack().callCount("chat.delete")).isZero();
        }
    }

    /** Starts a manager in {@code slot} in a new thread; interrupting the thread stops a start in progress. */
    private static Thread restart(FaultRig rig, String slot) {
        Thread t = new Thread(() -> {
            try {
                rig.start(slot);
            } catch (InterruptedException stopped) {
                // the test is over
            } catch (Exception e) {
                START_FAILURES.add(new IllegalStateException("manager " + slot + " did not start", e));
            }
        }, "start-" + slot);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
