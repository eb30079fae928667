package dev.slackmgr.api.acceptance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpRequest;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** acceptance-cases.md §A – body envelope and parsing. */
class AcceptanceATest extends ApiTestBase {

    @ParameterizedTest
    @ValueSource(strings = {"/alert", "/alerts", "/prometheus-alert", "/alerts-test"})
    void a01_contentLengthZeroIsMissingBody(String path) {
        Response r = send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).isEqualTo("Missing POST body");
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(queued()).isEmpty();
    }

    @Test
    void a01_chunkedEmptyBodyFailsParsing() {
        Response r = send(HttpRequest.newBuilder(uri("/alerts")).POST(
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[0]))));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).startsWith("Failed to parse POST body");
    }

    @Test
    void a02_malformedJson() {
        Response r = post("/alert", "invalid json");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).startsWith("Failed to parse POST body: failed to json unmarshal input:");
        assertThat(post("/alert", "[{\"header\":\"foo\"").error()).startsWith("Failed to parse POST body");
        assertThat(queued()).isEmpty();
    }

    @Test
    void a03_emptyArrayIsNoContent() {
        Response r = post("/alerts", "[]");
        assertThat(r.status()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        assertThat(r.header("Ratelimit-Limit")).isNull();
        assertThat(queued()).isEmpty();
    }

    @Test
    void a04_singleObject() {
        Response r = post("/alert", "{\"slackChannelId\":\"C123\",\"header\":\"Test Alert\"}");
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.body()).isEmpty();
        List<Queued> q = queued();
        assertThat(q).hasSize(1);
        Queued m = q.get(0);
        assertThat(m.streamChannel()).isEqualTo("C123");
        assertThat(m.channelField()).isEqualTo("C123");
        assertThat(m.field("header")).isEqualTo("Test Alert");
        assertThat(m.field("severity")).isEqualTo("error");
        assertThat(m.field("correlationId")).isEmpty();
        assertThat(m.body().path("issueFollowUpEnabled").asBoolean()).isFalse();
        assertThat(Duration.between(OffsetDateTime.parse(m.field("timestamp")), OffsetDateTime.now()).abs())
                .isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void a05_arrayKeepsOrder() {
        assertThat(post("/alerts", "[{\"slackChannelId\":\"C123\",\"header\":\"foo\"},"
                + "{\"slackChannelId\":\"C123\",\"header\":\"bar\"}]").status()).isEqualTo(202);
        assertThat(queued("C123")).extracting(q -> q.field("header")).containsExactly("foo", "bar");
    }

    @Test
    void a06_wrapperIgnoresRootFields() {
        assertThat(post("/alerts", "{\"header\":\"ignored\",\"alerts\":[{\"slackChannelId\":\"C123\",\"header\":\"foo\"},"
                + "{\"slackChannelId\":\"C123\",\"header\":\"bar\"}]}").status()).isEqualTo(202);
        assertThat(queued()).extracting(q -> q.field("header")).containsExactly("foo", "bar");
    }

    @Test
    void a06_emptyWrapperFallsBackToRootAlert() {
        assertThat(post("/alerts", "{\"alerts\":[],\"slackChannelId\":\"C123\",\"header\":\"root\"}").status())
                .isEqualTo(202);
        assertThat(queued()).extracting(q -> q.field("header")).containsExactly("root");
    }

    @Test
    void a07_emptyAlertsListIsOneEmptyAlert() {
        Response r = post("/alerts", "{\"alerts\":[]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).isEqualTo("Alert has no route key, and no fallback mapping exists");
        assertThat(queued()).isEmpty();
    }

    /** Deliberate difference (docs/compatibility.md): leading whitespace before an array is accepted. */
    @Test
    void a08_whitespaceBeforeArrayIsAccepted() {
        assertThat(post("/alerts", " \n [{\"slackChannelId\":\"C123\",\"header\":\"x\"}]").status()).isEqualTo(202);
        assertThat(queued()).hasSize(1);
    }

    @Test
    void a09_caseInsensitiveKeysUnknownKeysAndNulls() {
        assertThat(post("/alerts", "{\"SlackChannelId\":\"C123\",\"HEADER\":\"Hello\"}").status()).isEqualTo(202);
        assertThat(post("/alerts", "{\"slackChannelId\":\"C123\",\"header\":\"x\",\"foo\":{\"bar\":1}}").status())
                .isEqualTo(202);
        assertThat(post("/alerts", "{\"slackChannelId\":\"C123\",\"header\":\"x\",\"severity\":null,\"fields\":null,"
                + "\"metadata\":null}").status()).isEqualTo(202);
        List<Queued> q = queued("C123");
        assertThat(q.get(0).field("slackChannelId")).isEqualTo("C123");
        assertThat(q.get(0).field("header")).isEqualTo("Hello");
        assertThat(q.get(2).field("severity")).isEqualTo("error");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"autoResolveSeconds\":\"60\"", "\"autoResolveSeconds\":60.0", "\"autoResolveSeconds\":6e1",
            "\"issueFollowUpEnabled\":\"true\"", "\"header\":123", "\"ignoreIfTextContains\":\"foo\"",
            "\"timestamp\":\"\"", "\"timestamp\":\"2024-05-01 12:00:00\"", "\"timestamp\":\"2024-05-01T12:00:00\""})
    void a10_strictTypes(String field) {
        Response r = post("/alerts", "{\"slackChannelId\":\"C123\",\"header\":\"x\"," + field + "}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).startsWith("Failed to parse POST body");
        assertThat(queued()).isEmpty();
    }

    @Test
    void a10_nullTimestampIsNow() {
        assertThat(post("/alerts", "{\"slackChannelId\":\"C123\",\"header\":\"x\",\"timestamp\":null}").status())
                .isEqualTo(202);
        assertThat(Duration.between(OffsetDateTime.parse(queued().get(0).field("timestamp")), OffsetDateTime.now())
                .abs()).isLessThan(Duration.ofSeconds(5));
    }

    /** Deliberate difference: the reference answers 500 (nil dereference); we answer 400 naming the problem. */
    @ParameterizedTest
    @ValueSource(strings = {"null", "[null]"})
    void a11_nullBodyIsClientError(String body) {
        Response r = post("/alerts", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).startsWith("Failed to parse POST body");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/alert", "/alerts", "/alert/C123", "/alerts/C123"})
    void a12_routesBehaveIdentically(String path) {
        assertThat(post(path, "{\"slackChannelId\":\"C123\",\"header\":\"x\"}").status()).isEqualTo(202);
        assertThat(queued("C123")).hasSize(1);
    }

    /** Status codes as in the reference; the body is JSON (docs/compatibility.md). */
    @Test
    void a12_unknownRoutesAndMethodsAre404() {
        assertThat(get("/alerts").status()).isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(uri("/alerts")).PUT(HttpRequest.BodyPublishers.ofString("{}")))
                .status()).isEqualTo(404);
        Response r = get("/nope");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.error()).contains("404 page not found");
    }

    /** Better than the reference: bodies over the limit (1 MiB) are refused with 413 and a JSON error. */
    @Test
    void oversizeBodyIs413() {
        String big = "{\"slackChannelId\":\"C123\",\"header\":\"x\",\"text\":\"" + "a".repeat(1_100_000) + "\"}";
        Response r = post("/alerts", big);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.error()).contains("larger than the limit");
        assertThat(queued()).isEmpty();
    }

    @Test
    void chunkedBodyIsReadCompletely() {
        byte[] body = "{\"slackChannelId\":\"C123\",\"header\":\"chunked\"}".getBytes();
        Response r = send(HttpRequest.newBuilder(uri("/alerts")).POST(
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
        assertThat(r.status()).isEqualTo(202);
        assertThat(queued()).extracting(q -> q.field("header")).containsExactly("chunked");
    }
}
