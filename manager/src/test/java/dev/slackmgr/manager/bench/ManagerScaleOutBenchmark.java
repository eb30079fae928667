package dev.slackmgr.manager.bench;

import dev.slackmgr.common.queue.QueueKeys;
import dev.slackmgr.common.queue.QueueOptions;
import dev.slackmgr.common.queue.RedisStreamQueueProducer;
import dev.slackmgr.common.queue.redis.QueueConnection;
import dev.slackmgr.common.queue.redis.RedisConnector;
import dev.slackmgr.common.testing.TestRedis;
import dev.slackmgr.common.testing.slack.FakeMessages.FakeMessage;
import dev.slackmgr.common.testing.slack.FakeSlack;
import dev.slackmgr.common.testing.slack.FakeWorkspace;
import dev.slackmgr.manager.ManagerApplication;
import dev.slackmgr.manager.testing.TestPostgres;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Scale-out storm: the {@link StormPlan} drained by 1, 2, … manager <em>processes</em> (child JVMs running
 * {@link ManagerApplication} on this class path, {@code -Xmx512m} each) sharing one Redis, one fresh PostgreSQL
 * database per run and one rate-limited {@link FakeSlack} (50 ms latency, the limits of {@link BenchManager})
 * in this JVM. The managers are started and healthy before the storm is written; the clock starts at the first
 * send. Per process count it prints a {@code RESULT} line: time until the managers' summed
 * {@code slackmgr_queue_messages_processed_total{queue_type="alert"}} (scraped from {@code /actuator/prometheus})
 * reaches the number written, time until every issue's newest post shows its last alert, Slack calls per issue,
 * 429s, and correctness: issues with exactly one live top-level post in the fake (no duplicate, none missing).
 * Baseline in the same run: {@link QueueBaseline} (no-op consumer in this JVM).
 *
 * <p>Arguments: [alerts (20000)] [channels (20)] [correlation IDs per channel (10)] [max wait s (300)]
 * [process counts, comma-separated (1,2,3)].
 */
public final class ManagerScaleOutBenchmark {
    public static void main(String[] args) throws Exception {
        int alerts = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int channels = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int corrIds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int maxSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        String counts = args.length > 4 ? args[4] : "1,2,3";
        StormPlan plan = new StormPlan(alerts, channels, corrIds);
        System.out.printf("storm: %,d alerts, %d channels x %d correlation IDs = %,d issues, %d sends%n",
                plan.total(), channels, corrIds, plan.issues(), plan.sends().size());
        TestPostgres.database(); // start the embedded server (if any) before the clock runs
        for (String c : counts.split(",")) {
            int n = Integer.parseInt(c.trim());
            double baseline = QueueBaseline.seconds(plan);
            System.out.printf("baseline (queue only, no-op handler): %.2f s%n", baseline);
            run(plan, n, maxSeconds, baseline);
        }
        System.exit(0);
    }

    private static void run(StormPlan plan, int processes, int maxSeconds, double baseline) throws Exception {
        FakeWorkspace workspace = new FakeWorkspace("U0BOT");
        plan.channels().forEach(c -> workspace.channel(c, "bench-" + c.toLowerCase()));
        List<Child> children = new ArrayList<>();
        try (FakeSlack slack = new FakeSlack(workspace)) {
            slack.latency(BenchManager.SLACK_LATENCY);
            slack.limitPerChannelPerSecond("chat.postMessage", BenchManager.POSTS_PER_CHANNEL_PER_SECOND);
            slack.limitPerMinute("chat.update", BenchManager.UPDATES_PER_MINUTE);
            String run = UUID.randomUUID().toString().substring(0, 8);
            String prefix = "bench-" + run;
            TestPostgres.Database db = TestPostgres.createDatabase();
            List<String> args = List.of("--spring.datasource.url=" + db.jdbcUrl(),
                    "--spring.datasource.username=" + db.user(), "--spring.datasource.password=" + db.password(),
                    "--spring.data.redis.url=" + TestRedis.url(), "--slackmgr.queue.key-prefix=" + prefix,
                    "--slackmgr.lock-key-prefix=bench-lock-" + run + ":", "--slackmgr.slack.gate-key=bench-gate-" + run,
                    "--slackmgr.slack.api-url=" + slack.apiUrl(), "--slackmgr.slack.bot-token=xoxb-bench",
                    "--logging.level.root=WARN", "--logging.level.dev.slackmgr=WARN",
                    "--logging.level.com.slack.api=ERROR");
            long startup = System.nanoTime();
            for (int i = 0; i < processes; i++) {
                children.add(Child.start("scaleout-" + processes + "-" + i, args));
            }
            for (Child ch : children) {
                ch.awaitHealthy(Duration.ofSeconds(180));
            }
            System.out.printf("%d manager process(es) healthy after %.1f s%n", processes, since(startup));
            slack.clearCalls();
            QueueOptions options = QueueOptions.defaults().withKeyPrefix(prefix);
            try (RedisConnector connector = RedisConnector.standalone(TestRedis.url());
                 QueueConnection connection = connector.connect()) {
                RedisStreamQueueProducer producer = new RedisStreamQueueProducer(connection, QueueKeys.ALERTS, options);
                long start = System.nanoTime();
                for (StormPlan.Send s : plan.sends()) {
                    producer.send(s.channel(), s.bodies());
                }
                System.out.printf("written in %.2f s%n", since(start));
                long deadline = start + maxSeconds * 1_000_000_000L;
                boolean drained = waitFor(() -> processed(children) >= plan.total(), deadline, start, children, slack);
                double drain = since(start);
                long processed = processed(children);
                Map<String, Long> perProcess = new TreeMap<>();
                for (Child ch : children) {
                    perProcess.put(ch.name, ch.processed());
                }
                System.out.printf("%s after %.2f s: %,d of %,d processed; per process %s; ratio to baseline %.1f x%n",
                        drained ? "DRAINED" : "NOT DRAINED (gave up)", drain, processed, plan.total(), perProcess,
                        drain / baseline);
                Map<String, Map<String, String>> markers = plan.finalMarkers();
                boolean current = waitFor(() -> FinalPosts.showingLastAlert(slack, markers) == plan.issues(),
                        deadline, start, children, slack);
                double fin = since(start);
                int showing = FinalPosts.showingLastAlert(slack, markers);
                System.out.printf("%s after %.2f s: %d of %d issues' posts show their last alert%n",
                        current ? "SLACK FINAL" : "SLACK NOT FINAL (gave up)", fin, showing, plan.issues());
                long calls = slack.calls().size();
                Map<String, Long> byMethod = new TreeMap<>();
                slack.calls().forEach(c -> byMethod.merge(c.method(), 1L, Long::sum));
                long r429 = byMethod.keySet().stream().mapToLong(m -> slack.rejectedCount(m, 429)).sum();
                int[] posts = livePosts(slack, plan);
                StringBuilder rss = new StringBuilder();
                for (Child ch : children) {
                    rss.append(rss.length() == 0 ? "" : ",").append(ch.rssMiB());
                }
                System.out.printf("Slack calls: %d (%.2f per issue) %s; 429s %d; issues with one live post %d,"
                                + " with duplicates %d, without %d; RSS MiB per process %s%n", calls,
                        (double) calls / plan.issues(), byMethod, r429, posts[0], posts[1], posts[2], rss);
                System.out.printf("RESULT processes=%d drained=%s drain_s=%.2f baseline_s=%.2f final=%s final_s=%.2f"
                                + " calls_per_issue=%.2f r429=%d one_post=%d duplicates=%d missing=%d issues=%d"
                                + " rss_mib=%s%n", processes, drained, drain, baseline, current, fin,
                        (double) calls / plan.issues(), r429, posts[0], posts[1], posts[2], plan.issues(), rss);
            }
        } finally {
            children.forEach(Child::close);
        }
    }

