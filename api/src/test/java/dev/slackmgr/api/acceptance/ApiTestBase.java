package dev.slackmgr.api.acceptance;

import dev.slackmgr.api.ApiApplication;
import dev.slackmgr.api.ratelimit.ChannelRateLimiter;
import dev.slackmgr.api.settings.SettingsFile;
import dev.slackmgr.common.queue.QueueKeys;
import dev.slackmgr.common.testing.TestRedis;
import dev.slackmgr.common.testing.slack.FakeSlack;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Black-box harness: the real API on a random port, real Redis ({@link TestRedis}), the fake Slack of
 * acceptance-cases.md over HTTP, and a settings file each test can rewrite. Before every test Redis is
 * emptied, the fixture settings are loaded and the rate-limit buckets start full.
 */
@SpringBootTest(classes = ApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ApiTestBase {
    static final String KEY = "abcdefghijklmnopqrstuvwxyz123456";
    /** Fixture config of acceptance-cases.md: burst 100, 10 alerts/s, 1000 users. */
    static final String FIXTURE = """
            rateLimitPerAlertChannel:
              alertsPerSecond: 10
              allowedBurst: 100
            maxUsersInAlertChannel: 1000
            """;

    static final FakeSlack SLACK = new FakeSlack(AcceptanceWorkspace.create());
    static final Path SETTINGS = tempSettingsFile();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static RedisClient redisClient;
    static RedisCommands<String, String> redis;

    @LocalServerPort
    int port;
    @Autowired
    SettingsFile settingsFile;
    @Autowired
    ChannelRateLimiter buckets;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", TestRedis::url);
        registry.add("slackmgr.slack.api-url", SLACK::apiUrl);
        registry.add("slackmgr.slack.bot-token", () -> "xoxb-test");
        registry.add("slackmgr.settings-file", SETTINGS::toString);
        registry.add("slackmgr.settings-reload-interval", () -> "1h");
    }

    @BeforeEach
    void resetState() {
        if (redis == null) {
            redisClient = RedisClient.create(TestRedis.url());
            redis = redisClient.connect().sync();
        }
        redis.flushall();
        settings(FIXTURE);
        buckets.reset();
    }

    @AfterAll
    static void closeRedis() {
        if (redisClient != null) {
            redisClient.shutdown();
            redisClient = null;
            redis = null;
        }
    }

    /** Replaces the settings file and loads it at once (a failure leaves the old settings active). */
    void settings(String yaml) {
        try {
            Files.writeString(SETTINGS, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        settingsFile.reloadIfChanged();
    }

    Response post(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Response post(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return send(b);
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Every message in every alert stream, ordered by channel then by stream order. */
    static List<Queued> queued() {
        QueueKeys keys = QueueKeys.of(QueueKeys.ALERTS);
        List<String> streams = new ArrayList<>(redis.keys(keys.stream("*").replace("{*}", "{*}")));
        streams.removeIf(s -> keys.channelOf(s) == null);
        streams.sort(Comparator.naturalOrder());
        List<Queued> out = new ArrayList<>();
        for (String s : streams) {
            for (StreamMessage<String, String> m : redis.xrange(s, Range.create("-", "+"))) {
                out.add(new Queued(keys.channelOf(s), m.getBody().get(QueueKeys.FIELD_CHANNEL_ID),
                        m.getBody().get(QueueKeys.FIELD_BODY)));
            }
        }
        return out;
    }

    /** Messages queued for one channel, in stream order. */
    static List<Queued> queued(String channel) {
        return queued().stream().filter(q -> q.streamChannel().equals(channel)).toList();
    }

    private static Path tempSettingsFile() {
        try {
            Path p = Files.createTempFile("slackmgr-api-settings", ".yaml");
            Files.writeString(p, FIXTURE);
            p.toFile().deleteOnExit();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
