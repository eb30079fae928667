package dev.slackmgr.api.acceptance;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** acceptance-cases.md §K02–K03: reports of refused requests to the error-report channel. */
@TestPropertySource(properties = "slackmgr.error-report-channel-id=C0ERRORS1")
class ErrorReportAcceptanceTest extends ApiTestBase {

    @Test
    void k02_reportOfA4xx() {
        Response r = send(HttpRequest.newBuilder(uri("/alert")).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(r.status()).isEqualTo(400);
        var reports = queued("C0ERRORS1");
        assertThat(reports).hasSize(1);
        JsonNode b = reports.get(0).body();
        assertThat(b.path("severity").asString()).isEqualTo("warning");
        assertThat(b.path("header").asString()).isEqualTo(":status: Client error 400");
        assertThat(b.path("fallbackText").asString()).isEqualTo("Client error 400");
        assertThat(b.path("issueFollowUpEnabled").asBoolean()).isTrue();
        assertThat(b.path("autoResolveSeconds").asLong()).isEqualTo(3600);
        assertThat(b.path("archivingDelaySeconds").asLong()).isEqualTo(86400);
        assertThat(b.path("correlationId").asString()).isEqualTo(
                "__client_error_[no channel ID or route key found]_PXU1x4qQmX3aYdP0ckdd0hIPNBy-gXw95_3a1V8pbJo=");
        assertThat(b.path("text").asString())
                .isEqualTo("*Target*: `[no channel ID or route key found]`\n*Error*: `missing POST body`");
    }

    @Test
    void k03_reportCarriesAlertContext() {
        Response r = post("/alerts", "{\"slackChannelId\":\"C123\",\"correlationId\":\"c-1\",\"header\":\"*Hi* <x>\",\"severity\":\"foo\"}");
        assertThat(r.status()).isEqualTo(400);
        String text = queued("C0ERRORS1").get(0).field("text");
        assertThat(text).startsWith("*Target*: `C123 (channel ID from alert body)`")
                .contains("*CorrelationId*: `c-1`").contains("*Header*: `Hi x`").contains("*Body*: ");
    }

    @Test
    void k03_reportOfA5xxCarriesTheRealError() {
        Response r = post("/alerts", "{\"slackChannelId\":\"CERR\",\"header\":\"x\"}");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.error()).isEqualTo("Internal server error");
        JsonNode b = queued("C0ERRORS1").get(0).body();
        assertThat(b.path("severity").asString()).isEqualTo("error");
        assertThat(b.path("header").asString()).isEqualTo(":status: Client error 500");
        assertThat(b.path("text").asString()).contains("internal_error");
    }
}
