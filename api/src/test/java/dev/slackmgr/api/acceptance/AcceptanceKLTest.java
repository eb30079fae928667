package dev.slackmgr.api.acceptance;

import dev.slackmgr.common.alert.AlertIds;
import dev.slackmgr.common.alert.AlertJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** acceptance-cases.md §K01 (message shape) and §L (Go-client compatibility). */
class AcceptanceKLTest extends ApiTestBase {
    private static final List<String> ALL_KEYS = List.of("timestamp", "correlationId", "type", "header",
            "headerWhenResolved", "text", "textWhenResolved", "fallbackText", "author", "host", "footer", "link",
            "issueFollowUpEnabled", "autoResolveSeconds", "autoResolveAsInconclusive", "severity", "slackChannelId",
            "routeKey", "username", "iconEmoji", "fields", "notificationDelaySeconds", "archivingDelaySeconds",
            "escalation", "ignoreIfTextContains", "webhooks", "metadata", "failOnRateLimitError");

    @Test
    void k01_messageShapeAndUniqueId() {
        assertThat(post("/alert", "{\"slackChannelId\":\"C123\",\"header\":\"Test Alert\"}").status()).isEqualTo(202);
        Queued q = queued("C123").get(0);
        assertThat(q.channelField()).isEqualTo("C123");
        JsonNode body = q.body();
        assertThat(body.propertyNames()).containsExactlyElementsOf(ALL_KEYS);
        var alert = AlertJson.decode(q.rawBody());
        assertThat(AlertIds.uniqueId(alert)).hasSize(44);
        assertThat(alert.header()).isEqualTo("Test Alert");
    }

    @Test
    void l01_zeroValuedGoClientAlert() {
        String body = "{\"alerts\":[{\"timestamp\":\"0001-01-01T00:00:00Z\",\"correlationId\":\"\",\"type\":\"\",\"header\":\"Test Alert\","
                + "\"headerWhenResolved\":\"\",\"text\":\"\",\"textWhenResolved\":\"\",\"fallbackText\":\"\",\"author\":\"\",\"host\":\"\","
                + "\"footer\":\"\",\"link\":\"\",\"issueFollowUpEnabled\":false,\"autoResolveSeconds\":0,"
                + "\"autoResolveAsInconclusive\":false,\"severity\":\"\",\"slackChannelId\":\"C123\",\"routeKey\":\"\",\"username\":\"\","
                + "\"iconEmoji\":\"\",\"fields\":null,\"notificationDelaySeconds\":0,\"archivingDelaySeconds\":0,\"escalation\":null,"
                + "\"ignoreIfTextContains\":null,\"webhooks\":null,\"metadata\":null,\"failOnRateLimitError\":false}]}";
        Response r = post("/alerts", body, Map.of("Content-Type", "application/json", "Accept", "application/json",
                "User-Agent", "slack-manager-go-client/1.0", "Authorization", "Bearer my-token"));
        assertThat(r.status()).isEqualTo(202);
        assertThat(queued("C123").get(0).field("severity")).isEqualTo("error");
    }

    @Test
    void l02_errorsAreJsonAndRetryAfterIsSeconds() {
        settings("rateLimitPerAlertChannel:\n  alertsPerSecond: 0.5\n  allowedBurst: 1\n");
        assertThat(post("/alerts", "{\"slackChannelId\":\"C123\",\"header\":\"x\"}").status()).isEqualTo(202);
        Response r = post("/alerts", "{\"slackChannelId\":\"C123\",\"header\":\"x\"}");
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.header("Retry-After")).matches("\\d+");
        assertThat(r.error()).isNotBlank();
        assertThat(get("/ping").status()).isEqualTo(200);
    }
}
