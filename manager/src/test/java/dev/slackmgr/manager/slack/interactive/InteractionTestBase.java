package dev.slackmgr.manager.slack.interactive;

import com.sun.net.httpserver.HttpServer;
import dev.slackmgr.common.alert.Alert;
import dev.slackmgr.common.alert.AlertJson;
import dev.slackmgr.common.alert.Webhook;
import dev.slackmgr.common.queue.QueueProducer;
import dev.slackmgr.common.testing.TestRedis;
import dev.slackmgr.common.testing.slack.FakeMessages.FakeMessage;
import dev.slackmgr.common.testing.slack.FakeNotices;
import dev.slackmgr.common.testing.slack.FakeSlack;
import dev.slackmgr.common.testing.slack.FakeSocketMode;
import dev.slackmgr.common.testing.slack.FakeWorkspace;
import dev.slackmgr.manager.ManagerApplication;
import dev.slackmgr.manager.issue.Issue;
import dev.slackmgr.manager.store.IssueStore;
import dev.slackmgr.manager.testing.TestPostgres;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One manager with Socket Mode on (real Redis, PostgreSQL, Bolt against the fake Slack) shared by the webhook-button
 * and shortcut tests (same configuration, so Spring reuses the context), plus a local HTTP receiver for webhook
 * callbacks, allowed by {@code slackmgr.webhooks.allowed-targets=127.0.0.1}.
 */
