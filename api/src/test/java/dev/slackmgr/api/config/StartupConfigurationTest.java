package dev.slackmgr.api.config;

import dev.slackmgr.api.ApiApplication;
import dev.slackmgr.common.testing.TestRedis;
import dev.slackmgr.common.testing.slack.FakeSlack;
import dev.slackmgr.common.testing.slack.FakeWorkspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

/** Bad configuration fails the start-up with a message naming the key (issue #2, point 11). */
class StartupConfigurationTest {
    private static final String TOKEN = "--slackmgr.slack.bot-token=xoxb-test";
    private static final FakeSlack SLACK = new FakeSlack(new FakeWorkspace("U0BOT").channel("C123", "alerts"));

    @AfterAll
    static void stopSlack() {
        SLACK.close();
    }

    private static Throwable startWith(String... args) {
        SpringApplication app = new SpringApplication(ApiApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        String[] base = {"--spring.data.redis.url=" + TestRedis.url(), "--slackmgr.slack.api-url=" + SLACK.apiUrl()};
        String[] all = new String[base.length + args.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(args, 0, all, base.length, args.length);
        try {
            app.run(all).close();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    private static String messages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c.getMessage()).append('\n');
        }
        return sb.toString();
    }

    @Test
    void invalidEncryptionKeyNamesTheKey() {
        Throwable t = startWith(TOKEN, "--slackmgr.encryption-key=short");
        assertThat(t).isNotNull();
        assertThat(messages(t)).contains("SLACKMGR_ENCRYPTION_KEY").contains("32 character alphanumeric");
    }

    @Test
    void missingBotTokenNamesTheKey() {
        Throwable t = startWith("--slackmgr.slack.bot-token=");
        assertThat(t).isNotNull();
        assertThat(messages(t)).contains("SLACK_BOT_TOKEN").contains("bot token is empty");
    }

    @Test
    void invalidSettingsFileNamesTheKey() throws Exception {
        Path settings = Files.createTempFile("bad-settings", ".yaml");
        Files.writeString(settings, "rateLimitPerAlertChannel:\n  allowedBurst: 0\n");
        Throwable t = startWith(TOKEN, "--slackmgr.settings-file=" + settings);
        assertThat(messages(t)).contains("rateLimitPerAlertChannel.allowedBurst");
    }

    @Test
    void refusedSlackTokenFailsTheStart() {
        SLACK.on("auth.test", p -> FakeSlack.error("invalid_auth"));
        try {
            assertThatThrownBy(() -> {
                Throwable t = startWith(TOKEN);
                if (t != null) {
                    throw t;
                }
            }).satisfies(t -> assertThat(messages(t)).contains("invalid_auth"));
        } finally {
            SLACK.on("auth.test", p -> SLACK.workspace().answer("auth.test", p));
        }
    }
}
