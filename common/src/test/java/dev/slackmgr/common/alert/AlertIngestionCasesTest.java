package dev.slackmgr.common.alert;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static dev.slackmgr.common.alert.AlertFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The decode → clean → validate → filter → encode path of acceptance-cases.md sections A, D, E and F at unit
 * level: a request body in, the queued bodies or the first error text out.
 */
class AlertIngestionCasesTest {

    /** Outcome of one body: the queue bodies, or the validation failure of the first invalid alert. */
    record Outcome(List<JsonNode> queued, Optional<String> failure) {
    }

    static Outcome ingest(String body) {
        List<Alert> cleaned = AlertJson.decodeRequestBody(body.getBytes(StandardCharsets.UTF_8)).stream()
                .map(a -> AlertCleaner.clean(a, NOW)).toList();
        Optional<String> failure = cleaned.stream().map(AlertValidator::validate).flatMap(Optional::stream).findFirst();
        if (failure.isPresent()) {
            return new Outcome(List.of(), failure);
        }
        return new Outcome(cleaned.stream().filter(a -> !IgnoreFilter.isIgnored(a))
                .map(a -> AlertJson.mapper().readTree(AlertJson.encode(a))).toList(), Optional.empty());
    }

    @Test
    void a04SingleObjectGetsDefaults() {
        JsonNode q = ingest("{\"slackChannelId\":\"C123\",\"header\":\"Test Alert\"}").queued().get(0);
        assertThat(q.get("header").asString()).isEqualTo("Test Alert");
        assertThat(q.get("severity").asString()).isEqualTo("error");
        assertThat(q.get("correlationId").asString()).isEmpty();
        assertThat(q.get("issueFollowUpEnabled").asBoolean()).isFalse();
        assertThat(q.get("timestamp").asString()).isEqualTo(GoTime.formatRfc3339NanoUtc(NOW));
        assertThat(q.size()).isEqualTo(28);
    }

    @Test
    void a05ArrayKeepsOrder() {
        assertThat(ingest("[{\"slackChannelId\":\"C123\",\"header\":\"foo\"},{\"slackChannelId\":\"C123\",\"header\":\"bar\"}]")
                .queued()).extracting(q -> q.get("header").asString()).containsExactly("foo", "bar");
    }

    @Test
    void a06WrapperIgnoresRootFields() {
        assertThat(ingest("{\"header\":\"ignored\",\"alerts\":[{\"slackChannelId\":\"C123\",\"header\":\"foo\"},"
                + "{\"slackChannelId\":\"C123\",\"header\":\"bar\"}]}").queued())
                .extracting(q -> q.get("header").asString()).containsExactly("foo", "bar");
        assertThat(ingest("{\"alerts\":[],\"slackChannelId\":\"C123\",\"header\":\"root\"}").queued())
                .extracting(q -> q.get("header").asString()).containsExactly("root");
    }

    @Test
    void a07EmptyWrapperIsOneEmptyAlert() {
        assertThat(ingest("{\"alerts\":[]}").failure()).contains("header and text cannot both be empty");
        assertThat(ingest("[]").queued()).isEmpty();
    }

