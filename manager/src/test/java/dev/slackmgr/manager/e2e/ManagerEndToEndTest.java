package dev.slackmgr.manager.e2e;

import dev.slackmgr.common.alert.Alert;
import dev.slackmgr.common.alert.AlertJson;
import dev.slackmgr.common.queue.QueueProducer;
import dev.slackmgr.common.testing.TestRedis;
import dev.slackmgr.common.testing.slack.FakeMessages.FakeMessage;
import dev.slackmgr.common.testing.slack.FakeSlack;
import dev.slackmgr.common.testing.slack.FakeWorkspace;
import dev.slackmgr.manager.ManagerApplication;
import dev.slackmgr.manager.channel.TickScheduler;
import dev.slackmgr.manager.issue.Issue;
import dev.slackmgr.manager.store.IssueStore;
import dev.slackmgr.manager.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole manager in one JVM against real Redis and PostgreSQL and the real Slack SDK talking HTTP to the fake
 * Slack: alerts are written to the queue as the API writes them and end up as posts.
 */
@SpringBootTest(classes = {ManagerApplication.class, ManagerEndToEndTest.Clocks.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ManagerEndToEndTest {
    static final String PREFIX = "e2e-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    static final MutableClock CLOCK = new MutableClock(Instant.now());
    static final FakeSlack SLACK = new FakeSlack(new FakeWorkspace("U0BOT")
            .channel("C0STORM01", "storm").channel("C0LIFE001", "lifecycle")
            .channel("C0METRIC1", "metrics").channel("C0CMD0001", "commands").channel("C0UNTRACE", "untraced"));

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

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
        // tracing stays off (the default); were anything exported, it would arrive here
        registry.add("management.opentelemetry.tracing.export.otlp.endpoint", () -> "http://127.0.0.1:"
                + OTLP.getAddress().getPort() + "/v1/traces");
    }

    /** Counts any request on a free loopback port (an OTLP endpoint that must stay silent). */
    static final java.util.concurrent.atomic.AtomicInteger OTLP_REQUESTS = new java.util.concurrent.atomic.AtomicInteger();
    static final com.sun.net.httpserver.HttpServer OTLP = otlpCounter();

    private static com.sun.net.httpserver.HttpServer otlpCounter() {
        try {
            com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                OTLP_REQUESTS.incrementAndGet();
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Autowired
    @Qualifier("alertQueueProducer")
    QueueProducer queue;
    @Autowired
    @Qualifier("commandQueueProducer")
    QueueProducer commands;
    @Autowired
    IssueStore store;
    @Autowired
    TickScheduler ticks;

    @Test
    void resolveCommandFromSlackResolvesTheIssue() throws Exception {
        queue.send("C0CMD0001", List.of(alert("C0CMD0001", "queue-full", "error", 0, true)));
        await("a post", Duration.ofSeconds(30), () -> posts("C0CMD0001").size() == 1);
        String ts = posts("C0CMD0001").get(0).ts();
        commands.send("C0CMD0001", List.of("{\"timestamp\":\"" + CLOCK.instant() + "\",\"slackChannelId\":\"C0CMD0001\","
                + "\"ts\":\"" + ts + "\",\"reaction\":\"white_check_mark\",\"userId\":\"U0ADA\",\"userRealName\":\"Ada\","
                + "\"action\":\"resolve_issue\"}"));
        await("the post shows resolved", Duration.ofSeconds(30), () -> SLACK.messages().find("C0CMD0001", ts)
                .map(m -> m.blocksJson().contains(":white_check_mark:")).orElse(false));
        Issue issue = store.findIssueBySlackPostId("C0CMD0001", ts).orElseThrow();
        assertThat(issue.resolvedByUser()).isEqualTo("Ada");
        assertThat(posts("C0CMD0001")).hasSize(1);
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Test
    void readinessCoversDatabaseAndRedis() throws Exception {
        queue.send("C0METRIC1", List.of(alert("C0METRIC1", "metrics", "warning", 0, true)));
        var http = java.net.http.HttpClient.newHttpClient();
        var response = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"UP\"");
        var metrics = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build();
        // counted under the channel's name once it is known (looked up in the background)
        await("the alert counted under the channel name", Duration.ofSeconds(30), () -> {
            try {
                return http.send(metrics, java.net.http.HttpResponse.BodyHandlers.ofString()).body()
                        .contains("slackmgr_issues_opened_total{channel=\"metrics\"}");
            } catch (Exception e) {
                return false;
            }
        });
        String body = http.send(metrics, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(body.lines().filter(l -> l.startsWith("slackmgr_issues_opened_total")).toList())
                .contains("slackmgr_issues_opened_total{channel=\"metrics\"} 1.0");
        assertThat(body).contains("slackmgr_queue_depth")
                .contains("slackmgr_queue_messages_processed_total{queue_type=\"alert\",result=\"success\"}");
    }

    @AfterAll
    static void stopSlack() {
        SLACK.close();
        OTLP.stop(0);
    }

    @Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    io.micrometer.tracing.Tracer tracer;

    /**
     * With the defaults tracing is off: no-op tracer, no OpenTelemetry tracer provider or span exporter, entries
     * without trace context are processed (as every entry of these tests is), the owed writes carry no trace context,
     * and the configured OTLP endpoint never hears from the manager.
     */
    @Test
    void tracingIsOffByDefaultAndNothingIsExported() throws Exception {
        assertThat(tracer).isSameAs(io.micrometer.tracing.Tracer.NOOP);
        assertThat(context.getBeanNamesForType(io.opentelemetry.sdk.trace.SdkTracerProvider.class)).isEmpty();
        assertThat(context.getBeanNamesForType(io.opentelemetry.sdk.trace.export.SpanExporter.class)).isEmpty();
        assertThat(context.getBean(dev.slackmgr.common.queue.QueueTracing.class).enabled()).isFalse();

        queue.send("C0UNTRACE", List.of(alert("C0UNTRACE", "untraced", "error", 0, true)));
        await("the post of an entry without trace context", Duration.ofSeconds(30), () -> posts("C0UNTRACE").stream()
                .anyMatch(m -> "untraced".equals(m.eventPayload().get("correlationId"))));
        Thread.sleep(1500);
        assertThat(OTLP_REQUESTS.get()).isZero();
    }

    private static String alert(String channel, String correlationId, String severity, int n, boolean followUp) {
        Alert.Builder b = Alert.builder();
        b.timestamp = CLOCK.instant().plusMillis(n).atOffset(ZoneOffset.UTC);
        b.slackChannelId = channel;
        b.correlationId = correlationId;
        b.header = ":status: Problem " + correlationId;
        b.text = "occurrence " + n;
        b.severity = severity;
        b.issueFollowUpEnabled = followUp;
        b.autoResolveSeconds = 60;
        b.archivingDelaySeconds = 120;
        return AlertJson.encode(b.build());
    }

    private static List<FakeMessage> posts(String channel) {
        return SLACK.messages().of(channel).stream().filter(m -> m.threadTs() == null).toList();
    }

    private static void await(String what, Duration max, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void thousandAlertsForTenCorrelationIdsBecomeTenPosts() throws Exception {
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            batch.add(alert("C0STORM01", "storm-" + (i % 10), "error", i, true));
            if (batch.size() == 100) {
                queue.send("C0STORM01", batch);
                batch = new ArrayList<>();
            }
        }
        await("1000 alerts applied", Duration.ofSeconds(90), () -> store.loadOpenIssuesInChannel("C0STORM01").stream()
                .mapToInt(Issue::alertCount).sum() == 1000);
        List<Issue> issues = store.loadOpenIssuesInChannel("C0STORM01");
        assertThat(issues).hasSize(10);
        assertThat(issues).extracting(Issue::alertCount).containsOnly(100);
        List<FakeMessage> posts = posts("C0STORM01");
        assertThat(posts).hasSize(10);
        assertThat(posts).extracting(m -> m.eventPayload().get("correlationId"))
                .containsExactlyInAnyOrderElementsOf(issues.stream().map(Issue::correlationId).toList());
        assertThat(issues).extracting(Issue::slackPostId)
                .containsExactlyInAnyOrderElementsOf(posts.stream().map(FakeMessage::ts).toList());
    }

    @Test
    void resolvedAlertUpdatesThePostAndTimersResolveAndArchive() throws Exception {
        queue.send("C0LIFE001", List.of(alert("C0LIFE001", "disk", "error", 0, true),
                alert("C0LIFE001", "cpu", "warning", 1, true)));
        await("two posts", Duration.ofSeconds(30), () -> posts("C0LIFE001").size() == 2);
        FakeMessage disk = posts("C0LIFE001").stream()
                .filter(m -> "disk".equals(m.eventPayload().get("correlationId"))).findFirst().orElseThrow();
        assertThat(disk.blocksJson()).contains(":x:");

        queue.send("C0LIFE001", List.of(alert("C0LIFE001", "disk", "resolved", 2, true)));
        await("the disk post shows resolved", Duration.ofSeconds(30), () -> SLACK.messages().find("C0LIFE001", disk.ts())
                .map(m -> m.blocksJson().contains(":white_check_mark:")).orElse(false));
        assertThat(posts("C0LIFE001")).hasSize(2);

        CLOCK.advance(Duration.ofSeconds(61));
        ticks.round();
        Issue cpu = store.loadOpenIssuesInChannel("C0LIFE001").stream()
                .filter(i -> i.correlationId().equals("cpu")).findFirst().orElseThrow();
        await("the cpu post shows auto-resolved after the quiet period", Duration.ofSeconds(30),
                () -> SLACK.messages().find("C0LIFE001", cpu.slackPostId()).orElseThrow().blocksJson()
                        .contains(":white_check_mark:"));

        CLOCK.advance(Duration.ofSeconds(121));
        ticks.round();
        assertThat(store.loadOpenIssuesInChannel("C0LIFE001")).as("archived after the archiving delay").isEmpty();
        assertThat(posts("C0LIFE001")).hasSize(2);
    }
}
