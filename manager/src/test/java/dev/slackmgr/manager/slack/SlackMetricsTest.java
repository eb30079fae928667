package dev.slackmgr.manager.slack;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The Prometheus names and labels the dashboards rely on. */
class SlackMetricsTest {

    @Test
    void prometheusNamesAndLabels() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        SlackMetrics metrics = new SlackMetrics(registry);
        RateLimitGateMetrics gate = new RateLimitGateMetrics(registry);
        metrics.callDuration(SlackAction.CHAT_POST, Duration.ofMillis(120));
        metrics.error(SlackAction.CHAT_UPDATE, new SlackFailure.Permanent("message_not_found"));
        metrics.retry(SlackAction.CHAT_POST, new SlackFailure.RateLimited(Duration.ofSeconds(3)));
        metrics.rateLimited(Duration.ofSeconds(3));
        gate.signalled();
        gate.blocked(Duration.ofSeconds(2));

        String scrape = registry.scrape();
        assertThat(scrape)
                .contains("slackmgr_slack_api_call_duration_seconds_bucket{slack_action=\"chat.post\",le=\"0.25\"} 1")
                .contains("slackmgr_slack_api_errors_total{error_type=\"message_not_found\",slack_action=\"chat.update\"} 1")
                .contains("slackmgr_slack_api_retries_total{error_type=\"rate_limited\",slack_action=\"chat.post\"} 1")
                .contains("slackmgr_slack_api_rate_limit_duration_seconds_bucket{le=\"5.0\"} 1")
                .contains("slackmgr_rate_limit_gate_signals_total 1")
                .contains("slackmgr_rate_limit_gate_blocked_duration_seconds_count 1");
    }
}