    /** {issues with exactly one live top-level post, issues with more than one, issues with none}. */
    private static int[] livePosts(FakeSlack slack, StormPlan plan) {
        int one = 0;
        int dup = 0;
        int none = 0;
        for (Map.Entry<String, Map<String, String>> ch : plan.finalMarkers().entrySet()) {
            Map<String, Integer> n = new HashMap<>();
            for (FakeMessage m : slack.messages().of(ch.getKey())) {
                Object corr = m.eventPayload().get("correlationId");
                if (m.threadTs() == null && corr != null) {
                    n.merge(corr.toString(), 1, Integer::sum);
                }
            }
            for (String corr : ch.getValue().keySet()) {
                int k = n.getOrDefault(corr, 0);
                if (k == 1) {
                    one++;
                } else if (k > 1) {
                    dup++;
                } else {
                    none++;
                }
            }
        }
        return new int[] {one, dup, none};
    }

    private static long processed(List<Child> children) {
        long sum = 0;
        for (Child ch : children) {
            sum += ch.processed();
        }
        return sum;
    }

    private static boolean waitFor(BooleanSupplier done, long deadline, long start, List<Child> children,
                                   FakeSlack slack) throws InterruptedException {
        long nextReport = System.nanoTime() + 10_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            if (System.nanoTime() > nextReport) {
                System.out.printf("  %.0f s: %,d processed, %d Slack calls%n", since(start), processed(children),
                        slack.calls().size());
                nextReport += 10_000_000_000L;
            }
            Thread.sleep(500);
        }
        return true;
    }

    private static double since(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** One manager child JVM; its processed count read from its Prometheus scrape. */
    private static final class Child implements AutoCloseable {
        private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final String name;
        private final Process process;
        private final int port;
        private final File log;
        private long lastProcessed;

        private Child(String name, Process process, int port, File log) {
            this.name = name;
            this.process = process;
            this.port = port;
            this.log = log;
        }

        static Child start(String name, List<String> args) throws IOException {
            int port = freePort();
            List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                    "-cp", System.getProperty("java.class.path"), ManagerApplication.class.getName(),
                    "--server.port=" + port));
            cmd.addAll(args);
            Files.createDirectories(Path.of("target"));
            File log = Path.of("target", "manager-" + name + ".log").toFile();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
            return new Child(name, p, port, log);
        }

        void awaitHealthy(Duration max) throws InterruptedException {
            long deadline = System.nanoTime() + max.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("manager exited with " + process.exitValue() + ", see " + log);
                }
                try {
                    if (get("/actuator/health").statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("manager not healthy within " + max + ", see " + log);
        }

        /** Sum of the alert queue's processed counter (all results); the last value seen if a scrape fails. */
        long processed() {
            try {
                HttpResponse<String> r = get("/actuator/prometheus");
                long sum = 0;
                for (String line : r.body().split("\n")) {
                    if (line.startsWith("slackmgr_queue_messages_processed_total{") && line.contains("queue_type=\"alert\"")) {
                        sum += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    }
                }
                lastProcessed = sum;
            } catch (IOException e) {
                // keep the last value
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return lastProcessed;
        }

        String rssMiB() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return String.valueOf(Long.parseLong(line.replaceAll("\\D", "")) >> 10);
                    }
                }
            } catch (IOException | NumberFormatException e) {
                return "n/a";
            }
            return "n/a";
        }

        private HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
