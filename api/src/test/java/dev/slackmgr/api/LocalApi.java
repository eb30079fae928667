package dev.slackmgr.api;

import dev.slackmgr.common.testing.TestRedis;
import dev.slackmgr.common.testing.slack.FakeSlack;
import dev.slackmgr.common.testing.slack.FakeWorkspace;
import org.springframework.boot.SpringApplication;

/**
 * Local mode: the API with an embedded Redis and a fake Slack workspace, no tokens needed.
 * Run with {@code ./mvnw -pl api -am test-compile spring-boot:test-run}. Set {@code SLACK_BOT_TOKEN}
 * (and optionally {@code SPRING_DATA_REDIS_URL}) to use a real Slack workspace and Redis instead.
 */
public final class LocalApi {
    private LocalApi() {
    }

    public static void main(String[] args) {
        if (System.getenv("SPRING_DATA_REDIS_URL") == null) {
            System.setProperty("spring.data.redis.url", TestRedis.url());
        }
        if (System.getenv("SLACK_BOT_TOKEN") == null) {
            FakeSlack slack = new FakeSlack(demoWorkspace());
            System.setProperty("slackmgr.slack.api-url", slack.apiUrl());
            System.setProperty("slackmgr.slack.bot-token", "xoxb-local-fake");
        }
        var context = SpringApplication.run(ApiApplication.class, args);
        String port = context.getEnvironment().getProperty("local.server.port", "8080");
        System.out.printf("%n  slackmgr API (local mode) is up.%n"
                + "  POST alerts to http://localhost:%s/alerts, e.g.%n"
                + "    curl -XPOST localhost:%s/alerts -d '{\"header\":\"x\",\"severity\":\"error\",\"slackChannelId\":\"C0123456789\"}'%n"
                + "  Redis: %s (stream slack-manager:queue:alerts:stream:{C0123456789})%n%n",
                port, port, context.getEnvironment().getProperty("spring.data.redis.url"));
    }

    /** Channels of the fake workspace: {@code C0123456789} (#alerts) and {@code C0000000002} (#ops). */
    static FakeWorkspace demoWorkspace() {
        FakeWorkspace ws = new FakeWorkspace("U0LOCALBOT")
                .channel("C0123456789", "alerts")
                .channel("C0000000002", "ops");
        int benchChannels = Integer.getInteger("slackmgr.local.bench-channels", 0);
        for (int i = 0; i < benchChannels; i++) {
            ws.channel("C0BENCH%03d".formatted(i), "bench-%03d".formatted(i));
        }
        return ws;
    }
}
