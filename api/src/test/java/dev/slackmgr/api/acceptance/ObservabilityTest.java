package dev.slackmgr.api.acceptance;

import dev.slackmgr.common.queue.QueueKeys;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Health groups, the reference's metric names on /actuator/prometheus, and tracing off by default. */
class ObservabilityTest extends ApiTestBase {
    @Autowired
    ApplicationContext context;
    @Autowired
    Tracer tracer;
    @Autowired
    Propagator propagator;

    /**
     * With the defaults tracing is off: no-op tracer and propagator, no OpenTelemetry tracer provider or exporter
     * (so nothing can be exported), and an incoming W3C trace context is neither needed nor carried into the
     * stream entry, which holds only {@code channel_id} and {@code body}.
     */
    @Test
    void tracingIsOffByDefault() {
        assertThat(tracer).isSameAs(Tracer.NOOP);
        assertThat(propagator).isSameAs(Propagator.NOOP);
        assertThat(context.getBeanNamesForType(SdkTracerProvider.class)).isEmpty();
        assertThat(context.getBeanNamesForType(SpanExporter.class)).isEmpty();

        assertThat(post("/alerts", "{\"slackChannelId\":\"C123\",\"header\":\"untraced\"}").status()).isEqualTo(202);
        assertThat(post("/alerts", "{\"slackChannelId\":\"C123\",\"header\":\"traced upstream\"}",
                Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")).status())
                .isEqualTo(202);
        List<StreamMessage<String, String>> entries = redis.xrange(QueueKeys.of(QueueKeys.ALERTS).stream("C123"),
                Range.create("-", "+"));
        assertThat(entries).hasSize(2);
        assertThat(entries).allSatisfy(e -> assertThat(e.getBody()).containsOnlyKeys("channel_id", "body"));
    }

    @Test
    void healthProbes() {
        assertThat(get("/actuator/health/liveness").status()).isEqualTo(200);
        Response readiness = get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
    }

    @Test
    void referenceMetricNames() {
        post("/alerts", "{\"slackChannelId\":\"C123\",\"header\":\"x\"}");
        settings("rateLimitPerAlertChannel:\n  alertsPerSecond: 0.001\n  allowedBurst: 1\n");
        buckets.reset();
        post("/alerts", "{\"slackChannelId\":\"C456\",\"header\":\"x\"}");
        post("/alerts", "{\"slackChannelId\":\"C456\",\"header\":\"x\"}");
        String metrics = get("/actuator/prometheus").body();
        assertThat(metrics).contains("slackmgr_http_server_request_duration_seconds_bucket{method=\"POST\",path=\"/alerts\",status=\"202\"");
        assertThat(metrics).contains("slackmgr_http_server_requests_in_flight");
        assertThat(metrics).contains("slackmgr_http_alerts_rate_limited_total{channel=\"ops\"} 1.0");
    }
}
