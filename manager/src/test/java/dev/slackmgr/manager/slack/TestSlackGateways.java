package dev.slackmgr.manager.slack;

import dev.slackmgr.common.testing.slack.FakeSlack;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Clock;

/**
 * The real SDK gateway against a {@link FakeSlack}, for tests outside this package (like {@link GatewayFixture},
 * which is package-private).
 */
public final class TestSlackGateways {
    private TestSlackGateways() {
    }

    /** Short retry waits; pacing off unless the caller sets it. */
    public static SlackClientSettings fast() {
        return GatewayFixture.fast();
    }

    public static SdkSlackGateway create(FakeSlack slack, SlackClientSettings settings, RateLimitGate gate) {
        SlackClientSettings s = settings.withApi(slack.apiUrl(), "xoxb-test");
        SlackMetrics metrics = new SlackMetrics(new SimpleMeterRegistry());
        SlackCallRunner runner = new SlackCallRunner(s, gate, new SlackPacer(s.pacing()), metrics, Clock.systemUTC());
        return new SdkSlackGateway(SlackConfiguration.methodsClient(s), runner, metrics, s.channelCacheTtl());
    }

    public static LocalRateLimitGate localGate() {
        return new LocalRateLimitGate(Clock.systemUTC(), new RateLimitGateMetrics(new SimpleMeterRegistry()));
    }
}
