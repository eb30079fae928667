package dev.slackmgr.manager.bench;

import dev.slackmgr.common.queue.QueueProducer;
import dev.slackmgr.common.testing.TestRedis;
import dev.slackmgr.common.testing.slack.FakeSlack;
import dev.slackmgr.common.testing.slack.FakeWorkspace;
import dev.slackmgr.manager.ManagerApplication;
import dev.slackmgr.manager.store.IssueStore;
import dev.slackmgr.manager.testing.TestPostgres;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One manager (its Spring context in this JVM) against real Redis ({@link TestRedis}), a fresh PostgreSQL database
 * ({@link TestPostgres#createDatabase()}) and a {@link FakeSlack} that answers after 50 ms and enforces Slack's
 * limits: {@code chat.postMessage} 3 per channel per sliding second (1/s with a small burst) and
 * {@code chat.update} 50 per sliding minute. Queue, lock and gate keys get a fresh prefix per run.
 *
 * <p>With {@code -Dbench.unlimited=true} the fake enforces no limits and the manager does not pace its Slack
 * calls (50 ms latency stays): the pipeline's own ceiling, for profiling.
 */
final class BenchManager implements AutoCloseable {
    static final Duration SLACK_LATENCY = Duration.ofMillis(50);
    static final int POSTS_PER_CHANNEL_PER_SECOND = 3;
    static final int UPDATES_PER_MINUTE = 50;

    private final FakeSlack slack;
    private final ConfigurableApplicationContext context;
    private final String queuePrefix;

    BenchManager(List<String> channels) {
        FakeWorkspace workspace = new FakeWorkspace("U0BOT");
        channels.forEach(c -> workspace.channel(c, "bench-" + c.toLowerCase()));
        slack = new FakeSlack(workspace);
        slack.latency(SLACK_LATENCY);
        boolean unlimited = Boolean.getBoolean("bench.unlimited");
        if (!unlimited) {
            slack.limitPerChannelPerSecond("chat.postMessage", POSTS_PER_CHANNEL_PER_SECOND);
            slack.limitPerMinute("chat.update", UPDATES_PER_MINUTE);
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        queuePrefix = "bench-" + run;
        TestPostgres.Database db = TestPostgres.createDatabase();
        Map<String, String> p = new HashMap<>();
        p.put("server.port", "0");
        p.put("spring.datasource.url", db.jdbcUrl());
        p.put("spring.datasource.username", db.user());
        p.put("spring.datasource.password", db.password());
        p.put("spring.data.redis.url", TestRedis.url());
        p.put("slackmgr.queue.key-prefix", queuePrefix);
        p.put("slackmgr.lock-key-prefix", "bench-lock-" + run + ":");
        p.put("slackmgr.slack.gate-key", "bench-gate-" + run);
        p.put("slackmgr.slack.api-url", slack.apiUrl());
        p.put("slackmgr.slack.bot-token", "xoxb-bench");
        p.put("slackmgr.slack.pacing.enabled", String.valueOf(!unlimited));
        p.put("logging.level.root", "WARN");
        p.put("logging.level.dev.slackmgr", "WARN");
        p.put("logging.level.com.slack.api", "ERROR");
        // As command-line arguments: they override application.yaml (builder properties would not).
        context = new SpringApplicationBuilder(ManagerApplication.class)
                .run(p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    FakeSlack slack() {
        return slack;
    }

    String queuePrefix() {
        return queuePrefix;
    }

    QueueProducer queue() {
        return context.getBean("alertQueueProducer", QueueProducer.class);
    }

    IssueStore store() {
        return context.getBean(IssueStore.class);
    }

    /**
     * Alerts the manager finished processing so far (applied and committed, or dead-lettered), by result: the
     * queue's {@code slackmgr.queue.messages.processed{queue_type="alert"}}, counted after the commit.
     */
    Map<String, Long> processed() {
        Map<String, Long> out = new TreeMap<>();
        for (Counter c : context.getBean(MeterRegistry.class).find("slackmgr.queue.messages.processed")
                .tag("queue_type", "alert").counters()) {
            out.merge(c.getId().getTag("result"), (long) c.count(), Long::sum);
        }
        return out;
    }

    long processedTotal() {
        return processed().values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public void close() {
        context.close();
        slack.close();
    }
}
