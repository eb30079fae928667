package dev.slackmgr.manager.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import dev.slackmgr.common.testing.slack.FakeSlack;
import dev.slackmgr.manager.post.PostContent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Builds a real SDK-backed {@link SdkSlackGateway} against a {@link FakeSlack}, with fast test settings. */
final class GatewayFixture {
    static final String BOT = "U0BOT";

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final SlackClientSettings settings;
    final RateLimitGate gate;
    final SdkSlackGateway gateway;

    GatewayFixture(FakeSlack slack, SlackClientSettings settings, RateLimitGate gate) {
        this(slack, settings, gate, Pace.Factory.local());
    }

    GatewayFixture(FakeSlack slack, SlackClientSettings settings, RateLimitGate gate, Pace.Factory pacing) {
        this.settings = settings.withApi(slack.apiUrl(), "xoxb-test");
        this.gate = gate;
        MethodsClient methods = SlackConfiguration.methodsClient(this.settings);
        SlackMetrics metrics = new SlackMetrics(registry);
        SlackCallRunner runner = new SlackCallRunner(this.settings, gate, new SlackPacer(this.settings.pacing(), pacing),
                metrics, Clock.systemUTC());
        this.gateway = new SdkSlackGateway(methods, runner, metrics, this.settings.channelCacheTtl());
    }

    GatewayFixture(FakeSlack slack, SlackClientSettings settings) {
        this(slack, settings, new LocalRateLimitGate(Clock.systemUTC(), new RateLimitGateMetrics(new SimpleMeterRegistry())));
    }

    /** Short waits so retry tests stay fast; pacing off unless a test turns it on. */
    static SlackClientSettings fast() {
        return SlackClientSettings.defaults()
                .withWaits(Duration.ZERO, Duration.ofMillis(50), Duration.ofMillis(50))
                .withRetries(10, Duration.ofSeconds(30), 5, Duration.ofSeconds(30))
                .withPacing(SlackClientSettings.Pacing.off());
    }

    static PostContent post(String channel, String text, String issueId, String correlationId) {
        List<LayoutBlock> blocks = List.of(SectionBlock.builder()
                .text(MarkdownTextObject.builder().text(text).build()).build());
        return new PostContent(channel, blocks, text, "Alerts", ":rotating_light:", "",
                PostContent.Metadata.forIssue(issueId, correlationId));
    }

    double counter(String name, String... tags) {
        var c = registry.find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }
}
