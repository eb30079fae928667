package dev.slackmgr.manager.bench;

import dev.slackmgr.common.testing.slack.FakeSlack;
import dev.slackmgr.manager.issue.Issue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * Storm drain of one manager (see {@link BenchManager} for Redis, PostgreSQL and the rate-limited fake Slack):
 * writes a {@link StormPlan} to the alert queue and reports the time until every alert is processed (the
 * manager's {@code slackmgr.alerts.processed} counter reaches the number sent; each alert's issue is committed
 * before it counts, which is then cross-checked against the sum of the issues' {@code alertCount} in PostgreSQL),
 * the time until every issue's post shows its last alert, Slack calls per issue by method, 429s and memory.
 * Baseline in the same run: the same sends drained by a no-op consumer ({@link QueueBaseline}).
 * Arguments: [alerts (100000)] [channels (100)] [correlation IDs per channel (10)] [max wait s (300)].
 */
public final class ManagerStormBenchmark {
    public static void main(String[] args) throws Exception {
        int alerts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int channels = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int corrIds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int maxSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        StormPlan plan = new StormPlan(alerts, channels, corrIds);
        System.out.printf("storm: %,d alerts, %d channels x %d correlation IDs = %,d issues, %d sends%n",
                plan.total(), channels, corrIds, plan.issues(), plan.sends().size());
        double baseline = QueueBaseline.seconds(plan);
        System.out.printf("baseline (queue only, no-op handler): %.2f s (%,.0f alerts/s)%n",
                baseline, plan.total() / baseline);
        try (BenchManager manager = new BenchManager(plan.channels())) {
            run(manager, plan, baseline, maxSeconds);
        }
        System.exit(0);
    }

    private static void run(BenchManager manager, StormPlan plan, double baseline, int maxSeconds)
            throws InterruptedException {
        long start = System.nanoTime();
        for (StormPlan.Send s : plan.sends()) {
            manager.queue().send(s.channel(), s.bodies());
        }
        System.out.printf("written in %.2f s%n", since(start));
        long deadline = start + maxSeconds * 1_000_000_000L;
        boolean drained = waitFor(() -> manager.processedTotal() >= plan.total(), deadline, start, manager);
        double drain = since(start);
        long applied = manager.processedTotal();
        long inDb = alertCountInDb(manager, plan);
        System.out.printf("%s after %.2f s: %,d of %,d alerts processed (%,.0f alerts/s), outcomes %s;"
                        + " sum of alertCount in PostgreSQL %,d; ratio to baseline %.1f x%n",
                drained ? "DRAINED" : "NOT DRAINED (gave up)", drain, applied, plan.total(), applied / drain,
                manager.processed(), inDb, drain / baseline);
        if (!drained) {
            double rate = Math.max(applied - Math.max(firstTenSeconds, 0), 0) / Math.max(drain - 10, 1);
            System.out.printf("steady rate after the first 10 s: %.2f alerts/s; at that rate all %,d alerts would"
                    + " take %,.0f s (%.0f x baseline)%n", rate, plan.total(), plan.total() / rate,
                    plan.total() / rate / baseline);
        }
        System.out.println("memory after drain: " + ProcessStats.memory());
        Map<String, Map<String, String>> markers = plan.finalMarkers();
        boolean current = waitFor(() -> FinalPosts.showingLastAlert(manager.slack(), markers) == plan.issues(),
                deadline, start, manager);
        System.out.printf("%s after %.2f s: %d of %d issues' posts show their last alert%n",
                current ? "SLACK FINAL" : "SLACK NOT FINAL (gave up)", since(start),
                FinalPosts.showingLastAlert(manager.slack(), markers), plan.issues());
        report(manager.slack(), plan.issues());
        System.out.println("memory at end: " + ProcessStats.memory());
    }

    /** Alerts processed in the first 10 s (start-up, burst tokens), left out of the steady rate; -1 = not yet. */
    private static long firstTenSeconds = -1;

    private static long alertCountInDb(BenchManager manager, StormPlan plan) {
        long sum = 0;
        for (String channel : plan.channels()) {
            List<Issue> open = manager.store().loadOpenIssuesInChannel(channel);
            sum += open.stream().mapToLong(Issue::alertCount).sum();
        }
        return sum;
    }

    private static void report(FakeSlack slack, int issues) {
        Map<String, Long> byMethod = new TreeMap<>();
        slack.calls().forEach(c -> byMethod.merge(c.method(), 1L, Long::sum));
        long total = byMethod.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder sb = new StringBuilder();
        byMethod.forEach((m, n) -> sb.append(String.format(" %s=%d (%.2f/issue, %d x 429)", m, n,
                (double) n / issues, slack.rejectedCount(m, 429))));
        System.out.printf("Slack calls: %d (%.2f per issue):%s%n", total, (double) total / issues, sb);
    }

    private static boolean waitFor(BooleanSupplier done, long deadline, long start, BenchManager manager)
            throws InterruptedException {
        long nextReport = System.nanoTime() + 10_000_000_000L;
        while (!done.getAsBoolean()) {
            if (firstTenSeconds < 0 && since(start) >= 10) {
                firstTenSeconds = manager.processedTotal();
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            if (System.nanoTime() > nextReport) {
                System.out.printf("  %.0f s: %,d processed, %d Slack calls%n", since(start),
                        manager.processedTotal(), manager.slack().calls().size());
                nextReport += 10_000_000_000L;
            }
            Thread.sleep(50);
        }
        return true;
    }

    private static double since(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