    @Test
    void a09CaseInsensitiveKeysAndNulls() {
        JsonNode q = ingest("{\"SlackChannelId\":\"C123\",\"HEADER\":\"Hello\"}").queued().get(0);
        assertThat(q.get("slackChannelId").asString()).isEqualTo("C123");
        assertThat(q.get("header").asString()).isEqualTo("Hello");
        JsonNode n = ingest("{\"slackChannelId\":\"C123\",\"header\":\"x\",\"severity\":null,\"fields\":null,"
                + "\"metadata\":null,\"timestamp\":null}").queued().get(0);
        assertThat(n.get("severity").asString()).isEqualTo("error");
        assertThat(n.get("fields").isNull()).isTrue();
        assertThat(n.get("timestamp").asString()).isEqualTo(GoTime.formatRfc3339NanoUtc(NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"autoResolveSeconds\":\"60\"", "\"autoResolveSeconds\":60.0", "\"autoResolveSeconds\":6e1",
            "\"issueFollowUpEnabled\":\"true\"", "\"header\":123", "\"ignoreIfTextContains\":\"foo\"", "\"timestamp\":\"\"",
            "\"timestamp\":\"2024-05-01 12:00:00\"", "\"timestamp\":\"2024-05-01T12:00:00\""})
    void a10StrictTypesFailDecoding(String member) {
        assertThatThrownBy(() -> ingest("{\"slackChannelId\":\"C123\",\"header\":\"x\"," + member + "}"))
                .isInstanceOf(AlertDecodeException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "[null]", " [{\"slackChannelId\":\"C123\",\"header\":\"x\"}] x"})
    void a11NullBodiesAreDecodeErrors(String body) {
        assertThatThrownBy(() -> ingest(body)).isInstanceOf(AlertDecodeException.class);
    }

    @Test
    void d08PassThroughAndTimestamps() {
        JsonNode q = ingest("{\"slackChannelId\":\"C123\",\"header\":\"x\",\"correlationId\":\"  FOO  \","
                + "\"ignoreIfTextContains\":[\"  Foo  \"],\"metadata\":{\"n\":100,\"s\":\"x\"},"
                + "\"timestamp\":\"2026-01-11T12:00:00+01:00\"}").queued().get(0);
        assertThat(q.get("correlationId").asString()).isEqualTo("FOO");
        assertThat(q.get("ignoreIfTextContains").get(0).asString()).isEqualTo("  Foo  ");
        assertThat(q.get("metadata")).isEqualTo(AlertJson.mapper().readTree("{\"n\":100,\"s\":\"x\"}"));
        assertThat(q.get("timestamp").asString()).isEqualTo("2026-01-11T12:00:00+01:00");
        JsonNode old = ingest("{\"slackChannelId\":\"C123\",\"header\":\"x\",\"timestamp\":\""
                + GoTime.formatRfc3339Nano(NOW.minusSeconds(8 * 86400).atOffset(ZoneOffset.ofHours(3))) + "\"}").queued().get(0);
        assertThat(old.get("timestamp").asString()).isEqualTo(GoTime.formatRfc3339NanoUtc(NOW));
    }

    @Test
    void e08SkipConfirmationDialog() {
        String w = "{\"slackChannelId\":\"C123\",\"header\":\"x\",\"webhooks\":[{\"id\":\"foo\",\"url\":\"http://foo.bar\","
                + "\"buttonText\":\"press me\",\"skipConfirmationDialog\":true";
        assertThat(ingest(w + ",\"buttonStyle\":\"danger\"}]}").failure()).hasValueSatisfying(m -> assertThat(m).startsWith("webhook[0]"));
        assertThat(ingest(w + ",\"plainTextInput\":[{\"id\":\"a\",\"maxLength\":5}]}]}").failure())
                .hasValueSatisfying(m -> assertThat(m).startsWith("webhook[0]"));
        JsonNode q = ingest(w + "}]}").queued().get(0);
        assertThat(q.get("webhooks").get(0).get("skipConfirmationDialog").asBoolean()).isTrue();
        assertThat(q.get("webhooks").get(0).get("buttonStyle").asString()).isEqualTo("default");
        assertThat(q.get("webhooks").get(0).get("accessLevel").asString()).isEqualTo("global_admins");
    }

    @Test
    void e09WholeBatchRejected() {
        Outcome o = ingest("[{\"slackChannelId\":\"C123\",\"header\":\"ok\"},"
                + "{\"slackChannelId\":\"C123\",\"severity\":\"foo\",\"header\":\"bad\"}]");
        assertThat(o.queued()).isEmpty();
        assertThat(o.failure()).contains("severity 'foo' is not valid, expected one of [panic, error, warning, resolved, info]");
    }

    @Test
    void f01IgnoredAlertsAreNotQueued() {
        assertThat(ingest("{\"slackChannelId\":\"C123\",\"text\":\"This has an error in it\",\"ignoreIfTextContains\":[\"ERROR\"]}")
                .queued()).isEmpty();
        assertThat(ingest("[{\"slackChannelId\":\"C123\",\"text\":\"keep\"},{\"slackChannelId\":\"C123\","
                + "\"text\":\"please DROP me\",\"ignoreIfTextContains\":[\"drop\"]}]").queued())
                .extracting(q -> q.get("text").asString()).containsExactly("keep");
    }

    @Test
    void f03ValidationPrecedesFilter() {
        assertThat(ingest("{\"slackChannelId\":\"C123\",\"text\":\"noise\",\"ignoreIfTextContains\":[\"noise\"],"
                + "\"severity\":\"bogus\"}").failure()).hasValueSatisfying(m -> assertThat(m).startsWith("severity 'bogus'"));
    }
}
