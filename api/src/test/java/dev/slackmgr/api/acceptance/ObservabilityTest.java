package dev.slackmgr.api.acceptance;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Health groups and the reference's metric names on /actuator/prometheus. */
class ObservabilityTest extends ApiTestBase {

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
