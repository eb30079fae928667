package dev.slackmgr.manager.slack;

import dev.slackmgr.common.queue.redis.QueueConnection;
import dev.slackmgr.common.queue.redis.RedisConnector;
import dev.slackmgr.common.testing.TestRedis;
import dev.slackmgr.common.testing.slack.FakeSlack;
import dev.slackmgr.common.testing.slack.FakeWorkspace;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The Spring wiring: properties bound, SDK pointed at the configured URL with the token, gate chosen by Redis. */
class SlackConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(SlackConfiguration.class)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @Test
    void gatewayTalksToTheConfiguredApiWithTheBotToken() {
        try (FakeSlack slack = new FakeSlack(new FakeWorkspace(GatewayFixture.BOT).channel("C1", "alerts"))) {
            runner.withPropertyValues("slackmgr.slack.bot-token=xoxb-configured",
                            "slackmgr.slack.api-url=" + slack.apiUrl(),
                            "slackmgr.slack.concurrency=7",
                            "slackmgr.slack.max-rate-limit-error-wait=30s",
                            "slackmgr.slack.pacing.chat-post-message.per-second=5",
                            "slackmgr.slack.pacing.chat-post-message.burst=2")
                    .run(ctx -> {
                        SlackClientSettings settings = ctx.getBean(SlackClientSettings.class);
                        assertThat(settings.concurrency()).isEqualTo(7);
                        assertThat(settings.maxRateLimitErrorWait()).isEqualTo(Duration.ofSeconds(30));
                        assertThat(settings.maxAttemptsForTransientError()).isEqualTo(5);
                        assertThat(settings.pacing().chatPostMessage()).isEqualTo(new SlackClientSettings.Rate(5, 2));
                        assertThat(ctx.getBean(RateLimitGate.class)).isInstanceOf(LocalRateLimitGate.class);

                        SlackGateway gateway = ctx.getBean(SlackGateway.class);
                        assertThat(gateway.channel("C1").name()).isEqualTo("alerts");
                        assertThat(slack.callCount("auth.test")).isZero();
                        assertThat(slack.tokens()).containsExactly("xoxb-configured");
                    });
        }
    }

    @Test
    void defaultsWithoutPropertiesAndRedisGateWhenTheQueueConnectionExists() {
        RedisConnector connector = RedisConnector.standalone(TestRedis.url());
        try (QueueConnection redis = connector.connect()) {
            runner.withBean(QueueConnection.class, () -> redis).run(ctx -> {
                SlackClientSettings settings = ctx.getBean(SlackClientSettings.class);
                assertThat(settings.apiUrl()).isEqualTo("https://slack.com/api/");
                assertThat(settings.concurrency()).isEqualTo(3);
                assertThat(settings.maxAttemptsForRateLimitError()).isEqualTo(10);
                assertThat(settings.gateKey()).isEqualTo("slack-manager:rate-limit-gate");
                assertThat(settings.pacing().enabled()).isTrue();
                assertThat(ctx.getBean(RateLimitGate.class)).isInstanceOf(RedisRateLimitGate.class);
            });
        } finally {
            connector.close();
        }
    }
}