@SpringBootTest(classes = ManagerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
abstract class InteractionTestBase {
    static final String PREFIX = "inter-" + UUID.randomUUID().toString().substring(0, 8);
    static final String KEY = "0123456789abcdefghijABCDEFGHIJ01";
    static final String CHANNEL = "C0INTER01";
    static final String TARGET = "C0TARGET1";
    static final String ADMIN = "U0ADMIN01";
    static final String CHANNEL_ADMIN = "U0CHANADM";
    static final String NOBODY = "U0NOBODY1";
    static final Duration WAIT = Duration.ofSeconds(30);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final FakeSlack SLACK = new FakeSlack(new FakeWorkspace("U0BOT").channel(CHANNEL, "interactions")
            .channel(TARGET, "target").channel("C0NOBOT01", "elsewhere", false, false, 5)
            .user(ADMIN, "Ada Admin").user(CHANNEL_ADMIN, "Carl Channel").user(NOBODY, "Pete Plain"));
    static final Receiver RECEIVER = new Receiver();
    static final AtomicInteger IDS = new AtomicInteger();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestPostgres.Database db = TestPostgres.createDatabase();
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
        registry.add("spring.data.redis.url", TestRedis::url);
        registry.add("slackmgr.queue.key-prefix", () -> PREFIX);
        registry.add("slackmgr.lock-key-prefix", () -> PREFIX + ":");
        registry.add("slackmgr.slack.api-url", SLACK::apiUrl);
        registry.add("slackmgr.slack.bot-token", () -> "xoxb-test");
        registry.add("slackmgr.slack.pacing.enabled", () -> "false");
        registry.add("slackmgr.socket-mode.app-token", () -> "xapp-test");
        registry.add("slackmgr.encryption-key", () -> KEY);
        registry.add("slackmgr.webhooks.allowed-targets", () -> "127.0.0.1");
        registry.add("slackmgr.webhooks.retry-wait", () -> "100ms");
        registry.add("slackmgr.settings-file", InteractionTestBase::settingsFile);
    }

    private static String settingsFile() {
        try {
            Path file = Files.createTempFile("manager-settings", ".yaml");
            Files.writeString(file, """
                    globalAdmins: [U0ADMIN01]
                    alertChannels:
                      - id: C0INTER01
                        adminUsers: [U0CHANADM]
                    """);
            file.toFile().deleteOnExit();
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    @Qualifier("alertQueueProducer")
    QueueProducer alerts;
    @Autowired
    IssueStore store;
    @Autowired
    MeterRegistry metrics;

    @BeforeEach
    void connected() {
        await("a Socket Mode connection", () -> SLACK.socketMode().openConnections() >= 1);
    }

    @AfterAll
    static void stop() {
        // the fake Slack and the receiver live as long as the shared Spring context (the JVM)
    }

    // ---- alerts and posts

    /** Sends an alert for a new issue in {@code channel} and returns its post's ts. */
    String issuePost(String channel, String correlationId, Consumer<Alert.Builder> customize) {
        Alert.Builder b = Alert.builder();
        b.timestamp = Instant.now().atOffset(ZoneOffset.UTC);
        b.slackChannelId = channel;
        b.correlationId = correlationId;
        b.header = ":status: Problem " + correlationId;
        b.text = "details of " + correlationId;
        b.severity = "error";
        b.issueFollowUpEnabled = true;
        b.autoResolveSeconds = 3600;
        customize.accept(b);
        alerts.send(channel, List.of(AlertJson.encode(b.build())));
        return awaitPost(channel, correlationId);
    }

    String awaitPost(String channel, String correlationId) {
        await("the post of " + correlationId + " in " + channel, () -> postOf(channel, correlationId).isPresent());
        String ts = postOf(channel, correlationId).orElseThrow().ts();
        await("the issue stored with its post", () -> store.findIssueBySlackPostId(channel, ts).isPresent());
        return ts;
    }

    static Optional<FakeMessage> postOf(String channel, String correlationId) {
        return SLACK.messages().of(channel).stream()
                .filter(m -> correlationId.equals(m.eventPayload().get("correlationId"))).findFirst();
    }

    static Webhook webhook(String id, String url, String accessLevel, boolean skipConfirmation,
                           Map<String, Object> payload) {
        return new Webhook(id, url, "", "Run " + id, "primary", accessLevel, "always",
                new dev.slackmgr.common.crypto.PayloadCipher(KEY).encrypt(payload), null, null, skipConfirmation);
    }

    // ---- interactions

    static String trigger() {
        return "trig-" + PREFIX + "-" + IDS.incrementAndGet();
    }

    static Map<String, Object> user(String id) {
        return Map.of("id", id, "username", id.toLowerCase(), "name", id.toLowerCase(), "team_id", "T0FAKE");
    }

    /** Clicks the post's button {@code actionId} with {@code value}; returns the envelope ID. */
    static String click(String user, String channel, String ts, String actionId, String value, String trigger) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "block_actions");
        p.put("team", Map.of("id", "T0FAKE", "domain", "fake"));
        p.put("user", user(user));
        p.put("api_app_id", "A0FAKE");
        p.put("token", "fake");
        p.put("container", Map.of("type", "message", "message_ts", ts, "channel_id", channel, "is_ephemeral", false));
        p.put("trigger_id", trigger);
        p.put("channel", Map.of("id", channel, "name", "interactions"));
        p.put("message", Map.of("type", "message", "ts", ts, "text", "post"));
        p.put("response_url", "https://hooks.fake.slack.test/actions/1");
        p.put("actions", List.of(Map.of("action_id", actionId, "block_id", "issue_actions", "value", value,
                "type", "button", "text", Map.of("type", "plain_text", "text", "button"),
                "action_ts", Instant.now().getEpochSecond() + ".000200")));
        String id = SLACK.socketMode().sendInteractive(p);
        await("the click acknowledged", () -> SLACK.socketMode().acknowledged(id));
        return id;
    }

    /** Uses a message shortcut on {@code ts}; returns the envelope ID. */
    static String messageShortcut(String user, String callbackId, String channel, String ts, String text,
                                  String trigger) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "message_action");
        p.put("token", "fake");
        p.put("action_ts", Instant.now().getEpochSecond() + ".000300");
        p.put("team", Map.of("id", "T0FAKE", "domain", "fake"));
        p.put("user", user(user));
        p.put("channel", Map.of("id", channel, "name", "interactions"));
        p.put("callback_id", callbackId);
        p.put("trigger_id", trigger);
        p.put("message_ts", ts);
        p.put("message", Map.of("type", "message", "ts", ts, "text", text, "user", CHANNEL_ADMIN));
        p.put("response_url", "https://hooks.fake.slack.test/actions/2");
        String id = SLACK.socketMode().sendInteractive(p);
        await("the shortcut acknowledged", () -> SLACK.socketMode().acknowledged(id));
        return id;
    }

    /** Submits a modal; returns the acknowledgement's payload ({@code null} when there is none). */
    static JsonNode submit(String user, String callbackId, String privateMetadata, Map<String, Object> values) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", "V" + PREFIX + IDS.incrementAndGet());
        view.put("type", "modal");
        view.put("callback_id", callbackId);
        view.put("private_metadata", privateMetadata == null ? "" : privateMetadata);
        view.put("state", Map.of("values", values));
        view.put("hash", "h" + IDS.incrementAndGet());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "view_submission");
        p.put("team", Map.of("id", "T0FAKE", "domain", "fake"));
        p.put("user", user(user));
        p.put("api_app_id", "A0FAKE");
        p.put("token", "fake");
        p.put("trigger_id", trigger());
        p.put("view", view);
        String id = SLACK.socketMode().sendInteractive(p);
        await("the submission acknowledged", () -> SLACK.socketMode().acknowledged(id));
        return SLACK.socketMode().acksOf(id).get(0).payload();
    }

    static Map<String, Object> text(String value) {
        return Map.of("type", "plain_text_input", "value", value);
    }

    static Map<String, Object> checkboxes(String... values) {
        return Map.of("type", "checkboxes", "selected_options", java.util.Arrays.stream(values)
                .map(v -> Map.of("value", v, "text", Map.of("type", "plain_text", "text", v))).toList());
    }

    static Map<String, Object> conversation(String channel) {
        return Map.of("type", "conversations_select", "selected_conversation", channel);
    }

    /** The modal opened for {@code trigger}, parsed. */
    static JsonNode awaitView(String trigger) {
        await("a modal opened for " + trigger, () -> view(trigger).isPresent());
        return view(trigger).orElseThrow();
    }

    static Optional<JsonNode> view(String trigger) {
        return SLACK.notices().views().stream().filter(v -> v.triggerId().equals(trigger)).findFirst()
                .map(v -> JSON.readTree(v.viewJson()));
    }

    static List<FakeNotices.Ephemeral> ephemerals(String user, String containing) {
        return SLACK.notices().ephemeralsTo(user).stream().filter(e -> e.text() != null
                && e.text().contains(containing)).toList();
    }

    Issue awaitIssue(String channel, String ts, Predicate<Issue> condition) {
        await("the issue state", () -> store.findIssueBySlackPostId(channel, ts).filter(condition).isPresent());
        return store.findIssueBySlackPostId(channel, ts).orElseThrow();
    }

    double commands(String result) {
        Counter c = metrics.find("slackmgr.queue.messages.processed").tags("queue_type", "command", "result", result)
                .counter();
        return c == null ? 0 : c.count();
    }

    double callbacks(String result) {
        Counter c = metrics.find("slackmgr.webhook.callbacks").tags("result", result).counter();
        return c == null ? 0 : c.count();
    }

    static void await(String what, java.util.function.BooleanSupplier condition) {
        assertThat(FakeSocketMode.await(WAIT, condition)).as("waiting for " + what).isTrue();
    }

    /** A local HTTP server recording the webhook callbacks it gets, by path. */
    static final class Receiver {
        record Request(String path, String contentType, JsonNode body) {
        }

        private final HttpServer server;
        private final List<Request> requests = new CopyOnWriteArrayList<>();

        Receiver() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                requests.add(new Request(exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        JSON.readTree(new String(body, StandardCharsets.UTF_8))));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        List<Request> at(String path) {
            return requests.stream().filter(r -> r.path().equals(path)).toList();
        }
    }
}
