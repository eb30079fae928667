package dev.slackmgr.manager.slack;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;

/**
 * Micrometer meters of the Slack client (observability-and-config.md §1.2 with the {@code slackmgr_} prefix).
 * Prometheus names:
 * <ul>
 *   <li>{@code slackmgr_slack_api_call_duration_seconds{slack_action}} – every HTTP attempt</li>
 *   <li>{@code slackmgr_slack_api_errors_total{slack_action,error_type}} – every failed attempt that was not an
 *       expected error of the call</li>
 *   <li>{@code slackmgr_slack_api_retries_total{slack_action,error_type}} – every retry performed</li>
 *   <li>{@code slackmgr_slack_api_rate_limit_duration_seconds} – {@code Retry-After} of 429s that are retried</li>
 *   <li>{@code slackmgr_slack_api_pacing_wait_duration_seconds{slack_action}} – time spent waiting for a pacing
 *       token (only when a wait was needed)</li>
 *   <li>{@code slackmgr_slack_client_cache_requests_total{slack_action,result}} – cached lookups, hit/miss</li>
 * </ul>
 */
public final class SlackMetrics {
    private final MeterRegistry registry;
    private final Timer rateLimitDuration;

    public SlackMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.rateLimitDuration = Timer.builder("slackmgr_slack_api_rate_limit_duration")
                .description("Retry-After of Slack 429 answers that are retried")
                .serviceLevelObjectives(seconds(1), seconds(5), seconds(10), seconds(30), seconds(60), seconds(120),
                        seconds(300))
                .register(registry);
    }

    void callDuration(SlackAction action, Duration d) {
        Timer.builder("slackmgr_slack_api_call_duration").tag("slack_action", action.label())
                .description("duration of one Slack API HTTP attempt")
                .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
                        seconds(1), Duration.ofMillis(2500), seconds(5), seconds(10), seconds(30))
                .register(registry).record(d);
    }

    void error(SlackAction action, SlackFailure failure) {
        counter("slackmgr_slack_api_errors", action, failure, "failed Slack API attempts").increment();
    }

    void retry(SlackAction action, SlackFailure failure) {
        counter("slackmgr_slack_api_retries", action, failure, "retried Slack API calls").increment();
    }

    void rateLimited(Duration retryAfter) {
        rateLimitDuration.record(retryAfter);
    }

    void pacingWait(SlackAction action, Duration d) {
        Timer.builder("slackmgr_slack_api_pacing_wait_duration").tag("slack_action", action.label())
                .description("time waiting for a pacing token").register(registry).record(d);
    }

    void cache(SlackAction action, boolean hit) {
        Counter.builder("slackmgr_slack_client_cache_requests").tag("slack_action", action.label())
                .tag("result", hit ? "hit" : "miss").description("cached Slack lookups").register(registry)
                .increment();
    }

    private Counter counter(String name, SlackAction action, SlackFailure failure, String description) {
        return Counter.builder(name).tag("slack_action", action.label()).tag("error_type", failure.metricLabel())
                .description(description).register(registry);
    }

    private static Duration seconds(long s) {
        return Duration.ofSeconds(s);
    }
}
