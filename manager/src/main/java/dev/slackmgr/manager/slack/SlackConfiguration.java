package dev.slackmgr.manager.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import dev.slackmgr.common.queue.redis.QueueConnection;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * Wires the manager's Slack Web API client from {@code slackmgr.slack.*} ({@link SlackClientSettings}): the SDK
 * {@link MethodsClient} (base URL {@code slackmgr.slack.api-url}, token {@code slackmgr.slack.bot-token}, SDK
 * stats off), the rate-limit gate (shared through Redis when the queue's {@link QueueConnection} exists, else in
 * memory), pacing, the call runner, the {@link SlackGateway}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SlackClientSettings.class)
public class SlackConfiguration {

    @Bean
    MethodsClient slackMethodsClient(SlackClientSettings settings) {
        return methodsClient(settings);
    }

    /** An SDK client for {@code settings.apiUrl()} with the bot token, HTTP timeouts and SDK stats off. */
    static MethodsClient methodsClient(SlackClientSettings settings) {
        return slack(settings).methods(settings.botToken());
    }

    /**
     * The SDK for {@code settings.apiUrl()} (every Web API call, {@code apps.connections.open} included) with HTTP
     * timeouts, SDK stats off and no transparent HTTP retries.
     */
    public static Slack slack(SlackClientSettings settings) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl());
        config.setStatsEnabled(false);
        int timeoutMs = (int) settings.httpTimeout().toMillis();
        config.setHttpClientCallTimeoutMillis(timeoutMs);
        config.setHttpClientReadTimeoutMillis(timeoutMs);
        config.setHttpClientWriteTimeoutMillis(timeoutMs);
        // OkHttp would silently send a request again when its connection fails (e.g. the answer is lost): for
        // chat.postMessage that is a second post. Our retries decide instead (SlackCallRunner, PostCalls).
        okhttp3.OkHttpClient http = com.slack.api.util.http.SlackHttpClient.buildOkHttpClient(config).newBuilder()
                .retryOnConnectionFailure(false).build();
        return Slack.getInstance(config, new com.slack.api.util.http.SlackHttpClient(http));
    }

    @Bean
    RateLimitGateMetrics rateLimitGateMetrics(MeterRegistry registry) {
        return new RateLimitGateMetrics(registry);
    }

    @Bean
    RateLimitGate slackRateLimitGate(SlackClientSettings settings, ObjectProvider<QueueConnection> redis,
                                     RateLimitGateMetrics metrics) {
        QueueConnection connection = redis.getIfAvailable();
        return connection == null
                ? new LocalRateLimitGate(Clock.systemUTC(), metrics)
                : new RedisRateLimitGate(connection, settings.gateKey(), settings.gatePollInterval(),
                Clock.systemUTC(), metrics);
    }

    @Bean
    SlackMetrics slackMetrics(MeterRegistry registry) {
        return new SlackMetrics(registry);
    }

    @Bean
    SlackCallRunner slackCallRunner(SlackClientSettings settings, RateLimitGate slackRateLimitGate,
                                    SlackMetrics slackMetrics, ObjectProvider<QueueConnection> redis,
                                    ObjectProvider<Tracer> tracer) {
        QueueConnection connection = redis.getIfAvailable();
        // with Redis, the pacing budgets are shared by every manager instance (N pods stay within Slack's limits)
        SlackPacer pacer = connection == null ? new SlackPacer(settings.pacing())
                : new SlackPacer(settings.pacing(), RedisTokenBucket.factory(connection, settings.gateKey() + ":pace:"));
        return new SlackCallRunner(settings, slackRateLimitGate, pacer, slackMetrics,
                Clock.systemUTC(), tracer.getIfAvailable(() -> Tracer.NOOP));
    }

    @Bean
    SlackGateway slackGateway(MethodsClient slackMethodsClient, SlackCallRunner slackCallRunner,
                              SlackMetrics slackMetrics, SlackClientSettings settings) {
        return new SdkSlackGateway(slackMethodsClient, slackCallRunner, slackMetrics, settings.channelCacheTtl());
    }
}
