package dev.slackmgr.common.queue;

import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trace context through the queue with a real OpenTelemetry tracer: a traced send writes {@code traceparent} next to
 * {@code channel_id} and {@code body}, and the consumer's span continues it; entries without it (older producers,
 * tracing off) are consumed as before, in a trace of their own.
 */
class QueueTracingTest extends QueueTestSupport {
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private SdkTracerProvider provider;
    private QueueTracing tracing;
    private Tracer tracer;

    @BeforeEach
    void setUpTracer() {
        provider = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(provider)
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
        io.opentelemetry.api.trace.Tracer otel = sdk.getTracer("test");
        OtelCurrentTraceContext current = new OtelCurrentTraceContext();
        tracer = new OtelTracer(otel, current, event -> { }, new OtelBaggageManager(current, List.of(), List.of()));
        tracing = new QueueTracing(tracer, new OtelPropagator(sdk.getPropagators(), otel));
    }

    @AfterEach
    void closeTracer() {
        provider.close();
    }

    @Test
    void aTracedSendCarriesTheTraceAndTheConsumerContinuesIt() throws Exception {
        RedisStreamQueueProducer producer = new RedisStreamQueueProducer(connection, "alerts", options, tracing);
        Span request = tracer.nextSpan().name("request").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(request)) {
            producer.send("C1", List.of("one"));
        } finally {
            request.end();
        }
        StreamMessage<String, String> entry = entries("C1").get(0);
        assertThat(entry.getBody()).containsOnlyKeys("channel_id", "body", "traceparent");
        assertThat(entry.getBody().get("traceparent")).startsWith("00-" + request.context().traceId() + "-");

        List<String> seen = new CopyOnWriteArrayList<>();
        tracedConsumer(m -> seen.add(tracer.currentSpan().context().traceId() + " "
                + tracer.currentSpan().context().spanId()));
        await(Duration.ofSeconds(10), () -> seen.size() == 1, "the message");
        await(Duration.ofSeconds(10), () -> span("alerts process") != null, "the process span");

        SpanData send = span("alerts send");
        SpanData process = span("alerts process");
        assertThat(send.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(send.getParentSpanId()).isEqualTo(request.context().spanId());
        assertThat(process.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(process.getTraceId()).isEqualTo(request.context().traceId());
        assertThat(process.getParentSpanId()).isEqualTo(send.getSpanId());
        assertThat(entry.getBody().get("traceparent")).contains(send.getSpanId());
        assertThat(seen).containsExactly(process.getTraceId() + " " + process.getSpanId());
    }

    @Test
    void entriesWithoutTraceContextAreConsumedInATraceOfTheirOwn() throws Exception {
        producer("alerts").send("C2", List.of("untraced"));
        assertThat(entries("C2").get(0).getBody()).containsOnlyKeys("channel_id", "body");
        List<String> bodies = new CopyOnWriteArrayList<>();
        tracedConsumer(m -> bodies.add(m.body()));
        await(Duration.ofSeconds(10), () -> bodies.size() == 1, "the message");
        await(Duration.ofSeconds(10), () -> span("alerts process") != null, "the process span");
        assertThat(bodies).containsExactly("untraced");
        assertThat(span("alerts process").getParentSpanContext().isValid()).isFalse();
    }

    @Test
    void aConsumerWithoutTracingIgnoresTheTraceField() throws Exception {
        new RedisStreamQueueProducer(connection, "alerts", options, tracing).send("C5", List.of("traced"));
        assertThat(entries("C5").get(0).getBody()).containsKey("traceparent");
        List<QueueMessage> got = new CopyOnWriteArrayList<>();
        consumer("alerts", options, got::add);
        await(Duration.ofSeconds(10), () -> got.size() == 1, "the message");
        assertThat(got.get(0).body()).isEqualTo("traced");
        assertThat(got.get(0).channelId()).isEqualTo("C5");
        assertThat(spans.getFinishedSpanItems()).extracting(SpanData::getName).containsExactly("alerts send");
    }

    @Test
    void aBatchContinuesTheFirstTraceAndLinksTheOthers() throws Exception {
        RedisStreamQueueProducer producer = new RedisStreamQueueProducer(connection, "alerts", options, tracing);
        producer.send("C3", List.of("a", "b"));
        producer.send("C3", List.of("c"));
        List<List<String>> batches = new CopyOnWriteArrayList<>();
        tracedConsumer(new BatchMessageHandler() {
            @Override
            public List<Rejection> handleAll(List<QueueMessage> messages) {
                batches.add(messages.stream().map(QueueMessage::body).toList());
                return List.of();
            }

            @Override
            public void handle(QueueMessage message) {
                batches.add(List.of(message.body()));
            }
        });
        await(Duration.ofSeconds(10), () -> batches.stream().mapToInt(List::size).sum() == 3, "three messages");
        await(Duration.ofSeconds(10), () -> span("alerts process") != null, "the process span");
        assertThat(batches).containsExactly(List.of("a", "b", "c"));
        List<SpanData> sends = spans.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals("alerts send")).toList();
        SpanData process = span("alerts process");
        assertThat(process.getParentSpanId()).isEqualTo(sends.get(0).getSpanId());
        assertThat(process.getTraceId()).isEqualTo(sends.get(0).getTraceId());
        assertThat(process.getLinks()).hasSize(1);
        assertThat(process.getLinks().get(0).getSpanContext().getSpanId()).isEqualTo(sends.get(1).getSpanId());
    }

    @Test
    void tracingOffWritesNoExtraFieldAndMakesNoSpan() {
        assertThat(QueueTracing.NOOP.enabled()).isFalse();
        assertThat(QueueTracing.NOOP.currentTraceparent()).isNull();
        new RedisStreamQueueProducer(connection, "alerts", options, QueueTracing.NOOP).send("C4", List.of("x", "y"));
        assertThat(entries("C4")).extracting(StreamMessage::getBody)
                .containsExactly(Map.of("channel_id", "C4", "body", "x"), Map.of("channel_id", "C4", "body", "y"));
        assertThat(spans.getFinishedSpanItems()).isEmpty();
    }

    private void tracedConsumer(MessageHandler handler) {
        QueueConsumer c = QueueConsumer.create(connector, "alerts", options, handler,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), tracing);
        closeables.add(c);
        c.start();
    }

    private List<StreamMessage<String, String>> entries(String channel) {
        return connection.sync().xrange(options.keys("alerts").stream(channel), Range.create("-", "+"));
    }

    private SpanData span(String name) {
        return spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).findFirst().orElse(null);
    }
}
