package dev.slackmgr.local;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.slackmgr.common.testing.slack.FakeMessages.FakeMessage;
import dev.slackmgr.local.OtlpReceiver.ReceivedSpan;
import dev.slackmgr.local.emulator.SlackEmulator;
import dev.slackmgr.manager.channel.AlertMessageHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.slackmgr.local.emulator.SlackEmulator.ALERTS_CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tracing switched on, exporting over OTLP/HTTP to an in-process receiver: {@code POST /alerts} (and
 * {@code /prometheus-alert}) in the API, the Redis stream entry, the manager's processing of it and the Slack call
 * that posts the issue are one trace – API HTTP span → queue send → queue process → post sync → Slack call, each the
 * parent of the next – and the processing's log lines carry its trace ID (as {@code trace.id} in ECS JSON).
 */
class LocalModeTracingTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static OtlpReceiver otlp;
    static LocalMode local;
    static SlackEmulator emulator;
    static ListAppender<ILoggingEvent> logs;

    @BeforeAll
    static void start() {
        otlp = new OtlpReceiver();
        local = LocalMode.start(new LocalMode.Options(0, 0, 0, Map.of(), Map.of(
                "management.tracing.export.enabled", "true",
                "management.opentelemetry.tracing.export.otlp.endpoint", otlp.endpoint(),
                "management.opentelemetry.tracing.export.schedule-delay", "100ms",
                "logging.level.dev.slackmgr.manager.channel.AlertMessageHandler", "DEBUG")));
        emulator = local.emulator();
        // after both contexts configured logging (each start resets it)
        logs = new ListAppender<>();
        logs.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        logs.start();
        Logger handlerLog = (Logger) LoggerFactory.getLogger(AlertMessageHandler.class);
        handlerLog.setLevel(Level.DEBUG);
        handlerLog.addAppender(logs);
    }

    @AfterAll
    static void stop() {
        if (local != null) {
            local.close();
        }
        if (otlp != null) {
            otlp.close();
        }
    }

    @Test
    void anAlertIsOneTraceFromTheHttpRequestToTheSlackCall() throws Exception {
        String body = """
                {"correlationId":"traced-alert","header":":status: Traced","text":"from LocalModeTracingTest",
                 "severity":"error","slackChannelId":"%s","issueFollowUpEnabled":true,"autoResolveSeconds":3600}
                """.formatted(ALERTS_CHANNEL);
        HttpResponse<String> r = LocalModeTesting.post(local.alertsUrl(), body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        assertThat(LocalModeTesting.await(WAIT, () -> postOf("traced-alert").isPresent())).as("the post").isTrue();

        String traceId = assertOneTrace("/alerts");
        assertProcessingLogCarries(traceId);
    }

    @Test
    void probesAndScrapesAreNotExported() throws Exception {
        assertThat(LocalModeTesting.get(local.apiBaseUrl() + "/actuator/health").statusCode()).isEqualTo(200);
        assertThat(LocalModeTesting.get(local.managerBaseUrl() + "/actuator/prometheus").statusCode()).isEqualTo(200);
        HttpResponse<String> r = LocalModeTesting.get(local.apiBaseUrl() + "/ping");
        assertThat(LocalModeTesting.await(WAIT, () -> otlp.spans().stream()
                .anyMatch(s -> s.name().endsWith(" /ping")))).as("a later request's span, status " + r.statusCode())
                .isTrue();
        assertThat(otlp.spans()).noneMatch(s -> s.name().contains("/actuator"));
    }

    @Test
    void anAlertmanagerWebhookIsOneTraceToo() {
        String body = LocalModeTesting.read(LocalModeTesting.example("prometheus-webhook.json"))
                .replace("HighErrorRate", "TracedErrorRate");
        HttpResponse<String> r = LocalModeTesting.post(local.apiBaseUrl() + "/prometheus-alert", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        assertThat(LocalModeTesting.await(WAIT, () -> emulator.slack().messages().of(ALERTS_CHANNEL).stream()
                .anyMatch(m -> m.blocksJson().contains("TracedErrorRate") || m.text().contains("TracedErrorRate")
                        || m.blocksJson().contains("5xx rate"))))
                .as("the post").isTrue();
        assertOneTrace("/prometheus-alert");
    }

    /**
     * The spans of the request to {@code path}: server span (API) → {@code alerts send} (API) → {@code alerts
     * process} (manager) → {@code issue post sync} (manager) → {@code slack chat.postMessage} (manager), one trace.
     */
    private static String assertOneTrace(String path) {
        assertThat(LocalModeTesting.await(WAIT, () -> server(path).isPresent())).as("the API's span of " + path)
                .isTrue();
        ReceivedSpan http = server(path).orElseThrow();
        String traceId = http.traceId();
        List<String> names = List.of("alerts send", "alerts process", "issue post sync", "slack chat.postMessage");
        assertThat(LocalModeTesting.await(WAIT, () -> names.stream().allMatch(n -> named(traceId, n).isPresent())))
                .as("the spans " + names + " in trace " + traceId + "; received: " + otlp.spans()).isTrue();
        assertThat(http.service()).isEqualTo("slackmgr-api");
        assertThat(http.parentSpanId()).as("a new trace").isEmpty();

        ReceivedSpan send = named(traceId, "alerts send").orElseThrow();
        ReceivedSpan process = named(traceId, "alerts process").orElseThrow();
        ReceivedSpan sync = named(traceId, "issue post sync").orElseThrow();
        ReceivedSpan slack = named(traceId, "slack chat.postMessage").orElseThrow();
        assertThat(send.service()).isEqualTo("slackmgr-api");
        assertThat(send.kind()).isEqualTo("SPAN_KIND_PRODUCER");
        assertThat(send.parentSpanId()).isEqualTo(http.spanId());
        assertThat(send.attributes()).containsEntry("messaging.destination.name", "alerts")
                .containsEntry("slackmgr.channel_id", ALERTS_CHANNEL);

        assertThat(process.service()).isEqualTo("slackmgr-manager");
        assertThat(process.kind()).isEqualTo("SPAN_KIND_CONSUMER");
        assertThat(process.parentSpanId()).isEqualTo(send.spanId());

        assertThat(sync.service()).isEqualTo("slackmgr-manager");
        assertThat(sync.parentSpanId()).isEqualTo(process.spanId());

        assertThat(slack.service()).isEqualTo("slackmgr-manager");
        assertThat(slack.kind()).isEqualTo("SPAN_KIND_CLIENT");
        assertThat(slack.parentSpanId()).isEqualTo(sync.spanId());
        assertThat(slack.attributes()).containsEntry("slack.method", "chat.postMessage")
                .containsEntry("slackmgr.channel_id", ALERTS_CHANNEL);
        assertThat(otlp.contentTypes()).allMatch(t -> t.startsWith("application/x-protobuf"));
        return traceId;
    }

    private static void assertProcessingLogCarries(String traceId) {
        ILoggingEvent line = logs.list.stream()
                .filter(e -> traceId.equals(e.getMDCPropertyMap().get("traceId")))
                .findFirst().orElseThrow(() -> new AssertionError("no processing log line in trace " + traceId
                        + ": " + logs.list.stream().map(e -> e.getFormattedMessage() + " " + e.getMDCPropertyMap())
                        .toList()));
        assertThat(line.getFormattedMessage()).contains("channel_id=" + ALERTS_CHANNEL);
        assertThat(line.getMDCPropertyMap()).containsKey("spanId");

        // the same event as a JSON line in ECS format, with the services' logging settings
        StructuredLogEncoder ecs = new StructuredLogEncoder();
        ecs.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        ecs.setFormat("ecs");
        ecs.start();
        JsonNode json = JSON.readTree(new String(ecs.encode(line), StandardCharsets.UTF_8));
        assertThat(json.get("trace.id").asString()).isEqualTo(traceId);
        assertThat(json.get("span.id").asString()).isEqualTo(line.getMDCPropertyMap().get("spanId"));
        assertThat(json.has("traceId")).isFalse();
    }

    private static Optional<ReceivedSpan> server(String path) {
        return otlp.spans().stream()
                .filter(s -> s.kind().equals("SPAN_KIND_SERVER") && s.name().endsWith(" " + path))
                .findFirst();
    }

    private static Optional<ReceivedSpan> named(String traceId, String name) {
        return otlp.spans().stream().filter(s -> s.traceId().equals(traceId) && s.name().equals(name)).findFirst();
    }

    private static Optional<FakeMessage> postOf(String correlationId) {
        return emulator.slack().messages().of(ALERTS_CHANNEL).stream()
                .filter(m -> correlationId.equals(m.eventPayload().get("correlationId"))).findFirst();
    }

    static List<ReceivedSpan> spans() {
        return otlp.spans();
    }
}
