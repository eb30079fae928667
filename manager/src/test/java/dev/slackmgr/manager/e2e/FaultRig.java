package dev.slackmgr.manager.e2e;

import dev.slackmgr.common.queue.QueueKeys;
import dev.slackmgr.common.queue.QueueOptions;
import dev.slackmgr.common.queue.RedisStreamQueueProducer;
import dev.slackmgr.common.queue.redis.QueueConnection;
import dev.slackmgr.common.queue.redis.RedisConnector;
import dev.slackmgr.common.testing.slack.FakeMessages.FakeMessage;
import dev.slackmgr.common.testing.slack.FakeSlack;
import dev.slackmgr.common.testing.slack.FakeWorkspace;
import dev.slackmgr.manager.testing.TestPostgres;
import io.lettuce.core.Range;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The fixture of the manager fault scenarios (docs/reliability.md §5): a {@link FaultStorm}, a fake Slack whose
 * workspace has the storm's channels, a database, a Redis (queue, lock and gate keys under a fresh prefix) and
 * any number of real managers in child JVMs ({@link ManagerProcess}). {@link #check()} compares the reference
 * model with PostgreSQL, the fake Slack's channel state and the queue.
 *
 * <p>Issue reordering is off (settings file), so a post is never deleted and re-posted on purpose: every top-level
 * message in the fake is one {@code chat.postMessage} that succeeded, and "one post per issue" is exact.
 */
final class FaultRig implements AutoCloseable {
    private final String name;
    final FaultStorm storm;
    final FakeSlack slack;
    final TestPostgres.Database db;
    final String prefix;
    private final String redisUrl;
    private final RedisConnector connector;
    private final QueueConnection connection;
    private final RedisStreamQueueProducer producer;
    private final QueueKeys keys;
    private final List<String> args;
    private final Map<String, ManagerProcess> managers = new ConcurrentHashMap<>();
    private final List<ManagerProcess> all = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger starts = new AtomicInteger();
    private final AtomicLong sendFailures = new AtomicLong();
    private final AtomicLong sentAlerts = new AtomicLong();

    /** @param extraArgs manager arguments ({@code --key=value}) added to (and overriding) the rig's */
    FaultRig(String name, FaultStorm storm, String redisUrl, TestPostgres.Database db, Consumer<FakeSlack> slackSetUp,
             List<String> extraArgs) {
        this.name = name;
        this.storm = storm;
        this.db = db;
        this.redisUrl = redisUrl;
        FakeWorkspace workspace = new FakeWorkspace("U0BOT");
        storm.channels().forEach(c -> workspace.channel(c, "fault-" + c.toLowerCase()));
        slack = new FakeSlack(workspace);
        slackSetUp.accept(slack);
        prefix = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        keys = new QueueKeys(prefix, QueueKeys.ALERTS);
        connector = RedisConnector.standalone(redisUrl);
        connection = connector.connect();
        connection.setTimeout(Duration.ofSeconds(2));
        producer = new RedisStreamQueueProducer(connection, QueueKeys.ALERTS,
                QueueOptions.defaults().withKeyPrefix(prefix));
        Path settings;
        try {
            settings = Files.createTempFile("slackmgr-" + name, ".yaml");
            Files.writeString(settings, "disableIssueReordering: true\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> a = new ArrayList<>(List.of("--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.user(), "--spring.datasource.password=" + db.password(),
                "--spring.data.redis.url=" + redisUrl, "--slackmgr.queue.key-prefix=" + prefix,
                "--slackmgr.lock-key-prefix=" + prefix + ":", "--slackmgr.slack.gate-key=" + prefix + ":gate",
                "--slackmgr.slack.api-url=" + slack.apiUrl(), "--slackmgr.slack.bot-token=xoxb-fault",
                "--slackmgr.settings-file=" + settings, "--logging.level.com.slack.api=WARN"));
        a.addAll(extraArgs);
        args = List.copyOf(a);
    }

    FakeSlack slack() {
        return slack;
    }

    /**
     * Pacing of {@code chat.update} raised from Slack's 45/min to 10/s, for the scenarios that are not about Slack's
     * limits (the fake enforces none there): the final state is reached in seconds instead of a minute per 45 issues.
     */
    static final List<String> FAST_UPDATES = List.of("--slackmgr.slack.pacing.chat-update.per-second=10",
            "--slackmgr.slack.pacing.chat-update.burst=10");

    static boolean longRun() {
        return "long".equals(System.getProperty("slackmgr.faults"));
    }

    // ---- managers ----

    /** Starts a manager in {@code slot} (replacing a dead one there) and waits until it is healthy. */
    ManagerProcess start(String slot) throws IOException, InterruptedException {
        ManagerProcess m = ManagerProcess.start(name + "-" + slot + "-" + starts.incrementAndGet(), args,
                Duration.ofSeconds(180));
        all.add(m);
        managers.put(slot, m);
        return m;
    }

    /** The running (healthy when started, not yet killed) manager of each slot. */
    Map<String, ManagerProcess> managers() {
        Map<String, ManagerProcess> out = new TreeMap<>();
        managers.forEach((slot, m) -> {
            if (m.isAlive()) {
                out.put(slot, m);
            }
        });
        return out;
    }

    int managerStarts() {
        return starts.get();
    }

    // ---- alerts ----

    /**
     * Writes the storm's rounds in order, spread evenly over {@code spread}, in a background thread. A send that
     * fails (e.g. Redis down) is retried every 200 ms until it succeeds, as a client retries a 503: the queue then
     * holds the alerts at least once, never a later send before an earlier one of the same channel.
     */
    Thread feed(Duration spread) {
        Thread t = new Thread(() -> {
            List<List<FaultStorm.Send>> rounds = storm.rounds();
            long start = System.nanoTime();
            for (int r = 0; r < rounds.size(); r++) {
                long due = start + spread.toNanos() * r / rounds.size();
                sleepNanos(due - System.nanoTime());
                for (FaultStorm.Send s : rounds.get(r)) {
                    sendRetrying(s);
                }
            }
        }, "fault-feeder");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void sendRetrying(FaultStorm.Send s) {
        while (true) {
            try {
                producer.send(s.channel(), s.bodies());
                sentAlerts.addAndGet(s.bodies().size());
                return;
            } catch (RuntimeException e) {
                sendFailures.incrementAndGet();
                sleepNanos(200_000_000L);
            }
        }
    }

    long sendFailures() {
        return sendFailures.get();
    }

    long sentAlerts() {
        return sentAlerts.get();
    }

    // ---- checks ----

    /** What {@link #check()} found: problems (empty = the final state matches the model) and figures. */
    record Report(List<String> problems, int issueRows, int posts, int maxPostsPerIssue, int pendingPosts,
                  long unfinishedQueueEntries, long deadLetters, long alertCountSum) {
        boolean ok() {
            return problems.isEmpty();
        }

        String summary() {
            return String.format("issues in PostgreSQL %d, posts %d (max %d per issue), owed Slack writes %d,"
                            + " unfinished queue entries %d, dead letters %d, sum of alertCount %d, problems %d%s",
                    issueRows, posts, maxPostsPerIssue, pendingPosts, unfinishedQueueEntries, deadLetters,
                    alertCountSum, problems.size(), problems.isEmpty() ? "" : ": " + problems.subList(0,
                            Math.min(10, problems.size())));
        }
    }

    /** Compares the model with PostgreSQL, the fake Slack's channel state and the queue. */
    Report check() {
        List<String> problems = new ArrayList<>();
        Map<String, FaultStorm.Expected> expected = storm.expected();
        // PostgreSQL: one issue per correlation ID, in the state the alerts imply, its post made
        Map<String, String> postOf = new HashMap<>();
        int rows = 0;
        int pending;
        long alertSum = 0;
        try (Connection c = db.connect()) {
            Map<String, Integer> seen = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("select channel_id, correlation_id, slack_post_id,"
                    + " (attrs->>'alertCount')::int, attrs->'lastAlert'->>'text', attrs->'lastAlert'->>'severity'"
                    + " from issues");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows++;
                    String key = FaultStorm.key(r.getString(1), r.getString(2));
                    seen.merge(key, 1, Integer::sum);
                    FaultStorm.Expected e = expected.get(key);
                    int count = r.getInt(4);
                    alertSum += count;
                    if (e == null) {
                        problems.add("issue not in the model: " + key);
                        continue;
                    }
                    String text = r.getString(5);
                    if (count != e.alertCount() || text == null || !text.contains(e.marker())
                            || !e.severity().equals(r.getString(6))) {
                        problems.add(String.format("%s: alertCount %d, last %s %s; expected %d, %s %s", key, count,
                                r.getString(6), text, e.alertCount(), e.severity(), e.marker()));
                    }
                    if (r.getString(3) == null) {
                        problems.add(key + ": no Slack post recorded");
                    } else {
                        postOf.put(key, r.getString(3));
                    }
                }
            }
            expected.keySet().stream().filter(k -> !seen.containsKey(k)).forEach(k -> problems.add("missing issue " + k));
            seen.forEach((k, n) -> {
                if (n > 1) {
                    problems.add(k + ": " + n + " issues");
                }
            });
            try (PreparedStatement s = c.prepareStatement("select count(*) from pending_posts");
                 ResultSet r = s.executeQuery()) {
                r.next();
                pending = r.getInt(1);
            }
        } catch (SQLException e) {
            return new Report(List.of("PostgreSQL not readable: " + e.getMessage()), -1, -1, -1, -1, -1, -1, -1);
        }
        if (pending > 0) {
            problems.add(pending + " issues still owe Slack writes");
        }
        // the fake Slack: exactly one top-level post per issue, the one PostgreSQL names, showing the last alert
        int posts = 0;
        int maxPerIssue = 0;
        for (String channel : storm.channels()) {
            Map<String, List<FakeMessage>> byCorr = new HashMap<>();
            for (FakeMessage m : slack.messages().of(channel)) {
                if (m.threadTs() != null) {
                    continue;
                }
                posts++;
                Object corr = m.eventPayload().get("correlationId");
                byCorr.computeIfAbsent(corr == null ? "?" : corr.toString(), k -> new ArrayList<>()).add(m);
            }
            for (Map.Entry<String, List<FakeMessage>> e : byCorr.entrySet()) {
                String key = FaultStorm.key(channel, e.getKey());
                maxPerIssue = Math.max(maxPerIssue, e.getValue().size());
                FaultStorm.Expected exp = expected.get(key);
                if (exp == null) {
                    problems.add("post of no issue in the model: " + key);
                    continue;
                }
                if (e.getValue().size() != 1) {
                    problems.add(key + ": " + e.getValue().size() + " posts");
                    continue;
                }
                FakeMessage post = e.getValue().get(0);
                if (postOf.containsKey(key) && !post.ts().equals(postOf.get(key))) {
                    problems.add(key + ": post " + post.ts() + " but PostgreSQL names " + postOf.get(key));
                }
                if (!shows(post, exp.marker())) {
                    problems.add(key + ": post does not show " + exp.marker());
                }
            }
            for (FaultStorm.Expected exp : expected.values()) {
                if (exp.channel().equals(channel) && !byCorr.containsKey(exp.correlationId())) {
                    problems.add(FaultStorm.key(channel, exp.correlationId()) + ": no post in Slack");
                }
            }
        }
        // the queue: every entry delivered and acknowledged, nothing dead-lettered
        long unfinished = 0;
        long dead;
        try {
            RedisClusterCommands<String, String> r = connection.sync();
            for (String channel : storm.channels()) {
                unfinished += unfinished(r, keys.stream(channel));
            }
            dead = r.xlen(keys.deadLetters());
        } catch (RuntimeException e) {
            return new Report(List.of("Redis not readable: " + e.getMessage()), rows, posts, maxPerIssue, pending,
                    -1, -1, alertSum);
        }
        if (unfinished > 0) {
            problems.add(unfinished + " queue entries not yet acknowledged");
        }
        if (dead > 0) {
            problems.add(dead + " dead letters");
        }
        return new Report(problems, rows, posts, maxPerIssue, pending, unfinished, dead, alertSum);
    }

    /** Entries of a stream not yet acknowledged by the consumer group: pending plus never delivered. */
    @SuppressWarnings("unchecked")
    static long unfinished(RedisClusterCommands<String, String> r, String stream) {
        if (r.exists(stream) == 0) {
            return 0;
        }
        String lastDelivered = null;
        long pending = 0;
        for (Object g : r.xinfoGroups(stream)) {
            List<Object> kv = (List<Object>) g;
            Map<String, Object> m = new HashMap<>();
            for (int i = 0; i + 1 < kv.size(); i += 2) {
                m.put(String.valueOf(kv.get(i)), kv.get(i + 1));
            }
            if (QueueKeys.DEFAULT_GROUP.equals(m.get("name"))) {
                pending = ((Number) m.get("pending")).longValue();
                lastDelivered = String.valueOf(m.get("last-delivered-id"));
            }
        }
        if (lastDelivered == null) {
            return r.xlen(stream);
        }
        long undelivered = r.xrange(stream, Range.from(Range.Boundary.excluding(lastDelivered),
                Range.Boundary.unbounded())).size();
        return pending + undelivered;
    }

    /** Entries of all the storm's streams not yet acknowledged (Redis must be up). */
    long unfinishedQueueEntries() {
        long n = 0;
        for (String channel : storm.channels()) {
            n += unfinished(connection.sync(), keys.stream(channel));
        }
        return n;
    }

    QueueKeys keys() {
        return keys;
    }

    QueueConnection redis() {
        return connection;
    }

    /**
     * Waits until {@link #check()} finds nothing (returns that report) or {@code max} has passed (returns the last
     * report, with problems).
     */
    Report awaitFinal(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        Report last = check();
        while (!last.ok() && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            last = check();
        }
        return last;
    }

    /** Most calls of {@code method} (including refused ones) in any 60 s window; per channel if {@code perChannel}. */
    int maxCallsPerMinute(String method, boolean perChannel) {
        Map<String, List<Long>> times = new HashMap<>();
        for (FakeSlack.Call c : slack.calls()) {
            if (c.method().equals(method)) {
                times.computeIfAbsent(perChannel ? c.params().getOrDefault("channel", "") : "", k -> new ArrayList<>())
                        .add(c.receivedNanos());
            }
        }
        int max = 0;
        for (List<Long> t : times.values()) {
            t.sort(Long::compare);
            int lo = 0;
            for (int hi = 0; hi < t.size(); hi++) {
                while (t.get(hi) - t.get(lo) >= 60_000_000_000L) {
                    lo++;
                }
                max = Math.max(max, hi - lo + 1);
            }
        }
        return max;
    }

    /** Slack calls by method. */
    Map<String, Long> callsByMethod() {
        Map<String, Long> out = new TreeMap<>();
        slack.calls().forEach(c -> out.merge(c.method(), 1L, Long::sum));
        return out;
    }

    private static boolean shows(FakeMessage post, String marker) {
        return (post.blocksJson() != null && post.blocksJson().contains(marker))
                || (post.text() != null && post.text().contains(marker));
    }

    private static void sleepNanos(long nanos) {
        if (nanos > 0) {
            try {
                Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        synchronized (all) {
            all.forEach(ManagerProcess::kill);
        }
        connection.close();
        connector.close();
        slack.close();
    }
}
