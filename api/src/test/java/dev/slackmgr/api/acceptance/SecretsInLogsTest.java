package dev.slackmgr.api.acceptance;

import dev.slackmgr.api.ApiApplication;
import dev.slackmgr.common.testing.TestRedis;
import dev.slackmgr.common.testing.slack.FakeSlack;
import dev.slackmgr.common.testing.slack.FakeWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Slack token, the encryption key and the API keys never appear in the logs (issue #8 item 7): the API is
 * started in this JVM with random secrets while everything it logs is captured, from start-up through accepted
 * alerts, alerts with encrypted webhooks, bad input, refused keys, Slack errors (failing channel, HTTP 500, 429)
 * and error reports, to shutdown; then with an invalid encryption key, whose start-up failure is reported.
 * Logging of the application's own packages is at DEBUG. Positive controls show that the capture sees the logs.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsInLogsTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void noSecretInTheLogsOfARunWithFailures(CapturedOutput output) throws Exception {
        String token = "xoxb-" + alnum(12) + "-" + alnum(24);
        String encryptionKey = alnum(32);
        String apiKey = "apikey-" + alnum(20);
        FakeWorkspace ws = new FakeWorkspace("U0BOT").channel("C123", "alerts").channel("C456", "ops")
                .channel("C0ERRORS1", "errors").failing("CERR");
        Path settings = Files.createTempFile("slackmgr-secrets", ".yaml");
        Files.writeString(settings, "apiKeys: [" + apiKey + "]\n");
        try (FakeSlack slack = new FakeSlack(ws)) {
            ConfigurableApplicationContext app = start(slack, token, encryptionKey, settings);
            try {
                int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
                Map<String, Integer> got = new LinkedHashMap<>();
                String auth = "Bearer " + apiKey;
                got.put("valid", post(port, "/alerts", auth, "{\"slackChannelId\":\"C123\",\"header\":\"ok\"}"));
                got.put("webhook", post(port, "/alerts", auth, "{\"slackChannelId\":\"C123\",\"header\":\"w\","
                        + "\"webhooks\":[{\"id\":\"a\",\"url\":\"https://example.com\",\"buttonText\":\"Go\","
                        + "\"payload\":{\"k\":\"v\"}}]}"));
                got.put("webhook payload too large", post(port, "/alerts", auth, "{\"slackChannelId\":\"C123\","
                        + "\"header\":\"w\",\"webhooks\":[{\"id\":\"a\",\"url\":\"https://example.com\","
                        + "\"buttonText\":\"Go\",\"payload\":{\"k\":\"" + "v".repeat(3000) + "\"}}]}"));
                got.put("bad json", post(port, "/alerts", auth, "{\"header\":"));
                got.put("invalid", post(port, "/alerts", auth, "{\"slackChannelId\":\"C123\",\"severity\":\"x\"}"));
                got.put("no key", post(port, "/alerts", null, "{\"slackChannelId\":\"C123\",\"header\":\"x\"}"));
                got.put("wrong key", post(port, "/alerts", "Bearer " + apiKey + "x", "{\"header\":\"x\"}"));
                got.put("slack fails for channel", post(port, "/alerts", auth,
                        "{\"slackChannelId\":\"CERR\",\"header\":\"x\"}"));
                slack.failNext("conversations.info", 10, 500);
                got.put("slack 500", post(port, "/alert/C456", auth, "{\"header\":\"x\"}"));
                slack.clearFaults();
                slack.rateLimitNext("conversations.info", 10, 1);
                got.put("slack 429", post(port, "/alerts", auth, "{\"slackChannelId\":\"C0ERRORS1\",\"header\":\"x\"}"));
                slack.clearFaults();
                got.put("unknown channel", post(port, "/alerts", auth, "{\"slackChannelId\":\"C999\",\"header\":\"x\"}"));
                got.put("prometheus", post(port, "/prometheus-alert", auth,
                        "{\"alerts\":[{\"labels\":{\"channel\":\"C123\"}}]}"));
                got.put("channels", get(port, "/channels", auth));
                got.put("health", get(port, "/actuator/health", null));

                assertThat(got).containsEntry("valid", 202).containsEntry("webhook", 202)
                        .containsEntry("webhook payload too large", 400).containsEntry("bad json", 400)
                        .containsEntry("no key", 401).containsEntry("wrong key", 401)
                        .containsEntry("slack fails for channel", 500).containsEntry("prometheus", 202)
                        .containsEntry("health", 200);
                assertThat(got.get("slack 500")).isGreaterThanOrEqualTo(500);
            } finally {
                app.close();
            }
        }
        // positive controls: the capture saw start-up, refusals and the Slack failure
        assertThat(output.getAll()).contains("Tomcat started on port").contains("refused with 400")
                .contains("CERR");
        assertNoSecret(output.getAll(), token, encryptionKey, apiKey);
    }

    @Test
    void anInvalidEncryptionKeyIsNotPrintedWhenStartUpFails(CapturedOutput output) throws Exception {
        String token = "xoxb-" + alnum(12) + "-" + alnum(24);
        String almostAKey = alnum(31); // one character short: start-up fails
        Path settings = Files.createTempFile("slackmgr-secrets", ".yaml");
        Files.writeString(settings, "apiKeys: []\n");
        try (FakeSlack slack = new FakeSlack(new FakeWorkspace("U0BOT").channel("C123", "alerts"))) {
            assertThatThrownBy(() -> start(slack, token, almostAKey, settings).close()).isInstanceOf(Exception.class);
        }
        assertThat(output.getAll()).contains("encryption key must be a 32 character alphanumeric string");
        assertNoSecret(output.getAll(), token, almostAKey);
    }

    private static void assertNoSecret(String logs, String... secrets) {
        for (String secret : secrets) {
            assertThat(logs).as("logs contain a secret").doesNotContain(secret);
            // not even the distinctive part of it
            assertThat(logs).doesNotContain(secret.substring(secret.length() - 16));
        }
    }

    private static ConfigurableApplicationContext start(FakeSlack slack, String token, String key, Path settings) {
        // command-line arguments: they win over application.yaml (default properties would not)
        return new SpringApplicationBuilder(ApiApplication.class).run(
                "--server.port=0",
                "--spring.data.redis.url=" + TestRedis.url(),
                "--slackmgr.slack.api-url=" + slack.apiUrl(),
                "--slackmgr.slack.bot-token=" + token,
                "--slackmgr.encryption-key=" + key,
                "--slackmgr.settings-file=" + settings,
                "--slackmgr.error-report-channel-id=C0ERRORS1",
                "--slackmgr.queue-key-prefix=secrets-test:queue",
                "--logging.level.dev.slackmgr=DEBUG");
    }

    private static int post(int port, String path, String auth, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int get(int port, String path, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET();
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String alnum(int n) {
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(chars.charAt(RANDOM.nextInt(chars.length())));
        }
        return b.toString();
    }
}
