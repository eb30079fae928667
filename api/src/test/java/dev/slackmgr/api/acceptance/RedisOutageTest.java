package dev.slackmgr.api.acceptance;

import dev.slackmgr.api.ApiApplication;
import dev.slackmgr.common.queue.QueueKeys;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.embedded.RedisServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis down during ingest (issue #8 item 3, API half). Client threads post alerts without pause while Redis is
 * stopped for a while (3 s here, 30 s with {@code -Pfaults}) and started again. Every answer is 202 or a 503 JSON
 * error with {@code Retry-After}; no request sent while Redis was certainly down gets 202; readiness goes DOWN and
 * back UP; and every alert answered 202 – before, during and after the outage – is in its stream afterwards.
 *
 * <p>Redis here is its own embedded server with an append-only file fsynced on every write, so a restart loses
 * nothing it acknowledged: an alert missing afterwards was never stored, whatever the API answered.
 */
@SpringBootTest(classes = ApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RedisOutageTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int REDIS_PORT = freePort();
    private static final Path REDIS_DIR = tempDir();
    private static final Path SETTINGS = settingsFile();
    private static RedisServer redisServer;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        startRedis();
        registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:" + REDIS_PORT);
        registry.add("spring.data.redis.timeout", () -> "2s");
        registry.add("slackmgr.slack.api-url", ApiTestBase.SLACK::apiUrl);
        registry.add("slackmgr.slack.bot-token", () -> "xoxb-test");
        registry.add("slackmgr.settings-file", SETTINGS::toString);
    }

    static Duration outage() {
        boolean longRun = "long".equals(System.getProperty("slackmgr.faults"));
        return Duration.ofSeconds(Long.getLong("slackmgr.outage.seconds", longRun ? 30 : 3));
    }

    /** What one request got; times in nanoTime. */
    record Sent(String header, long sentAt, long answeredAt, int status, String error, String retryAfter) {
    }

    @Test
    void outageAnswers503NeverLosesA202AndReadinessFollowsRedis() throws Exception {
        assertThat(post("{\"slackChannelId\":\"C123\",\"header\":\"warm-up\"}").statusCode()).isEqualTo(202);
        ConcurrentLinkedQueue<Sent> results = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger counter = new AtomicInteger();
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        List<Future<?>> clients = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String channel = t % 2 == 0 ? "C123" : "C456";
            clients.add(pool.submit(() -> {
                while (running.get()) {
                    String header = "outage-" + counter.incrementAndGet();
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> r = post("{\"slackChannelId\":\"" + channel + "\",\"header\":\"" + header + "\"}");
                        results.add(new Sent(header, sent, System.nanoTime(), r.statusCode(), errorOf(r.body()),
                                r.headers().firstValue("Retry-After").orElse(null)));
                    } catch (IOException e) {
                        results.add(new Sent(header, sent, System.nanoTime(), -1, e.toString(), null));
                    }
                }
                return null;
            }));
        }
        // readiness, sampled while the load runs
        List<long[]> readiness = new ArrayList<>();
        Future<?> prober = pool.submit(() -> {
            while (running.get()) {
                int s = get("/actuator/health/readiness");
                synchronized (readiness) {
                    readiness.add(new long[]{System.nanoTime(), s});
                }
                Thread.sleep(100);
            }
            return null;
        });

        Thread.sleep(1000);
        stopRedis();
        long downFrom = System.nanoTime();
        Thread.sleep(outage().toMillis());
        long downUntil = System.nanoTime();
        startRedis();
        long readyAgainAt = awaitReady(Duration.ofSeconds(60));
        Thread.sleep(1500); // load after the recovery
        running.set(false);
        for (Future<?> f : clients) {
            f.get();
        }
        prober.get();
        pool.shutdown();

        List<Sent> all = new ArrayList<>(results);
        Map<Integer, Integer> statuses = new HashMap<>();
        all.forEach(s -> statuses.merge(s.status(), 1, Integer::sum));
        List<Sent> whileDown = all.stream().filter(s -> s.sentAt() > downFrom && s.answeredAt() < downUntil).toList();
        long acceptedAfter = all.stream().filter(s -> s.sentAt() > readyAgainAt && s.status() == 202).count();
        Set<String> stored = storedHeaders();
        List<String> accepted = all.stream().filter(s -> s.status() == 202).map(Sent::header).toList();
        List<String> lost = accepted.stream().filter(h -> !stored.contains(h)).toList();
        long refusedButStored = all.stream().filter(s -> s.status() == 503 && stored.contains(s.header())).count();
        String figures = String.format("Redis outage %d s: %d requests %s; %d sent and answered while Redis was down"
                        + " (%d answered 503); readiness back %.1f s after Redis; %d accepted after; %d of %d accepted"
                        + " missing from Redis; %d answered 503 but stored (a retry duplicates them: at-least-once)",
                outage().toSeconds(), all.size(), statuses, whileDown.size(),
                whileDown.stream().filter(s -> s.status() == 503).count(), (readyAgainAt - downUntil) / 1e9,
                acceptedAfter, lost.size(), accepted.size(), refusedButStored);
        System.out.println(figures);

        assertThat(all).as("only 202 or 503").allSatisfy(s -> assertThat(s.status()).as(s.toString()).isIn(202, 503));
        assertThat(all.stream().filter(s -> s.status() == 503)).allSatisfy(s -> {
            assertThat(s.error()).as("JSON error of %s", s).isNotBlank().doesNotContain("Internal server error");
            assertThat(s.retryAfter()).as("Retry-After of %s", s).matches("\\d+");
        });
        assertThat(whileDown).as("requests while Redis was down").isNotEmpty()
                .allSatisfy(s -> assertThat(s.status()).as(s.toString()).isEqualTo(503));
        assertThat(lost).as("alerts answered 202 but not in Redis").isEmpty();
        assertThat(acceptedAfter).as("alerts accepted after Redis came back").isPositive();
        synchronized (readiness) {
            assertThat(readiness.stream().filter(r -> r[0] > downFrom && r[0] < downUntil).map(r -> r[1]))
                    .as("readiness while Redis was down").isNotEmpty().containsOnly(503L);
            assertThat(readiness.stream().filter(r -> r[0] > readyAgainAt).map(r -> r[1]))
                    .as("readiness after recovery").isNotEmpty().containsOnly(200L);
        }
    }

    private long awaitReady(Duration max) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            if (get("/actuator/health/readiness") == 200) {
                return System.nanoTime();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("readiness not UP within " + max + " after Redis came back");
    }

    private static Set<String> storedHeaders() {
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + REDIS_PORT);
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            RedisCommands<String, String> redis = c.sync();
            QueueKeys keys = QueueKeys.of(QueueKeys.ALERTS);
            Set<String> headers = new HashSet<>();
            for (String stream : redis.keys(keys.stream("*"))) {
                if (keys.channelOf(stream) == null) {
                    continue;
                }
                for (StreamMessage<String, String> m : redis.xrange(stream, Range.create("-", "+"))) {
                    headers.add(JSON.readTree(m.getBody().get(QueueKeys.FIELD_BODY)).path("header").asString());
                }
            }
            return headers;
        } finally {
            client.shutdown();
        }
    }

    private HttpResponse<String> post(String body) throws IOException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/alerts"))
                    .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private int get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String errorOf(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            return n.path("error").asString(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static synchronized void startRedis() {
        if (redisServer != null) {
            return;
        }
        try {
            redisServer = RedisServer.newRedisServer().port(REDIS_PORT)
                    .setting("bind 127.0.0.1")
                    .setting("dir " + REDIS_DIR)
                    .setting("save \"\"")
                    .setting("appendonly yes")
                    .setting("appendfsync always")
                    .build();
            redisServer.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized void stopRedis() {
        if (redisServer != null) {
            try {
                redisServer.stop();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            redisServer = null;
        }
    }

    @AfterAll
    static void cleanUp() {
        stopRedis();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("slackmgr-outage-redis");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path settingsFile() {
        try {
            Path p = Files.createTempFile("slackmgr-outage-settings", ".yaml");
            Files.writeString(p, """
                    rateLimitPerAlertChannel:
                      alertsPerSecond: 1000
                      allowedBurst: 10000
                    maxUsersInAlertChannel: 1000
                    """);
            p.toFile().deleteOnExit();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
